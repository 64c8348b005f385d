package dev.keel.core.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Reads one TOML 1.0 file (strictly, with tomlj) into a {@link ConfigNode} tree with positions. */
final class TomlReader {

    private TomlReader() {}

    /** The file's root table; syntax errors (all of them) are added to {@code errors}. */
    static ConfigNode.Table read(Path file, byte[] bytes, List<ConfigError> errors) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(ConfigError.error(
                    Location.of(file), "", "the file is not valid UTF-8", "TOML files must be UTF-8"));
            return empty(file);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            for (TomlParseError error : result.errors()) {
                errors.add(ConfigError.error(
                        location(file, error.position()), "", "TOML syntax: " + error.getMessage(), ""));
            }
            return empty(file);
        }
        return table(file, result, new Location(file, 1, 1));
    }

    private static ConfigNode.Table empty(Path file) {
        return new ConfigNode.Table(Map.of(), Location.of(file), null);
    }

    private static ConfigNode.Table table(Path file, TomlTable table, Location location) {
        record Entry(String key, Object value, Location location) {}
        List<Entry> entries = new ArrayList<>();
        for (String key : table.keySet()) {
            List<String> path = List.of(key);
            entries.add(new Entry(key, table.get(path), location(file, table.inputPositionOf(path))));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.location().line())
                .thenComparingInt(e -> e.location().column()));
        Map<String, ConfigNode> nodes = new LinkedHashMap<>();
        for (Entry entry : entries) {
            nodes.put(entry.key(), node(file, entry.value(), entry.location()));
        }
        return new ConfigNode.Table(nodes, location, null);
    }

    private static ConfigNode node(Path file, Object value, Location location) {
        if (value instanceof TomlTable table) {
            return table(file, table, location);
        }
        if (value instanceof TomlArray array) {
            List<ConfigNode> items = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                items.add(node(file, array.get(i), location(file, array.inputPositionOf(i))));
            }
            return new ConfigNode.Array(items, location, null);
        }
        return new ConfigNode.Scalar(value, location, null);
    }

    private static Location location(Path file, TomlPosition position) {
        return position == null ? Location.of(file) : new Location(file, position.line(), position.column());
    }
}
