package dev.keel.core.outcome;

import dev.keel.core.config.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns what the JDK and libraries throw into typed failures with words a user understands: the
 * path a file-system error is about, never a Java class name. Exceptions that already carry a
 * failure ({@link FailureCarrier}) keep theirs.
 */
public final class Failures {

    private static final String BUG_HINT =
            "this is a bug in Keel: rerun with KEEL_DEBUG=1 to see where it happened, and report it";

    private Failures() {}

    /** The failure an exception stands for; {@code kind} is used for I/O errors that name no file. */
    public static Failure of(Throwable thrown, Failure.Kind kind) {
        if (thrown instanceof FailureCarrier carrier) {
            return carrier.failure();
        }
        if (thrown instanceof UncheckedIOException unchecked) {
            return of(unchecked.getCause(), kind);
        }
        if (thrown instanceof FileSystemException fileSystem) {
            return fileSystem(fileSystem);
        }
        if (thrown instanceof IOException io) {
            String message = io.getMessage();
            return Failure.of(kind, message == null || message.isBlank() ? "input/output error" : message);
        }
        if (thrown instanceof OutOfMemoryError) {
            return Failure.of(Failure.Kind.INTERNAL, "out of memory")
                    .withHint("give Keel more memory, e.g. KEEL_JAVA_OPTS=-Xmx4g");
        }
        if (thrown instanceof StackOverflowError) {
            return Failure.of(Failure.Kind.INTERNAL, "the input is nested too deeply to process")
                    .withHint(BUG_HINT);
        }
        String message = thrown.getMessage();
        return Failure.of(
                        Failure.Kind.INTERNAL,
                        message == null || message.isBlank() ? "internal error" : "internal error: " + message)
                .withHint(BUG_HINT);
    }

    /** A file-system error: what happened, at the path it happened to. */
    public static Failure fileSystem(FileSystemException e) {
        String reason = e.getReason();
        String message;
        String hint = "";
        if (e instanceof NoSuchFileException) {
            message = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            message = "permission denied";
        } else if (e instanceof NotDirectoryException) {
            message = "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            message = "directory not empty";
        } else if (e instanceof FileAlreadyExistsException) {
            message = "already exists";
        } else if (e instanceof FileSystemLoopException) {
            message = "symbolic link loop";
        } else if (reason != null && reason.toLowerCase(Locale.ROOT).contains("no space left")) {
            message = "no space left on the device";
            hint = "free some space and run again; nothing was half written";
        } else if (reason != null && reason.toLowerCase(Locale.ROOT).contains("is a directory")) {
            message = "is a directory, not a file";
        } else {
            message = reason == null || reason.isBlank() ? "input/output error" : reason;
        }
        Failure failure = Failure.of(Failure.Kind.FILESYSTEM, message).withHint(hint);
        return e.getFile() == null ? failure : failure.at(Location.of(Path.of(e.getFile())));
    }
}
