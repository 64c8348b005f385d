package dev.keel.build.repo;

import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a file into a directory so that it is never seen half written, and never through a link out of it. */
final class AtomicCopy {

    private AtomicCopy() {}

    /** Copies {@code source} next to {@code target} (inside {@code root}), then renames it over {@code target}. */
    static void copy(Path root, Path source, Path target) throws IOException {
        createInside(root, target.getParent());
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

    /**
     * Creates {@code directory} (inside {@code root}) one level at a time, refusing a level that
     * is a link out of {@code root} before anything is created through it.
     */
    private static void createInside(Path root, Path directory) throws IOException {
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        Path current = root;
        for (Path part : root.relativize(directory)) {
            current = current.resolve(part.toString());
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            }
            if (!current.toRealPath().startsWith(realRoot)) {
                throw new FailureException(Failure.of(
                                Failure.Kind.FILESYSTEM,
                                "cannot publish into " + current + ": it is a link out of " + root)
                        .at(Location.of(current)));
            }
        }
    }
}
