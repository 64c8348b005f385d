package dev.keel.core.config;

import dev.keel.core.config.model.PathValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the {@link PathValue} values of one file's tree absolute, against that file's directory,
 * and confines them: every path (and every glob's directory) must stay inside the root, symbolic
 * links included; leaving it is a located error. URIs are not paths and are left alone where the
 * key allows them.
 */
public final class PathRewriter {

    /** How messages name the root of a project's files. */
    static final String PROJECT_DIRECTORY = "the project directory";

    private PathRewriter() {}

    /**
     * The tree with its paths made absolute.
     *
     * @param directory the directory of the file the tree was read from
     * @param root what every path must stay inside
     * @param rootName how messages name it ({@code the project directory})
     * @param errors where paths that leave {@code root} are reported
     */
    static ConfigNode.Table rewrite(
            ConfigNode.Table tree,
            Class<?> type,
            Path directory,
            Path root,
            String rootName,
            List<ConfigError> errors) {
        return (ConfigNode.Table) new Walk((text, path, location, keyPath) -> {
                    String absolute = absolute(text, directory, path);
                    confine(text, absolute, path, location, keyPath, root, rootName, errors);
                    return absolute;
                })
                .node(tree, type, null, "");
    }

    /**
     * The tree with its paths relative to {@code root} again (those inside it), so that a dump of
     * the merged configuration is the same on every machine and loads again from {@code root}.
     */
    public static ConfigNode.Table relativize(ConfigNode.Table tree, Class<?> type, Path root) {
        String base = slashes(root);
        String globBase = escapeGlob(base);
        return (ConfigNode.Table) new Walk((text, path, location, keyPath) -> {
                    String prefix = path.glob() ? globBase : base;
                    if (text.equals(prefix)) {
                        return ".";
                    }
                    return text.startsWith(prefix + "/") ? text.substring(prefix.length() + 1) : text;
                })
                .node(tree, type, null, "");
    }

    /** What happens to one path value. */
    @FunctionalInterface
    private interface Transform {
        String apply(String text, PathValue path, Location location, String keyPath);
    }

    private record Walk(Transform transform) {

        ConfigNode node(ConfigNode node, Type type, PathValue path, String keyPath) {
            if (type instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                Type argument = parameterized.getActualTypeArguments()[raw == Map.class ? 1 : 0];
                if (path == null
                        && argument instanceof Class<?> plain
                        && !RecordInfo.boundAs(plain).isRecord()) {
                    return node; // a list or map of plain values that are no paths (package names...)
                }
                if (raw == Map.class && node instanceof ConfigNode.Table table) {
                    Map<String, ConfigNode> entries = new LinkedHashMap<>();
                    table.entries()
                            .forEach((key, child) ->
                                    entries.put(key, node(child, argument, path, KeyPaths.child(keyPath, key))));
                    return new ConfigNode.Table(entries, table.location(), table.layer());
                }
                if (raw == List.class && node instanceof ConfigNode.Array array) {
                    List<ConfigNode> items = new ArrayList<>();
                    for (int i = 0; i < array.items().size(); i++) {
                        items.add(node(array.items().get(i), argument, path, KeyPaths.index(keyPath, i)));
                    }
                    return new ConfigNode.Array(items, array.location(), array.layer());
                }
                return node;
            }
            Class<?> raw = RecordInfo.boundAs((Class<?>) type);
            if (raw.isRecord() && node instanceof ConfigNode.Table table) {
                RecordInfo info = RecordInfo.of(raw);
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                table.entries().forEach((key, child) -> {
                    Integer index = info.indexByKey.get(key);
                    RecordInfo.Field field = index == null ? null : info.fields.get(index);
                    entries.put(
                            key,
                            field == null
                                    ? child
                                    : node(child, field.type(), field.path(), KeyPaths.child(keyPath, key)));
                });
                return new ConfigNode.Table(entries, table.location(), table.layer());
            }
            if (path != null && node instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String text) {
                return new ConfigNode.Scalar(
                        transform.apply(text, path, scalar.location(), keyPath), scalar.location(), scalar.layer());
            }
            return node;
        }
    }

    private static void confine(
            String written,
            String absolute,
            PathValue path,
            Location location,
            String keyPath,
            Path root,
            String rootName,
            List<ConfigError> errors) {
        if (written.isEmpty() || (path.allowUri() && written.contains("://"))) {
            return;
        }
        Path checked = path.glob() ? Path.of(unescape(literalDirectory(absolute))) : Path.of(absolute);
        boolean inside = Confinement.isInside(root, checked.normalize()) && !(path.glob() && absolute.contains("/../"));
        if (!inside) {
            errors.add(ConfigError.error(
                    location,
                    keyPath,
                    "'" + written + "' leaves " + rootName,
                    "paths in the configuration must stay inside " + root + ", symbolic links included"
                            + (path.allowUri() ? "; name a file elsewhere with a file:// URI" : "")));
        }
    }

    private static String absolute(String value, Path directory, PathValue path) {
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

    /** The directory part of an absolute glob before its first wildcard. */
    private static String literalDirectory(String glob) {
        int wildcard = 0;
        while (wildcard < glob.length() && "*?[{".indexOf(glob.charAt(wildcard)) < 0) {
            wildcard += glob.charAt(wildcard) == '\\' ? 2 : 1;
        }
        int slash = glob.lastIndexOf('/', Math.min(wildcard, glob.length()) - 1);
        return slash <= 0 ? "/" : glob.substring(0, slash);
    }

    private static String unescape(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                c = glob.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
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
