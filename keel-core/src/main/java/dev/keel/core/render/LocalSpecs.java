package dev.keel.core.render;

import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.autospec.SpecVersion;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.UpstreamSource;
import dev.keel.spec.macro.MacroContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sources of a local component ({@code spec.type = "local"}): the files of the spec's directory,
 * the spec renamed to {@code <component>.spec}. Each directory is read once per instance (one run).
 */
public final class LocalSpecs implements UpstreamSource {

    private final Map<String, SourceTree> read = new ConcurrentHashMap<>();

    @Override
    public Optional<SourceTree> fetch(ResolvedComponent component) throws IOException {
        SourceTree known = read.get(component.name());
        if (known == null) {
            known = readDirectory(component);
            read.put(component.name(), known);
        }
        return Optional.of(known);
    }

    /** The spec's directory, read once per run (identity, history and fetch all need it). */
    private static SourceTree readDirectory(ResolvedComponent component) throws IOException {
        Path spec = Path.of(component.config().spec().path());
        SourceTree tree = SourceTree.read(spec.getParent());
        String relative = spec.getParent().relativize(spec).toString().replace('\\', '/');
        SourceFile file = tree.get(relative).orElseThrow(() -> new IOException("local spec not found: " + spec));
        return tree.without(relative).with(component.name() + ".spec", file);
    }

    @Override
    public boolean specOnly() {
        return false;
    }

    /** No repository: the single {@code Initial sources} commit azldev creates for a local spec. */
    @Override
    public Optional<PackageHistory> history(ResolvedComponent component) throws IOException {
        byte[] spec = fetch(component)
                .orElseThrow()
                .get(component.name() + ".spec")
                .orElseThrow()
                .content();
        return Optional.of(PackageHistory.initialSources(SpecVersion.read(spec, MacroContext.defaults())));
    }

    /** {@code sha256:} over the sorted {@code path=sha256} lines of every file of the spec's directory. */
    @Override
    public String identity(ResolvedComponent component) throws IOException {
        SourceTree tree = fetch(component).orElseThrow();
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, SourceFile> file : tree.files().entrySet()) {
            lines.append(file.getKey())
                    .append('=')
                    .append(Sha256Records.hex(file.getValue().content()))
                    .append('\n');
        }
        return "sha256:" + Sha256Records.hex(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    static boolean exists(ResolvedComponent component) {
        return component.config().spec() != null
                && component.config().spec().path() != null
                && Files.isRegularFile(Path.of(component.config().spec().path()));
    }
}
