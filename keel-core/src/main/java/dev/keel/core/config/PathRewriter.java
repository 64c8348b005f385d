package dev.keel.core.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes the {@link PathValue} values of one file's tree absolute, against that file's directory. */
final class PathRewriter {

    private PathRewriter() {}

    static ConfigNode.Table rewrite(ConfigNode.Table root, Class<?> type, Path directory) {
        return (ConfigNode.Table) node(root, type, directory, null);
    }

    private static ConfigNode node(ConfigNode node, Type type, Path directory, PathValue path) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type argument = parameterized.getActualTypeArguments()[raw == Map.class ? 1 : 0];
            if (raw == Map.class && node instanceof ConfigNode.Table table) {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                table.entries().forEach((key, child) -> entries.put(key, node(child, argument, directory, path)));
                return new ConfigNode.Table(entries, table.location(), table.layer());
            }
            if (raw == List.class && node instanceof ConfigNode.Array array) {
                List<ConfigNode> items = new ArrayList<>();
                array.items().forEach(item -> items.add(node(item, argument, directory, path)));
                return new ConfigNode.Array(items, array.location(), array.layer());
            }
            return node;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord() && node instanceof ConfigNode.Table table) {
            RecordInfo info = RecordInfo.of(raw);
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            table.entries().forEach((key, child) -> {
                Integer index = info.indexByKey.get(key);
                RecordInfo.Field field = index == null ? null : info.fields.get(index);
                entries.put(key, field == null ? child : node(child, field.type(), directory, field.path()));
            });
            return new ConfigNode.Table(entries, table.location(), table.layer());
        }
        if (path != null && node instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String text) {
            return new ConfigNode.Scalar(absolute(text, directory, path), scalar.location(), scalar.layer());
        }
        return node;
    }

    static String absolute(String value, Path directory, PathValue path) {
        if (value.isEmpty() || (path.allowUri() && value.contains("://"))) {
            return value;
        }
        String normalized = value.replace('\\', '/');
        if (normalized.startsWith("/") || Path.of(value).isAbsolute()) {
            return value;
        }
        if (path.glob()) {
            // leading ./ and ../ are resolved here, so that what the glob finds are normalised paths
            Path base = directory;
            String rest = normalized;
            while (true) {
                if (rest.startsWith("./")) {
                    rest = rest.substring(2);
                } else if (rest.startsWith("../") && base.getParent() != null) {
                    base = base.getParent();
                    rest = rest.substring(3);
                } else {
                    break;
                }
            }
            return escapeGlob(slashes(base)) + "/" + rest;
        }
        return slashes(directory.resolve(value).normalize());
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String escapeGlob(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
