package dev.keel.audit.attest;

import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The configuration files that contributed to a component: every file one of its resolved values
 * was written in (its own table, its groups, the project's and its distro version's defaults, its
 * overlay files), the file that declares it, the project's root file, and the files of the project
 * table (render texts) and of its distro version's definition (dist-git and lookaside addresses).
 */
final class ConfigurationFiles {

    private ConfigurationFiles() {}

    static SortedSet<Path> of(Project project, ResolvedComponent component) {
        SortedSet<Path> files = new TreeSet<>();
        add(project.configFile(), files);
        if (component.definedAt() != null) {
            add(component.definedAt().file(), files);
        }
        collect(component.tree(), files);
        collect(project.tree().get("project"), files);
        project.distroVersion(component).ifPresent(distro -> {
            if (project.tree().get("distros") instanceof ConfigNode.Table distros
                    && distros.get(distro.name()) instanceof ConfigNode.Table definition) {
                addOwn(definition, files);
                definition.entries().forEach((key, value) -> {
                    if (!key.equals("versions")) {
                        collect(value, files);
                    }
                });
                if (definition.get("versions") instanceof ConfigNode.Table versions) {
                    collect(versions.get(distro.version()), files);
                }
            }
        });
        return files;
    }

    private static void collect(ConfigNode node, SortedSet<Path> files) {
        if (node == null) {
            return;
        }
        addOwn(node, files);
        if (node instanceof ConfigNode.Table table) {
            table.entries().values().forEach(child -> collect(child, files));
        } else if (node instanceof ConfigNode.Array array) {
            array.items().forEach(child -> collect(child, files));
        }
    }

    /** The file the node itself was written in. */
    private static void addOwn(ConfigNode node, SortedSet<Path> files) {
        if (node.location() != null) {
            add(node.location().file(), files);
        }
    }

    private static void add(Path file, SortedSet<Path> files) {
        if (file != null) {
            files.add(file.toAbsolutePath().normalize());
        }
    }
}
