package dev.keel.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration value as written, with where it was written: a table, an array or a scalar
 * (string, long, double, boolean, or a TOML date/time). Trees of nodes are what Keel merges and
 * resolves, so every resolved value can say which file, line and layer it came from.
 */
public sealed interface ConfigNode permits ConfigNode.Table, ConfigNode.Array, ConfigNode.Scalar {

    Location location();

    /** The layer (e.g. "project default", "group base", "component") a node was resolved from, or null. */
    String layer();

    /** A copy of this node and its children marked as coming from {@code layer}. */
    ConfigNode inLayer(String layer);

    /** A table with its entries in the order written. */
    record Table(Map<String, ConfigNode> entries, Location location, String layer) implements ConfigNode {
        public Table {
            entries = new LinkedHashMap<>(entries);
        }

        public ConfigNode get(String key) {
            return entries.get(key);
        }

        @Override
        public Table inLayer(String newLayer) {
            Map<String, ConfigNode> copy = new LinkedHashMap<>();
            entries.forEach((key, value) -> copy.put(key, value.inLayer(newLayer)));
            return new Table(copy, location, newLayer);
        }
    }

    /** An array, or an array of tables. */
    record Array(List<ConfigNode> items, Location location, String layer) implements ConfigNode {
        public Array {
            items = List.copyOf(items);
        }

        @Override
        public Array inLayer(String newLayer) {
            List<ConfigNode> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(item.inLayer(newLayer)));
            return new Array(copy, location, newLayer);
        }
    }

    /** A string, long, double, boolean or TOML date/time. */
    record Scalar(Object value, Location location, String layer) implements ConfigNode {
        @Override
        public Scalar inLayer(String newLayer) {
            return new Scalar(value, location, newLayer);
        }
    }

    /** A human name for a node's TOML type: "a table", "an array", "a string", "an integer"... */
    static String describe(ConfigNode node) {
        if (node instanceof Table) {
            return "a table";
        }
        if (node instanceof Array) {
            return "an array";
        }
        Object value = ((Scalar) node).value();
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        if (value instanceof Double) {
            return "a float";
        }
        return "a date/time";
    }
}
