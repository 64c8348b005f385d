package dev.keel.cli;

import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.InputFiles;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A spec snapshot laid out like Fedora's published one: {@code DIR/<name>.spec}. Specs only, no
 * sidecar files and no history.
 */
record UpstreamSpecs(Path directory) {

    /** The component's upstream spec as its sources (the spec renamed to the component's name), if any. */
    Optional<SourceTree> sources(ResolvedComponent component) throws IOException {
        Path spec = directory.resolve(component.upstreamName() + ".spec");
        try {
            byte[] content = InputFiles.read(spec, InputFiles.Kind.SPEC);
            return Optional.of(SourceTree.of(Map.of(specPath(component), new SourceFile(content, false))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    static String specPath(ResolvedComponent component) {
        return component.name() + ".spec";
    }
}
