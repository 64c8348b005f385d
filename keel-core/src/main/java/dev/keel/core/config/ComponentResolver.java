package dev.keel.core.config;

import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.config.model.OverlayFile;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves components, later layers winning: the default component configuration of the
 * component's distro version (falling back to the project's default distro version), the project
 * default, each of its groups alphabetically, then its own table. Arrays append across layers
 * except {@code overlay-files}; a later layer can reset a boolean to false or a string to empty.
 */
final class ComponentResolver {

    static final String COMPONENT_LAYER = "component";
    static final String PROJECT_LAYER = "project default-component-config";

    private final ConfigNode.Table projectTree;
    private final Map<String, List<String>> groupsByComponent;
    /**
     * Every layer a component can inherit, built before any component resolves: components resolve
     * in parallel, and a layer cached on first use was once missing for a component that raced it.
     */
    private final Layers layers;

    private final Map<Path, ParsedOverlayFile> overlayFiles = new ConcurrentHashMap<>();

    /** A per-file overlay file, parsed once however many components use it. */
    private record ParsedOverlayFile(List<ConfigNode> overlays, List<ConfigError> errors) {}

    private final Path projectDir;

    ComponentResolver(ConfigNode.Table projectTree, Map<String, List<String>> groupsByComponent, Path projectDir) {
        this.projectTree = projectTree;
        this.groupsByComponent = groupsByComponent;
        this.projectDir = projectDir;
        this.layers = Layers.of(projectTree);
    }

    /**
     * The layers components inherit: the project's defaults (or null), each group's and each
     * distro version's, keyed by group name and by (distro, version).
     */
    private record Layers(
            ConfigNode.Table project,
            Map<String, ConfigNode.Table> groups,
            Map<List<String>, ConfigNode.Table> versions) {

        static Layers of(ConfigNode.Table projectTree) {
            ConfigNode.Table project = projectTree.get("default-component-config") instanceof ConfigNode.Table table
                    ? table.inLayer(PROJECT_LAYER)
                    : null;
            Map<String, ConfigNode.Table> groups = new HashMap<>();
            if (projectTree.get("component-groups") instanceof ConfigNode.Table table) {
                table.entries().forEach((group, node) -> {
                    if (TreeLookup.at(node, "default-component-config") instanceof ConfigNode.Table defaults) {
                        groups.put(group, defaults.inLayer("group " + group));
                    }
                });
            }
            Map<List<String>, ConfigNode.Table> versions = new HashMap<>();
            if (projectTree.get("distros") instanceof ConfigNode.Table distros) {
                distros.entries().forEach((distro, distroNode) -> {
                    if (TreeLookup.at(distroNode, "versions") instanceof ConfigNode.Table table) {
                        table.entries().forEach((version, node) -> {
                            if (TreeLookup.at(node, "default-component-config") instanceof ConfigNode.Table defaults) {
                                versions.put(
                                        List.of(distro, version), defaults.inLayer("distro " + distro + " " + version));
                            }
                        });
                    }
                });
            }
            return new Layers(project, Map.copyOf(groups), Map.copyOf(versions));
        }
    }

    /** Resolves one component; problems are added to {@code errors}. */
    ResolvedComponent resolve(String name, ConfigNode.Table own, Location definedAt, List<ConfigError> errors) {
        List<String> groups = groupsByComponent.getOrDefault(name, List.of());
        ConfigNode.Table ownLayer = own.inLayer(COMPONENT_LAYER);
        ConfigNode.Table withoutDistro = layers.project();
        for (String group : groups) {
            withoutDistro = TreeMerge.layer(withoutDistro, layers.groups().get(group));
        }
        withoutDistro = TreeMerge.layer(withoutDistro, ownLayer);
        ConfigNode.Table tree = TreeMerge.layer(distroLayer(withoutDistro), withoutDistro);
        tree = withDefaultRelease(tree);
        tree = expandOverlayFiles(tree, KeyPaths.child(KeyPaths.child("components", name), "overlay-files"), errors);
        // Every layer was bound (and its problems reported, as errors or permissive warnings) when its
        // file was read, and merging cannot make a valid value invalid: binding again would only repeat them.
        ComponentConfig config = new Binder(new ArrayList<>(), true)
                .bind(tree, ComponentConfig.class, KeyPaths.child("components", name));
        return new ResolvedComponent(name, config, tree, definedAt, groups);
    }

    /** The distro version defaults for the distro the other layers name, else the project's default distro. */
    private ConfigNode.Table distroLayer(ConfigNode.Table otherLayers) {
        String distro = TreeLookup.string(otherLayers, "spec", "upstream-distro", "name");
        String version = TreeLookup.string(otherLayers, "spec", "upstream-distro", "version");
        ConfigNode.Table layer = distro == null ? null : versionDefaults(distro, version);
        if (layer == null) {
            layer = versionDefaults(
                    TreeLookup.string(projectTree, "project", "default-distro", "name"),
                    TreeLookup.string(projectTree, "project", "default-distro", "version"));
        }
        return layer;
    }

    private ConfigNode.Table versionDefaults(String distro, String version) {
        if (distro == null) {
            return null;
        }
        String effectiveVersion = version == null || version.isEmpty()
                ? TreeLookup.string(projectTree, "distros", distro, "default-version")
                : version;
        return effectiveVersion == null ? null : layers.versions().get(List.of(distro, effectiveVersion));
    }

