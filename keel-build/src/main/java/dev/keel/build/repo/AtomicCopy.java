package dev.keel.build.repo;

import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a file into a directory so that it is never seen half written, and never through a link out of it. */
final class AtomicCopy {

    private AtomicCopy() {}

    /** Copies {@code source} next to {@code target} (inside {@code root}), then renames it over {@code target}. */
    static void copy(Path root, Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(root.toRealPath())) {
            throw new FailureException(Failure.of(
                            Failure.Kind.FILESYSTEM,
                            "cannot publish into " + target.getParent() + ": it is a link out of " + root)
                    .at(Location.of(target.getParent())));
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
