package dev.keel.cli;

import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into spec files: named files as they are (refused unless regular
 * files), directories recursively to their {@code *.spec} (any that is not a regular file fails
 * when it is read).
 */
final class SpecFiles {

    private SpecFiles() {}

    static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".spec") && !Files.isDirectory(p))
                            .sorted()
                            .forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.exists(path)) {
                InputFiles.requireRegular(path);
                files.add(path);
            } else {
                throw new NoSuchFileException(path.toString(), null, "no such file or directory");
            }
        }
        return files;
    }

    /**
     * The {@code *.macros} files beside a spec (a rendered spec's {@code <name>.azl.macros}), regular
     * files only (a link is not followed), sorted.
     */
    static List<Path> macroFilesBeside(Path spec) throws IOException {
        Path directory = spec.toAbsolutePath().getParent();
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".macros")
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }
}
