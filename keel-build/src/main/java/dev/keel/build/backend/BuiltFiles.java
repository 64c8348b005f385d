package dev.keel.build.backend;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files a build step wrote. */
public final class BuiltFiles {

    private BuiltFiles() {}

    /**
     * The one source RPM (a regular file ending in {@code .src.rpm}) that {@code step} wrote in
     * {@code directory}; a build failure at {@code log} when it wrote none or several.
     */
    public static Path sourceRpm(Path directory, String step, Path log) throws IOException {
        List<Path> found = Files.isDirectory(directory) ? regularFiles(directory, ".src.rpm") : List.of();
        if (found.size() != 1) {
            throw new FailureException(BuildLog.failure(
                    Failure.Kind.BUILD, step + " wrote " + found.size() + " source RPMs, not one", log));
        }
        return found.get(0);
    }

    /** The regular files (not links) in {@code directory} whose names end in {@code suffix}, sorted. */
    public static List<Path> regularFiles(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }
}
