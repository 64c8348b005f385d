package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.OverlayFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One overlay conformance case: a directory under {@code dev/keel/core/overlay/conformance} on the
 * test classpath holding {@code input.spec.txt} (the upstream spec, named {@value #SPEC} in the source
 * tree), optionally {@code sources/} (the other upstream files) and {@code overlays.toml} (a
 * standalone overlay file whose {@code source} paths are relative to the case directory), with
 * either {@code expected.spec.txt} (plus optionally {@code expected-files.txt} and {@code expected/})
 * or {@code expected-error.txt}.
 */
record ConformanceCase(String name, Path dir) {

    /** The spec's path in the source tree. */
    static final String SPEC = "input.spec";

    static final Path ROOT = root();

    private static Path root() {
        try {
            return Path.of(ConformanceCase.class.getResource("conformance").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of every case directory, sorted. */
    static List<String> names() {
        try (Stream<Path> entries = Files.list(ROOT)) {
            return entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case with that directory name, or with that name after its {@code NNN-} number. */
    static ConformanceCase named(String name) {
        for (String candidate : names()) {
            if (candidate.equals(name)
                    || candidate.substring(candidate.indexOf('-') + 1).equals(name)) {
                return new ConformanceCase(candidate, ROOT.resolve(candidate));
            }
        }
        throw new IllegalArgumentException("no conformance case " + name);
    }

    byte[] input() {
        return read(dir.resolve("input.spec.txt"));
    }

    /** The upstream files: {@code sources/} plus the spec. */
    SourceTree upstream() {
        try {
            Path sources = dir.resolve("sources");
            SourceTree tree = Files.isDirectory(sources) ? SourceTree.read(sources) : SourceTree.of(java.util.Map.of());
            return tree.with(SPEC, new SourceFile(input(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's overlays, as a project would load them; throws the loader's ConfigException. */
    List<LocatedOverlay> overlays() {
        try {
            return OverlayFiles.read(dir.resolve("overlays.toml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OverlayResult apply(List<LocatedOverlay> overlays) throws OverlayException {
        return new OverlayEngine(dir).apply(name, upstream(), SPEC, overlays);
    }

    /** Applies the case's overlays; the case must succeed. */
    OverlayResult apply() {
        try {
            return apply(overlays());
        } catch (OverlayException e) {
            throw new AssertionError(e.failure().format(path -> path.toString()), e);
        }
    }

    Path file(String relative) {
        return dir.resolve(relative);
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
