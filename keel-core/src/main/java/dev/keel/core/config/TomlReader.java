package dev.keel.core.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads one TOML 1.0 file (UTF-8, an optional byte order mark) into a {@link ConfigNode} tree with positions. */
final class TomlReader {

    private TomlReader() {}

    /** The file's root table; a syntax error (the first) is added to {@code errors}. */
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
        try {
            return TomlParser.parse(text, file);
        } catch (TomlParser.TomlSyntaxException e) {
            errors.add(
                    ConfigError.error(new Location(file, e.line, e.column), "", "TOML syntax: " + e.getMessage(), ""));
            return empty(file);
        }
    }

    private static ConfigNode.Table empty(Path file) {
        return new ConfigNode.Table(Map.of(), Location.of(file), null);
    }
}
