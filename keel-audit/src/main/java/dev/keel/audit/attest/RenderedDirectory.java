package dev.keel.audit.attest;

import dev.keel.core.config.Location;
import dev.keel.core.io.Digests;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.overlay.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A component's rendered directory as it is in the project, read without following a link: the
 * subjects of its attestation, once they are shown to be what a render makes now.
 *
 * @param directory the directory
 * @param files each file's path below it, with {@code /}, and its bytes
 */
record RenderedDirectory(Path directory, SortedMap<String, byte[]> files) {

    /** The directory's files; a link or special file in it, or a missing directory, is a failure. */
    static RenderedDirectory read(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute.getParent()) || Files.isSymbolicLink(absolute)) {
            throw failure(absolute, "the rendered directory is a symbolic link, which Keel never writes");
        }
        if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "the component is not rendered")
                    .at(Location.of(absolute))
                    .withHint("render it first: keel component render NAME"));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(absolute)) {
            for (Path file : walk.filter(path -> !path.equals(absolute)).toList()) {
                String name = absolute.relativize(file).toString().replace('\\', '/');
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(name, InputFiles.read(file, InputFiles.Kind.inSources(name)));
                } else if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw failure(file, "the rendered directory holds a link or special file, which Keel never writes");
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new RenderedDirectory(absolute, files);
    }

    /** The files that differ from what the render makes now ({@code name (differs|missing|extra)}), sorted. */
    List<String> differences(Map<String, SourceFile> rendered) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(files.keySet());
        names.addAll(rendered.keySet());
        for (String name : names) {
            if (!files.containsKey(name)) {
                differences.add(name + " (missing)");
            } else if (!rendered.containsKey(name)) {
                differences.add(name + " (not rendered)");
            } else if (!Arrays.equals(files.get(name), rendered.get(name).content())) {
                differences.add(name + " (differs)");
            }
        }
        return differences;
    }

    /** Each file's absolute path and SHA-256. */
    SortedMap<Path, String> digests() {
        SortedMap<Path, String> digests = new TreeMap<>();
        files.forEach((name, bytes) -> digests.put(directory.resolve(name), Digests.hex("SHA-256", bytes)));
        return digests;
    }

    /** The bytes of one file, if the directory has it. */
    Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    private static FailureException failure(Path path, String message) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, message)
                .at(Location.of(path))
                .withHint("remove it and render again: keel component render NAME"));
    }
}
