package dev.keel.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges configuration trees: later values win, and every value keeps where it came from. */
final class TreeMerge {

    /** Keys whose arrays a later layer replaces instead of extending, when merging components. */
    private static final Set<String> REPLACED_ARRAYS = Set.of("overlay-files");

    private TreeMerge() {}

    /**
     * Deep override: tables merge key by key; scalars and arrays of the later table replace
     * earlier ones. A later false or empty string does reset an earlier value.
     */
    static ConfigNode.Table override(ConfigNode.Table base, ConfigNode.Table later) {
        return merge(base, later, false);
    }

    /**
     * Component layering: like {@link #override}, but arrays append (overlays, source files,
     * with/without, undefines...), except {@code overlay-files}, which a layer replaces.
     */
    static ConfigNode.Table layer(ConfigNode.Table base, ConfigNode.Table later) {
        return merge(base, later, true);
    }

    private static ConfigNode.Table merge(ConfigNode.Table base, ConfigNode.Table later, boolean append) {
        if (base == null) {
            return later;
        }
        if (later == null) {
            return base;
        }
        Map<String, ConfigNode> merged = new LinkedHashMap<>(base.entries());
        later.entries().forEach((key, value) -> {
            ConfigNode earlier = merged.get(key);
            if (earlier instanceof ConfigNode.Table earlierTable && value instanceof ConfigNode.Table laterTable) {
                merged.put(key, merge(earlierTable, laterTable, append));
            } else if (append
                    && earlier instanceof ConfigNode.Array earlierArray
                    && value instanceof ConfigNode.Array laterArray
                    && !REPLACED_ARRAYS.contains(key)) {
                List<ConfigNode> items = new ArrayList<>(earlierArray.items());
                items.addAll(laterArray.items());
                merged.put(key, new ConfigNode.Array(items, laterArray.location(), laterArray.layer()));
            } else {
                merged.put(key, value);
            }
        });
        return new ConfigNode.Table(merged, later.location(), later.layer());
    }
}
