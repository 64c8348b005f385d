package dev.keel.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the files of a project into one tree, with azldev's cross-file rules: named tables
 * (components, groups, images, package groups, test suites) are a strict union; project, tools
 * and default package settings are overridden key by key; the default component configuration is
 * layered like a component (arrays append); distros override field by field except that a version
 * is replaced whole; each resource is replaced whole.
 */
final class ProjectMerger {

    private static final Set<String> UNION =
            Set.of("components", "component-groups", "images", "package-groups", "test-suites");
    private static final Set<String> SKIPPED = Set.of("includes", "$schema");

    private final Map<String, ConfigNode> merged = new LinkedHashMap<>();
    /** Union sections are collected in mutable maps and turned into tables at the end. */
    private final Map<String, Map<String, ConfigNode>> unions = new LinkedHashMap<>();

    private final List<ConfigError> errors;

    ProjectMerger(List<ConfigError> errors) {
        this.errors = errors;
    }

    void add(ConfigNode.Table file) {
        file.entries().forEach((key, value) -> {
            if (SKIPPED.contains(key) || !(value instanceof ConfigNode.Table table)) {
                return;
            }
            if (UNION.contains(key)) {
                union(key, table);
                merged.putIfAbsent(key, table);
                return;
            }
            ConfigNode.Table earlier = (ConfigNode.Table) merged.get(key);
            ConfigNode.Table result;
            if (key.equals("default-component-config")) {
                result = TreeMerge.layer(earlier, table);
            } else if (key.equals("distros")) {
                result = distros(earlier, table);
            } else if (key.equals("resources")) {
                result = resources(earlier, table);
            } else {
                result = TreeMerge.override(earlier, table);
            }
            merged.put(key, result);
        });
    }

    ConfigNode.Table result(Location location) {
        unions.forEach((section, entries) -> merged.put(
                section, new ConfigNode.Table(entries, merged.get(section).location(), null)));
        return new ConfigNode.Table(merged, location, null);
    }

    private void union(String section, ConfigNode.Table later) {
        Map<String, ConfigNode> entries = unions.computeIfAbsent(section, key -> new LinkedHashMap<>());
        later.entries().forEach((name, value) -> {
            ConfigNode previous = entries.putIfAbsent(name, value);
            if (previous != null) {
                errors.add(ConfigError.error(
                        value.location(),
                        KeyPaths.child(section, name),
                        KeyPaths.describe(KeyPaths.child(section, name)) + " is defined twice",
                        "first defined at " + previous.location()));
            }
        });
    }

    private static ConfigNode.Table distros(ConfigNode.Table earlier, ConfigNode.Table later) {
        if (earlier == null) {
            return later;
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>(earlier.entries());
        later.entries().forEach((name, value) -> {
            if (entries.get(name) instanceof ConfigNode.Table before && value instanceof ConfigNode.Table after) {
                ConfigNode.Table versions = replaceEach(
                        (ConfigNode.Table) before.get("versions"), (ConfigNode.Table) after.get("versions"));
                Map<String, ConfigNode> distro =
                        new LinkedHashMap<>(TreeMerge.override(before, after).entries());
                if (versions != null) {
                    distro.put("versions", versions);
                }
                entries.put(name, new ConfigNode.Table(distro, after.location(), null));
            } else {
                entries.put(name, value);
            }
        });
        return new ConfigNode.Table(entries, earlier.location(), null);
    }

    private static ConfigNode.Table resources(ConfigNode.Table earlier, ConfigNode.Table later) {
        if (earlier == null) {
            return later;
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>(earlier.entries());
        later.entries().forEach((kind, value) -> {
            if (entries.get(kind) instanceof ConfigNode.Table before && value instanceof ConfigNode.Table after) {
                entries.put(kind, replaceEach(before, after));
            } else {
                entries.put(kind, value);
            }
        });
        return new ConfigNode.Table(entries, earlier.location(), null);
    }

    /** Key-wise union where a later entry replaces an earlier one whole. */
    private static ConfigNode.Table replaceEach(ConfigNode.Table earlier, ConfigNode.Table later) {
        if (earlier == null || later == null) {
            return later == null ? earlier : later;
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>(earlier.entries());
        entries.putAll(later.entries());
        return new ConfigNode.Table(entries, later.location(), null);
    }
}
