package dev.keel.build;

import dev.keel.core.io.Digests;
import dev.keel.core.io.Sha256Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Everything a component's build depends on, as one digest: Keel's build version, the backend and
 * its options, every file of the prepared sources (the rendered spec, its macros file, patches,
 * archives; by path, content and executable bit) and the dependency RPMs it is built against. Equal
 * fingerprints build the same RPMs, so a component whose fingerprint and published files are
 * unchanged is not rebuilt. Host tools (the compiler, ...) are not in it: after upgrading them,
 * build with {@code --rebuild}.
 */
final class BuildFingerprint {

    /** Bump when the same inputs would build differently. */
    static final String VERSION = "keel-build-1";

    private BuildFingerprint() {}

    /**
     * @param backend the backend's identity
     * @param options the build options that change outputs ({@code srpm-only}, {@code no-check})
     * @param sources the prepared sources
     * @param dependencies the dependency RPMs: file name to SHA-256
     */
    static String of(String backend, String options, Path sources, SortedMap<String, String> dependencies)
            throws IOException {
        Sha256Records records = new Sha256Records()
                .add("build", VERSION)
                .add("backend", backend)
                .add("options", options);
        for (Path file : files(sources)) {
            String relative = sources.relativize(file).toString().replace('\\', '/');
            records.add("source:" + relative, (Files.isExecutable(file) ? "x:" : "-:") + sha256(file));
        }
        dependencies.forEach((name, digest) -> records.add("dependency:" + name, digest));
        return records.fingerprint();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }

    /** The hexadecimal SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        return Digests.hex("SHA-256", file);
    }
}
