package dev.keel.core.config;

import dev.keel.core.io.FileErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Component-group membership: explicit {@code components} lists plus the local components that
 * {@code specs} globs find (named after the spec's base name, minus {@code excluded-paths}).
 *
 * @param groupMembers each group's members, sorted
 * @param components the spec-found components' own tables (spec forced to the found local file)
 */
record SpecGroups(SortedMap<String, List<String>> groupMembers, Map<String, ConfigNode.Table> components) {

    static SpecGroups discover(
            ConfigNode.Table tree, Map<String, ConfigNode.Table> declared, Path projectDir, List<ConfigError> errors) {
        SortedMap<String, List<String>> members = new TreeMap<>();
        Map<String, ConfigNode.Table> found = new LinkedHashMap<>();
        Map<String, Path> foundSpecs = new LinkedHashMap<>();
        if (!(tree.get("component-groups") instanceof ConfigNode.Table groups)) {
            return new SpecGroups(members, found);
        }
        groups.entries().forEach((group, node) -> {
            TreeSet<String> names = new TreeSet<>();
            if (TreeLookup.at(node, "components") instanceof ConfigNode.Array list) {
                for (ConfigNode item : list.items()) {
                    if (item instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String name) {
                        names.add(name);
                    }
                }
            }
            String groupPath = KeyPaths.child("component-groups", group);
            List<Glob> excluded =
                    globs(TreeLookup.at(node, "excluded-paths"), KeyPaths.child(groupPath, "excluded-paths"), errors);
            if (TreeLookup.at(node, "specs") instanceof ConfigNode.Array specs) {
                for (ConfigNode item : specs.items()) {
                    if (!(item instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String pattern)) {
                        continue;
                    }
                    Glob glob = Glob.located(pattern, item, KeyPaths.child(groupPath, "specs"), errors);
                    if (glob == null) {
                        continue;
                    }
                    List<Path> matches;
                    try {
                        matches = ProjectLoader.specFiles(glob, projectDir);
                    } catch (IOException e) {
                        errors.add(ConfigError.error(
                                item.location(),
                                "specs",
                                "cannot list '" + pattern + "': " + FileErrors.withPath(e),
                                ""));
                        continue;
                    }
                    for (Path spec : matches) {
                        String path = spec.toString().replace('\\', '/');
                        if (excluded.stream().anyMatch(exclusion -> exclusion.matches(path))) {
                            continue;
                        }
                        String fileName = spec.getFileName().toString();
                        String name =
                                fileName.endsWith(".spec") ? fileName.substring(0, fileName.length() - 5) : fileName;
                        Path previous = foundSpecs.putIfAbsent(name, spec);
                        if (previous != null && !previous.equals(spec)) {
                            errors.add(ConfigError.error(
                                    item.location(),
                                    KeyPaths.child(KeyPaths.child("component-groups", group), "specs"),
                                    "two specs make component '" + name + "': " + previous + " and " + spec,
                                    "exclude one of them with excluded-paths"));
                            continue;
                        }
                        names.add(name);
                        found.put(name, localComponent(name, spec, item.location(), declared.get(name), errors));
                    }
                }
            }
            members.put(group, List.copyOf(names));
        });
        return new SpecGroups(members, found);
    }

    private static List<Glob> globs(ConfigNode node, String keyPath, List<ConfigError> errors) {
        List<Glob> globs = new ArrayList<>();
        if (node instanceof ConfigNode.Array array) {
            for (ConfigNode item : array.items()) {
                if (item instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String pattern) {
                    Glob glob = Glob.located(pattern, item, keyPath, errors);
                    if (glob != null) {
                        globs.add(glob);
                    }
                }
            }
        }
        return globs;
    }

    /** The component's own table with its spec forced to the found file; a conflicting path is an error. */
    private static ConfigNode.Table localComponent(
            String name, Path spec, Location foundBy, ConfigNode.Table declared, List<ConfigError> errors) {
        String path = spec.toString().replace('\\', '/');
        if (declared != null) {
            String configured = TreeLookup.string(declared, "spec", "path");
            if (configured != null && !configured.equals(path)) {
                errors.add(ConfigError.error(
                        TreeLookup.locate(declared, "spec", "path"),
                        KeyPaths.child(KeyPaths.child("components", name), "spec.path"),
                        "component '" + name + "' is found by a group's specs glob at " + path
                                + " but configures spec.path " + configured,
                        "remove spec.path, or exclude the spec from the group"));
            }
        }
        Location at = new Location(spec, 0, 0);
        Map<String, ConfigNode> specTable = new LinkedHashMap<>();
        specTable.put("type", new ConfigNode.Scalar("local", foundBy, null));
        specTable.put("path", new ConfigNode.Scalar(path, foundBy, null));
        ConfigNode.Table forced =
                new ConfigNode.Table(Map.of("spec", new ConfigNode.Table(specTable, foundBy, null)), at, null);
        return TreeMerge.layer(declared == null ? new ConfigNode.Table(Map.of(), at, null) : declared, forced);
    }
}
