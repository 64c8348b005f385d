package dev.keel.build.backend;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** A component's prepared sources, copied to where a build reads them. */
public final class PreparedSources {

    private PreparedSources() {}

    /**
     * Copies the prepared sources into {@code to} with fixed permissions (0644, 0755 for
     * executables and directories), so the source RPM does not depend on the umask; symbolic links
     * are refused.
     */
    public static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    throw new FailureException(Failure.of(
                            Failure.Kind.SOURCES,
                            "the prepared sources hold a symbolic link: " + from.relativize(source)));
                }
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    boolean executable = Files.isExecutable(source);
                    Files.copy(source, target);
                    Files.setPosixFilePermissions(
                            target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }
}
