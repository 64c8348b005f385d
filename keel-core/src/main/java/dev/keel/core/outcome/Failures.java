package dev.keel.core.outcome;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.Location;
import dev.keel.core.io.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Turns what the JDK and libraries throw into typed failures with words a user understands: the
 * path a file-system error is about, never a Java class name or an exception's text (unless
 * {@code KEEL_DEBUG} is set). Exceptions that already carry a failure ({@link FailureCarrier})
 * keep theirs.
 */
public final class Failures {

    private static final String BUG_HINT =
            "this is a bug in Keel: rerun with KEEL_DEBUG=1 to see where it happened, and report it";

    /** {@code KEEL_DEBUG} is set: internal errors show the exception (the CLI also prints its stack trace). */
    private static final boolean DEBUG = System.getenv("KEEL_DEBUG") != null;

    private Failures() {}

    /** The failure an exception stands for; {@code kind} is used for I/O errors that name no file. */
    public static Failure of(Throwable thrown, Failure.Kind kind) {
        if (thrown instanceof FailureCarrier carrier) {
            return carrier.failure();
        }
        if (thrown instanceof UncheckedIOException unchecked) {
            return of(unchecked.getCause(), kind);
        }
        if (thrown instanceof ConfigException config) {
            return configuration(config);
        }
        if (thrown instanceof FileSystemException fileSystem) {
            return fileSystem(fileSystem);
        }
        if (thrown instanceof IOException io) {
            return Failure.of(kind, FileErrors.reason(io));
        }
        if (thrown instanceof OutOfMemoryError) {
            return Failure.of(Failure.Kind.INTERNAL, "out of memory")
                    .withHint("give Keel more memory, e.g. KEEL_JAVA_OPTS=-Xmx4g");
        }
        Failure internal = thrown instanceof StackOverflowError
                ? Failure.of(Failure.Kind.INTERNAL, "the input is nested too deeply to process")
                : Failure.of(Failure.Kind.INTERNAL, "internal error");
        if (DEBUG) {
            internal = internal.withDetail("exception", thrown.toString());
            StackTraceElement[] stack = thrown.getStackTrace();
            if (stack.length > 0) {
                internal = internal.withDetail("at", stack[0].toString());
            }
        }
        return internal.withHint(BUG_HINT);
    }

    /**
     * A configuration that cannot be used (a lock file, a selection): its first error, located,
     * and how many more there are.
     */
    public static Failure configuration(ConfigException e) {
        ConfigError first = e.errors().get(0);
        Failure failure = Failure.of(Failure.Kind.CONFIGURATION, first.message())
                .at(first.location())
                .withHint(first.hint());
        if (first.keyPath() != null && !first.keyPath().isEmpty()) {
            failure = failure.withDetail("key", first.keyPath());
        }
        int more = e.errors().size() - 1;
        if (more > 0) {
            failure = failure.withDetail(
                    "also", more + (more == 1 ? " more error" : " more errors") + "; 'keel config check' lists them");
        }
        return failure;
    }

    /** A file-system error: what happened, at the path it happened to. */
    public static Failure fileSystem(FileSystemException e) {
        String message = FileErrors.reason(e);
        String hint = message.equals("no space left on the device")
                ? "free some space and run again; nothing was half written"
                : "";
        Failure failure = Failure.of(Failure.Kind.FILESYSTEM, message).withHint(hint);
        return e.getFile() == null ? failure : failure.at(Location.of(Path.of(e.getFile())));
    }
}
