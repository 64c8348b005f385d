package dev.keel.build.koji;

import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One INI file read as Python's {@code configparser} reads it with its defaults, which is how koji
 * reads its configuration: {@code [section]} headers (case-sensitive), {@code key = value} or
 * {@code key: value} split at the first {@code =} or {@code :}, keys lower-cased, whole-line
 * {@code #} and {@code ;} comments (no inline comments), values continued on more indented lines
 * (empty lines inside kept, trailing ones dropped), a {@code [DEFAULT]} section, and a section
 * (other than {@code DEFAULT}) or a key given twice in one file an error. Values are kept raw: {@code %(name)s} interpolation
 * happens once all files are merged ({@link Interpolation}).
 *
 * <p>No library reads this dialect: ini4j is unmaintained, Apache Commons Configuration's INI
 * strips inline comments, continues lines with a backslash and interpolates {@code ${name}}.
 */
final class IniFile {

    /** The section whose keys every other section inherits. */
    static final String DEFAULT_SECTION = "DEFAULT";

    /** Koji configuration files are a few hundred bytes; anything near this is not one. */
    static final int MAX_BYTES = 1024 * 1024;

    /** A key's raw value and where the key is written. */
    record Entry(String value, Location location) {}

    private final Map<String, Map<String, Entry>> sections;

    private IniFile(Map<String, Map<String, Entry>> sections) {
        this.sections = sections;
    }

    /** The sections in file order, each with its keys in file order ({@code DEFAULT} included). */
    Map<String, Map<String, Entry>> sections() {
        return sections;
    }

    static IniFile read(Path file) throws FailureException {
        return parse(file, decode(file, readBounded(file)));
    }

    private static byte[] readBounded(Path file) throws FailureException {
        Optional<byte[]> bytes;
        try {
            bytes = SmallFile.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw failure(
                    Location.of(file),
                    "cannot read Koji configuration file",
                    "check that the file is readable by the user running Keel");
        }
        return bytes.orElseThrow(() -> failure(
                Location.of(file),
                "Koji configuration file is larger than " + MAX_BYTES / 1024 + " KiB",
                "a koji configuration file holds a few profiles; check that this is the right file"));
    }

    private static String decode(Path file, byte[] bytes) throws FailureException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw failure(
                    new Location(file, firstBadLine(bytes), 0),
                    "Koji configuration file is not UTF-8 text",
                    "koji reads its configuration as text; check that this is the right file");
        }
    }

    /** The line of the first byte that is not valid UTF-8. */
    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    static IniFile parse(Path file, String text) throws FailureException {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new HashMap<>();
        Map<String, Entry> section = null;
        String sectionName = null;
        String key = null;
        List<String> value = null;
        int indent = 0;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                if (stripped.isEmpty() && value != null) {
                    value.add("");
                }
                continue;
            }
            int lineIndent = line.length() - line.stripLeading().length();
            if (value != null && lineIndent > indent) {
                value.add(stripped);
                continue;
            }
            indent = lineIndent;
            finish(section, key, value);
            key = null;
            value = null;
            String header = header(stripped);
            if (header != null) {
                Integer first = sectionLines.putIfAbsent(header, lineNumber);
                if (first != null && !header.equals(DEFAULT_SECTION)) {
                    throw failure(
                            new Location(file, lineNumber, lineIndent + 1),
                            "section [" + header + "] appears twice in one file (first at line " + first + ")",
                            "merge the two sections");
                }
                sectionName = header;
                section = sections.computeIfAbsent(header, h -> new LinkedHashMap<>());
                continue;
            }
            if (section == null) {
                throw failure(
                        new Location(file, lineNumber, lineIndent + 1),
                        "a key before the first [section]",
                        "put the keys of a profile under its [name] header, e.g. [koji]");
            }
            int separator = separator(stripped);
            String name = separator < 0 ? "" : stripped.substring(0, separator).strip();
            if (name.isEmpty()) {
                throw failure(
                        new Location(file, lineNumber, lineIndent + 1),
                        "line is neither a [section], a 'key = value' nor a continued value",
                        "write key = value; a value continues on lines indented more than its key");
            }
            key = name.toLowerCase(Locale.ROOT);
            Entry previous = section.get(key);
            if (previous != null) {
                throw failure(
                        new Location(file, lineNumber, lineIndent + 1),
                        "key '" + key + "' is set twice in section [" + sectionName + "] (first at line "
                                + previous.location().line() + ")",
                        "keep one of the two lines");
            }
            section.put(key, new Entry("", new Location(file, lineNumber, lineIndent + 1)));
            value = new ArrayList<>(List.of(stripped.substring(separator + 1).strip()));
        }
        finish(section, key, value);
        return new IniFile(sections);
    }

    /** Stores a finished value: its lines joined with newlines, trailing blank ones dropped. */
    private static void finish(Map<String, Entry> section, String key, List<String> value) {
        if (value != null) {
            Entry entry = section.get(key);
            section.put(key, new Entry(String.join("\n", value).stripTrailing(), entry.location()));
        }
    }

    /** The name of a {@code [name]} header (up to its last {@code ]}), or null. */
    private static String header(String stripped) {
        int close = stripped.lastIndexOf(']');
        return stripped.startsWith("[") && close > 1 ? stripped.substring(1, close) : null;
    }

    private static int separator(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    static FailureException failure(Location location, String message, String hint) {
        return new FailureException(
                Failure.of(Failure.Kind.CONFIGURATION, message).at(location).withHint(hint));
    }
}
