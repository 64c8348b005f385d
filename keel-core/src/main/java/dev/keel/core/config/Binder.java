package dev.keel.core.config;

import dev.keel.core.config.model.Overlay;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a {@link ConfigNode} tree to configuration records, checking every key and type. All
 * problems are collected; a value that does not fit becomes null so binding can go on.
 */
final class Binder {

    private final List<ConfigError> errors;
    private final boolean permissive;

    /**
     * @param errors where problems go
     * @param permissive report unknown keys as warnings instead of errors
     */
    Binder(List<ConfigError> errors, boolean permissive) {
        this.errors = errors;
        this.permissive = permissive;
    }

    <T> T bind(ConfigNode node, Class<T> type, String path) {
        return type.cast(value(node, type, new Path(null, path, -1)));
    }

    /** A key path built only when a message needs it (most values bind without one). */
    private record Path(Path parent, String key, int index) {
        Path child(String childKey) {
            return new Path(this, childKey, -1);
        }

        Path item(int itemIndex) {
            return new Path(this, null, itemIndex);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return key;
            }
            return key == null ? KeyPaths.index(parent.toString(), index) : KeyPaths.child(parent.toString(), key);
        }
    }

    private Object value(ConfigNode node, Type type, Path path) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type argument = parameterized.getActualTypeArguments()[raw == Map.class ? 1 : 0];
            return raw == Map.class ? map(node, argument, path) : list(node, argument, path);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == Overlay.class) {
            OverlayTable table = (OverlayTable) record(node, OverlayTable.class, path);
            return table == null ? null : table.toOverlay().orElse(null);
        }
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (raw.isEnum()) {
            return enumValue(node, raw, path);
        }
        if (!(node instanceof ConfigNode.Scalar scalar)) {
            return mismatch(node, raw, path);
        }
        Object value = scalar.value();
        if (raw == String.class && value instanceof String) {
            return value;
        }
        if (raw == Boolean.class && value instanceof Boolean) {
            return value;
        }
        if (raw == Long.class && value instanceof Long) {
            return value;
        }
        return mismatch(node, raw, path);
    }

    private Object record(ConfigNode node, Class<?> type, Path path) {
        if (!(node instanceof ConfigNode.Table table)) {
            return mismatch(node, type, path);
        }
        RecordInfo info = RecordInfo.of(type);
        Object[] values = new Object[info.fields.size()];
        table.entries().forEach((key, child) -> {
            Integer index = info.indexByKey.get(key);
            Path childPath = path.child(key);
            if (index == null) {
                unknownKey(key, child, info, path, childPath);
                return;
            }
            RecordInfo.Field field = info.fields.get(index);
            values[index] = value(child, field.type(), childPath);
            if (field.supersededBy() != null) {
                errors.add(new ConfigError(
                        ConfigError.Severity.WARNING,
                        child.location(),
                        childPath.toString(),
                        "'" + key + "' is deprecated",
                        "use '" + field.supersededBy() + "' instead"));
            }
        });
        for (RecordInfo.Field field : info.fields) {
            if (field.required() && !table.entries().containsKey(field.key())) {
                errors.add(ConfigError.error(
                        table.location(),
                        KeyPaths.child(path.toString(), field.key()),
                        "missing required key '" + field.key() + "' in " + KeyPaths.describe(path.toString()),
                        field.doc()));
            }
        }
        return info.create(values);
    }

    private void unknownKey(String key, ConfigNode child, RecordInfo info, Path path, Path childPath) {
        String hint = Names.closest(key, info.indexByKey.keySet())
                .map(candidate -> "did you mean '" + candidate + "'?")
                .orElse("known keys: "
                        + String.join(
                                ", ", info.indexByKey.keySet().stream().sorted().toList()));
        ConfigError error = ConfigError.error(
                child.location(),
                childPath.toString(),
                "unknown key '" + key + "' in " + KeyPaths.describe(path.toString()),
                hint);
        errors.add(permissive ? error.asWarning() : error);
    }

    private Object enumValue(ConfigNode node, Class<?> type, Path path) {
        if (!(node instanceof ConfigNode.Scalar scalar) || !(scalar.value() instanceof String text)) {
            return mismatch(node, type, path);
        }
        List<String> keys = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String key = Names.enumKey((Enum<?>) constant);
            if (key.equals(text)) {
                return constant;
            }
            keys.add(key);
        }
        String hint = Names.closest(text, keys)
                .map(candidate -> "did you mean '" + candidate + "'?")
                .orElse("expected one of: " + String.join(", ", keys));
        errors.add(ConfigError.error(
                node.location(),
                path.toString(),
                "invalid value '" + text + "' for '" + last(path.toString()) + "'",
                hint));
        return null;
    }

    private List<Object> list(ConfigNode node, Type itemType, Path path) {
        if (!(node instanceof ConfigNode.Array array)) {
            mismatch(node, List.class, path);
            return null;
        }
        List<Object> items = new ArrayList<>(array.items().size());
        for (int i = 0; i < array.items().size(); i++) {
            items.add(value(array.items().get(i), itemType, path.item(i)));
        }
        return items;
    }

    private Map<String, Object> map(ConfigNode node, Type valueType, Path path) {
        if (!(node instanceof ConfigNode.Table table)) {
            mismatch(node, Map.class, path);
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        table.entries().forEach((key, child) -> map.put(key, value(child, valueType, path.child(key))));
        return map;
    }

    private Object mismatch(ConfigNode node, Class<?> expected, Path path) {
        errors.add(ConfigError.error(
                node.location(),
                path.toString(),
                "'" + last(path.toString()) + "' must be " + expectedType(expected) + ", found "
                        + ConfigNode.describe(node),
                ""));
        return null;
    }

    static String expectedType(Class<?> type) {
        if (type.isRecord() || type == Map.class) {
            return "a table";
        }
        if (type == List.class) {
            return "an array";
        }
        if (type == Boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == Long.class) {
            return "an integer";
        }
        return "a string";
    }

    private static String last(String path) {
        int bracket = path.endsWith("]") ? path.lastIndexOf('[') : -1;
        String base = bracket >= 0 ? path.substring(0, bracket) : path;
        int dot = base.lastIndexOf('.');
        return (dot < 0 ? base : base.substring(dot + 1)) + (bracket >= 0 ? path.substring(bracket) : "");
    }
}
