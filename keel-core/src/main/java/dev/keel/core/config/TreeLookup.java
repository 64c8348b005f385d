package dev.keel.core.config;

/** Lookups in configuration trees. */
final class TreeLookup {

    private TreeLookup() {}

    /** The node at a path of keys below a table, or null. */
    static ConfigNode at(ConfigNode node, String... keys) {
        ConfigNode current = node;
        for (String key : keys) {
            if (!(current instanceof ConfigNode.Table table)) {
                return null;
            }
            current = table.get(key);
        }
        return current;
    }

    /** The string at a path of keys, or null. */
    static String string(ConfigNode node, String... keys) {
        return at(node, keys) instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String text
                ? text
                : null;
    }

    /** Where the node at a path is, else where its nearest existing ancestor is. */
    static Location locate(ConfigNode node, String... keys) {
        ConfigNode current = node;
        Location location = node.location();
        for (String key : keys) {
            if (!(current instanceof ConfigNode.Table table) || table.get(key) == null) {
                return location;
            }
            current = table.get(key);
            location = current.location();
        }
        return location;
    }
}
