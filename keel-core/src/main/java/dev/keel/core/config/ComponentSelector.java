package dev.keel.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Selects components as azldev's filter flags do: all ({@code -a}), by name or glob ({@code -p},
 * positional names) and by group ({@code -g}, explicit members and spec-glob members alike). A
 * name without wildcards must exist, and so must a group.
 */
public final class ComponentSelector {

    private ComponentSelector() {}

    /** The selected components, sorted by name; throws {@link ConfigException} for unknown names or groups. */
    public static SortedMap<String, ResolvedComponent> select(
            Project project, boolean all, List<String> patterns, List<String> groups) {
        SortedMap<String, ResolvedComponent> selected = new TreeMap<>();
        List<ConfigError> errors = new ArrayList<>();
        if (all) {
            selected.putAll(project.components());
        }
        for (String pattern : patterns) {
            Glob glob;
            try {
                glob = Glob.of(pattern);
            } catch (Glob.InvalidGlobException e) {
                errors.add(ConfigError.error(Location.of(project.configFile()), "", e.getMessage(), ""));
                continue;
            }
            if (glob.isLiteral()) {
                ResolvedComponent component = project.components().get(pattern);
                if (component == null) {
                    errors.add(ConfigError.error(
                            Location.of(project.configFile()),
                            "",
                            "no component named '" + pattern + "'",
                            Names.closest(pattern, project.components().keySet())
                                    .map(c -> "did you mean '" + c + "'?")
                                    .orElse("list them with: keel component list -a")));
                } else {
                    selected.put(pattern, component);
                }
            } else {
                project.components().forEach((name, component) -> {
                    if (glob.matches(name)) {
                        selected.put(name, component);
                    }
                });
            }
        }
        for (String group : groups) {
            List<String> members = project.groupMembers().get(group);
            if (members == null) {
                errors.add(ConfigError.error(
                        Location.of(project.configFile()),
                        "",
                        "no component group named '" + group + "'",
                        Names.closest(group, project.groupMembers().keySet())
                                .map(c -> "did you mean '" + c + "'?")
                                .orElse("")));
                continue;
            }
            members.forEach(member -> {
                ResolvedComponent component = project.components().get(member);
                if (component != null) {
                    selected.put(member, component);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return selected;
    }
}
