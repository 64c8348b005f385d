package dev.keel.core.config;

import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.SpecType;
import java.util.ArrayList;
import java.util.List;

/**
 * A component with every layer applied (distro version defaults, project defaults, its groups in
 * alphabetical order, its own table) and its overlay files expanded.
 *
 * @param name the component name
 * @param config the resolved values
 * @param tree the same values as a tree in which every node says where it was written and in which
 *     layer
 * @param definedAt where the component is declared (its table, or the spec a group's glob found)
 * @param groups the groups it belongs to, alphabetically
 */
public record ResolvedComponent(
        String name, ComponentConfig config, ConfigNode.Table tree, Location definedAt, List<String> groups) {

    /** The spec source type; an unset type means upstream. */
    public SpecType specType() {
        return config.spec() == null || config.spec().type() == null
                ? SpecType.UPSTREAM
                : config.spec().type();
    }

    /** The upstream distro the spec comes from (null for a local spec without one). */
    public DistroReference upstreamDistro() {
        return config.spec() == null ? null : config.spec().upstreamDistro();
    }

    /** The overlays in the order they apply, each with where it was written. */
    public List<LocatedOverlay> overlays() {
        List<LocatedOverlay> located = new ArrayList<>();
        if (config.overlays() == null || !(tree.get("overlays") instanceof ConfigNode.Array nodes)) {
            return located;
        }
        for (int i = 0; i < config.overlays().size(); i++) {
            located.add(new LocatedOverlay(
                    i, config.overlays().get(i), nodes.items().get(i).location()));
        }
        return located;
    }

    /** Where a resolved value (a path of keys such as {@code release, calculation}) was written, else the nearest table. */
    public Location locationOf(String... keys) {
        return TreeLookup.locate(tree, keys);
    }

    /** Where item {@code index} of the array at {@code key} was written, else where the component is. */
    public Location locationOfItem(String key, int index) {
        return tree.get(key) instanceof ConfigNode.Array array
                        && index < array.items().size()
                ? array.items().get(index).location()
                : tree.location();
    }

    /** The upstream package name: {@code upstream-name}, else the component's name. */
    public String upstreamName() {
        String upstream = config.spec() == null ? null : config.spec().upstreamName();
        return upstream == null || upstream.isEmpty() ? name : upstream;
    }
}
