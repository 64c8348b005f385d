package dev.keel.core.config;

import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.StandaloneOverlayFile;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an overlay file on its own (outside a project), with the same checks a project applies. */
public final class OverlayFiles {

    private OverlayFiles() {}

    /** The file's overlays in order, {@code source} paths made absolute; throws {@link ConfigException}. */
    public static List<LocatedOverlay> read(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode.Table tree = TomlReader.read(absolute, InputFiles.read(absolute, InputFiles.Kind.CONFIG), errors);
        List<LocatedOverlay> overlays = new ArrayList<>();
        if (errors.isEmpty()) {
            StandaloneOverlayFile content = new Binder(errors, false).bind(tree, StandaloneOverlayFile.class, "");
            tree = PathRewriter.rewrite(
                    tree,
                    StandaloneOverlayFile.class,
                    absolute.getParent(),
                    absolute.getParent(),
                    "the overlay file's directory",
                    errors);
            if (tree.get("overlays") instanceof ConfigNode.Array array) {
                for (int i = 0; i < array.items().size(); i++) {
                    if (!(array.items().get(i) instanceof ConfigNode.Table table)) {
                        continue;
                    }
                    Map<String, ConfigNode> entries = new LinkedHashMap<>(table.entries());
                    if (tree.get("metadata") != null && !entries.containsKey("metadata")) {
                        entries.put("metadata", tree.get("metadata"));
                    }
                    ConfigNode.Table withMetadata = new ConfigNode.Table(entries, table.location(), null);
                    new OverlayValidator(errors).validate(withMetadata, KeyPaths.index("overlays", i));
                    // null when the overlay is invalid: the validator or the file's binding reported why
                    Overlay overlay = new Binder(new ArrayList<>(), true).bind(withMetadata, Overlay.class, "");
                    if (overlay != null) {
                        overlays.add(new LocatedOverlay(i, overlay, table.location()));
                    }
                }
            }
            if (content != null
                    && content.overlays() != null
                    && content.overlays().isEmpty()) {
                errors.add(ConfigError.error(tree.location(), "overlays", "the overlay file has no overlays", ""));
            }
        }
        if (errors.stream().anyMatch(e -> e.severity() == ConfigError.Severity.ERROR)) {
            throw new ConfigException(errors);
        }
        return overlays;
    }
}