    private static ConfigNode.Table withDefaultRelease(ConfigNode.Table tree) {
        if (TreeLookup.at(tree, "release", "calculation") != null) {
            return tree;
        }
        Location location = tree.location();
        ConfigNode.Table release = new ConfigNode.Table(
                Map.of("calculation", new ConfigNode.Scalar("auto", location, "default")), location, "default");
        // the wrapper keeps the tree's own layer: only the release value is a default
        return TreeMerge.layer(tree, new ConfigNode.Table(Map.of("release", release), location, tree.layer()));
    }

    // ------------------------------------------------------------------ overlay files

    /**
     * Appends the overlays of the files {@code overlay-files} names after the inline overlays:
     * patterns in order, files of one pattern by base name (full path breaking ties), each file
     * once; a literal pattern that matches nothing is an error.
     */
    private ConfigNode.Table expandOverlayFiles(ConfigNode.Table tree, String keyPath, List<ConfigError> errors) {
        if (!(tree.get("overlay-files") instanceof ConfigNode.Array patterns)
                || patterns.items().isEmpty()) {
            return tree;
        }
        Set<Path> files = new LinkedHashSet<>();
        for (ConfigNode item : patterns.items()) {
            if (!(item instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String pattern)) {
                continue;
            }
            Glob glob = Glob.located(pattern, item, keyPath, errors);
            if (glob == null) {
                continue;
            }
            try {
                List<Path> matches =
                        new ArrayList<>(glob.isLiteral() ? literal(pattern) : glob.find(Path.of("/"), projectDir));
                if (matches.isEmpty() && glob.isLiteral()) {
                    errors.add(ConfigError.error(item.location(), keyPath, "overlay file not found: " + pattern, ""));
                }
                matches.sort(Comparator.comparing((Path p) -> p.getFileName().toString())
                        .thenComparing(Path::toString));
                for (Path match : matches) {
                    if (Confinement.isInside(projectDir, match.toAbsolutePath().normalize())) {
                        files.add(match);
                    } else {
                        errors.add(ConfigError.error(
                                item.location(),
                                keyPath,
                                "overlay file " + match + " leaves the project directory (a symbolic link?)",
                                "overlay files must be inside " + projectDir));
                    }
                }
            } catch (IOException e) {
                errors.add(ConfigError.error(
                        item.location(), keyPath, "cannot list '" + pattern + "': " + FileErrors.withPath(e), ""));
            }
        }
        List<ConfigNode> overlays = new ArrayList<>();
        if (tree.get("overlays") instanceof ConfigNode.Array inline) {
            overlays.addAll(inline.items());
        }
        for (Path file : files) {
            ParsedOverlayFile parsed = overlayFiles.computeIfAbsent(file, this::readOverlayFile);
            errors.addAll(parsed.errors());
            overlays.addAll(parsed.overlays());
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>(tree.entries());
        entries.put("overlays", new ConfigNode.Array(overlays, patterns.location(), patterns.layer()));
        return new ConfigNode.Table(entries, tree.location(), tree.layer());
    }

    private static List<Path> literal(String pattern) {
        Path path = Path.of(pattern.replace("\\", ""));
        return Files.exists(path) ? List.of(path) : List.of();
    }

    private ParsedOverlayFile readOverlayFile(Path file) {
        List<ConfigError> errors = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, InputFiles.Kind.CONFIG);
        } catch (IOException e) {
            errors.add(ConfigError.error(Location.of(file), "", FileErrors.cannotRead("the overlay file", e), ""));
            return new ParsedOverlayFile(List.of(), errors);
        }
        ConfigNode.Table tree = TomlReader.read(file, bytes, errors);
        if (!errors.isEmpty()) {
            return new ParsedOverlayFile(List.of(), errors);
        }
        new Binder(errors, false).bind(tree, OverlayFile.class, "");
        tree = PathRewriter.rewrite(
                tree, OverlayFile.class, file.getParent(), projectDir, PathRewriter.PROJECT_DIRECTORY, errors);
        List<ConfigNode> overlays = new ArrayList<>();
        ConfigNode metadata = tree.get("metadata");
        if (tree.get("overlays") instanceof ConfigNode.Array array) {
            if (array.items().isEmpty()) {
                errors.add(ConfigError.error(
                        array.location(), "overlays", "the overlay file has no overlays", "add [[overlays]] tables"));
            }
            for (int i = 0; i < array.items().size(); i++) {
                if (!(array.items().get(i) instanceof ConfigNode.Table overlay)) {
                    continue;
                }
                if (overlay.get("metadata") != null) {
                    errors.add(ConfigError.error(
                            overlay.get("metadata").location(),
                            KeyPaths.index("overlays", i) + ".metadata",
                            "an overlay in an overlay file cannot have its own metadata",
                            "the file's [metadata] applies to every overlay in it"));
                }
                Map<String, ConfigNode> entries = new LinkedHashMap<>(overlay.entries());
                if (metadata != null) {
                    entries.put("metadata", metadata);
                }
                overlays.add(new ConfigNode.Table(entries, overlay.location(), null)
                        .inLayer("overlay file " + file.getFileName()));
            }
        } else if (tree.get("overlays") instanceof ConfigNode.Table) {
            errors.replaceAll(e -> e.keyPath().equals("overlays")
                    ? ConfigError.error(e.location(), e.keyPath(), e.message(), "write [[overlays]], not [overlays]")
                    : e);
        }
        return new ParsedOverlayFile(overlays, errors);
    }
}
