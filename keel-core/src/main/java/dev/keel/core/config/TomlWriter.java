package dev.keel.core.config;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a configuration tree as TOML: scalars and arrays of scalars first, then sub-tables as
 * {@code [a.b]} sections and arrays of tables as {@code [[a.b]]}. Keys keep the tree's order.
 */
public final class TomlWriter {

    private TomlWriter() {}

    public static String write(ConfigNode.Table root) {
        StringBuilder out = new StringBuilder();
        table(out, root, "", true);
        return out.toString();
    }

    private static void table(StringBuilder out, ConfigNode.Table table, String path, boolean root) {
        List<Map.Entry<String, ConfigNode>> nested = new ArrayList<>();
        boolean header = !root;
        for (Map.Entry<String, ConfigNode> entry : table.entries().entrySet()) {
            ConfigNode value = entry.getValue();
            if (value instanceof ConfigNode.Table || isArrayOfTables(value)) {
                nested.add(entry);
                continue;
            }
            if (header) {
                out.append(out.isEmpty() ? "" : "\n").append('[').append(path).append("]\n");
                header = false;
            }
            out.append(key(entry.getKey())).append(" = ").append(inline(value)).append('\n');
        }
        if (header && nested.isEmpty()) {
            out.append(out.isEmpty() ? "" : "\n").append('[').append(path).append("]\n");
        }
        for (Map.Entry<String, ConfigNode> entry : nested) {
            String childPath = KeyPaths.child(path, entry.getKey());
            if (entry.getValue() instanceof ConfigNode.Table child) {
                table(out, child, childPath, false);
            } else {
                for (ConfigNode item : ((ConfigNode.Array) entry.getValue()).items()) {
                    out.append(out.isEmpty() ? "" : "\n")
                            .append("[[")
                            .append(childPath)
                            .append("]]\n");
                    arrayTable(out, (ConfigNode.Table) item);
                }
            }
        }
    }

    /** The body of one [[array]] element; its own tables are written inline. */
    private static void arrayTable(StringBuilder out, ConfigNode.Table table) {
        for (Map.Entry<String, ConfigNode> entry : table.entries().entrySet()) {
            out.append(key(entry.getKey()))
                    .append(" = ")
                    .append(inline(entry.getValue()))
                    .append('\n');
        }
    }

    private static boolean isArrayOfTables(ConfigNode node) {
        return node instanceof ConfigNode.Array array
                && !array.items().isEmpty()
                && array.items().stream().allMatch(item -> item instanceof ConfigNode.Table);
    }

    private static String inline(ConfigNode node) {
        if (node instanceof ConfigNode.Table table) {
            StringBuilder out = new StringBuilder("{ ");
            boolean first = true;
            for (Map.Entry<String, ConfigNode> entry : table.entries().entrySet()) {
                out.append(first ? "" : ", ")
                        .append(key(entry.getKey()))
                        .append(" = ")
                        .append(inline(entry.getValue()));
                first = false;
            }
            return table.entries().isEmpty() ? "{}" : out.append(" }").toString();
        }
        if (node instanceof ConfigNode.Array array) {
            List<String> items = new ArrayList<>();
            array.items().forEach(item -> items.add(inline(item)));
            return "[" + String.join(", ", items) + "]";
        }
        Object value = ((ConfigNode.Scalar) node).value();
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof Double number) {
            return number.isNaN() ? "nan" : number.isInfinite() ? (number > 0 ? "inf" : "-inf") : number.toString();
        }
        return value instanceof TemporalAccessor temporal ? temporal(temporal) : String.valueOf(value);
    }

    /** TOML date/times always with seconds (Java's toString drops zero seconds). */
    private static String temporal(TemporalAccessor value) {
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        if (value instanceof LocalDateTime time) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        return value.toString();
    }

    static String key(String key) {
        return KeyPaths.isBare(key) ? key : quote(key);
    }

    /** A TOML basic string with the escapes TOML requires. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
