package dev.keel.core.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict TOML 1.0 parser that builds {@link ConfigNode} trees with the line and column of every
 * key, table header and array element. Written for speed (configuration files of several
 * megabytes load in milliseconds) and checked against tomlj, a strict reference implementation,
 * by differential tests. Parsing stops at the first syntax error, which is reported with its
 * position. Tables, arrays and inline tables may nest {@value #MAX_NESTING} levels deep, so that
 * no reader of the tree can run out of stack.
 */
final class TomlParser {

    /** The deepest a table, array or inline table may lie below the root table. */
    static final int MAX_NESTING = 100;

    /** A syntax or semantic (redefinition) error at a position. */
    static final class TomlSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        TomlSyntaxException(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /**
     * How a table came to exist, which decides what may later extend or redefine it. Inline
     * tables and arrays written as values are wrapped in {@link Value}, so nothing can extend them.
     */
    private enum Origin {
        IMPLICIT,
        HEADER,
        DOTTED,
        INLINE,
        ARRAY_ELEMENT
    }

    private static final class MutableTable {
        final Map<String, Object> entries = new LinkedHashMap<>();
        final Location location;
        final int depth;
        Origin origin;

        MutableTable(Location location, Origin origin, int depth) {
            this.location = location;
            this.origin = origin;
            this.depth = depth;
        }
    }

    private static final class MutableArray {
        final List<Object> items = new ArrayList<>();
        final Location location;
        final boolean ofTables;
        final int depth;

        MutableArray(Location location, boolean ofTables, int depth) {
            this.location = location;
            this.ofTables = ofTables;
            this.depth = depth;
        }
    }

    private record Value(Object value, Location location) {}

    private record KeyPart(String name, int line, int column) {}

    private final String text;
    private final Path file;
    private final int length;
    private int pos;
    private int line = 1;
    private int lineStart;

    private TomlParser(String text, Path file) {
        this.text = text;
        this.file = file;
        this.length = text.length();
    }

    /** Parses a whole document (without a byte order mark) into its root table. */
    static ConfigNode.Table parse(String text, Path file) throws TomlSyntaxException {
        TomlParser parser = new TomlParser(text, file);
        MutableTable root = new MutableTable(new Location(file, 1, 1), Origin.HEADER, 0);
        parser.document(root);
        return (ConfigNode.Table) freeze(root);
    }

    // ------------------------------------------------------------------ document

    private void document(MutableTable root) throws TomlSyntaxException {
        MutableTable current = root;
        while (pos < length) {
            skipBlank();
            if (pos >= length) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '#') {
                comment();
            } else if (c == '\n' || c == '\r') {
                newline();
                continue;
            } else if (c == '[') {
                current = header(root);
            } else {
                keyValue(current);
            }
            endOfLine();
        }
    }

    private MutableTable header(MutableTable root) throws TomlSyntaxException {
        int headerLine = line;
        int headerColumn = column();
        boolean array = pos + 1 < length && text.charAt(pos + 1) == '[';
        pos += array ? 2 : 1;
        skipBlank();
        List<KeyPart> key = key();
        skipBlank();
        expect(']', "']' to close the table header");
        if (array) {
            expect(']', "']]' to close the array-of-tables header");
        }
        Location location = new Location(file, headerLine, headerColumn);
        MutableTable table = root;
        for (int i = 0; i < key.size() - 1; i++) {
            table = descend(table, key.get(i), location);
        }
        KeyPart last = key.get(key.size() - 1);
        Location lastAt = new Location(file, last.line(), last.column());
        Object existing = table.entries.get(last.name());
        if (array) {
            MutableArray tables;
            if (existing == null) {
                tables = new MutableArray(location, true, nested(table.depth, lastAt));
                table.entries.put(last.name(), tables);
            } else if (existing instanceof MutableArray found && found.ofTables) {
                tables = found;
            } else {
                throw error(
                        headerLine,
                        headerColumn,
                        "'" + dotted(key) + "' is already defined and is not an array of tables");
            }
            MutableTable element = new MutableTable(location, Origin.ARRAY_ELEMENT, nested(tables.depth, lastAt));
            tables.items.add(element);
            return element;
        }
        if (existing == null) {
            MutableTable created = new MutableTable(location, Origin.HEADER, nested(table.depth, lastAt));
            table.entries.put(last.name(), created);
            return created;
        }
        if (existing instanceof MutableTable found && found.origin == Origin.IMPLICIT) {
            found.origin = Origin.HEADER;
            return found;
        }
        throw error(headerLine, headerColumn, "table '" + dotted(key) + "' is defined twice");
    }

    /** Steps into (or creates) a table on a header's path. */
    private MutableTable descend(MutableTable table, KeyPart part, Location location) throws TomlSyntaxException {
        Object child = table.entries.get(part.name());
        if (child == null) {
            MutableTable created = new MutableTable(
                    location, Origin.IMPLICIT, nested(table.depth, new Location(file, part.line(), part.column())));
            table.entries.put(part.name(), created);
            return created;
        }
        if (child instanceof MutableTable found && found.origin != Origin.INLINE) {
            return found;
        }
        if (child instanceof MutableArray array && array.ofTables) {
            return (MutableTable) array.items.get(array.items.size() - 1);
        }
        throw error(part.line(), part.column(), "'" + part.name() + "' is not a table that can be extended");
    }

    private void keyValue(MutableTable table) throws TomlSyntaxException {
        List<KeyPart> key = key();
        skipBlank();
        expect('=', "'=' after the key");
        skipBlank();
        KeyPart first = key.get(0);
        Value value = value(new Location(file, first.line(), first.column()), table.depth + key.size());
        MutableTable target = table;
        for (int i = 0; i < key.size() - 1; i++) {
            KeyPart part = key.get(i);
            Object child = target.entries.get(part.name());
            if (child == null) {
                Location location = new Location(file, part.line(), part.column());
                MutableTable created = new MutableTable(location, Origin.DOTTED, nested(target.depth, location));
                target.entries.put(part.name(), created);
                target = created;
            } else if (child instanceof MutableTable found && found.origin == Origin.DOTTED) {
                target = found;
            } else {
                throw error(
                        part.line(),
                        part.column(),
                        "cannot add keys to '" + part.name() + "' with a dotted key: it is already defined");
            }
        }
        KeyPart last = key.get(key.size() - 1);
        if (target.entries.containsKey(last.name())) {
            throw error(last.line(), last.column(), "key '" + dotted(key) + "' is defined twice");
        }
        target.entries.put(last.name(), value);
    }

    // ------------------------------------------------------------------ keys

    private List<KeyPart> key() throws TomlSyntaxException {
        List<KeyPart> parts = new ArrayList<>(2);
        while (true) {
            int partLine = line;
            int partColumn = column();
            parts.add(new KeyPart(simpleKey(), partLine, partColumn));
            skipBlank();
            if (pos < length && text.charAt(pos) == '.') {
                pos++;
                skipBlank();
            } else {
                return parts;
            }
        }
    }

    private String simpleKey() throws TomlSyntaxException {
        if (pos >= length) {
            throw error("a key");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            if (text.startsWith("\"\"\"", pos)) {
                throw error("a key (multi-line strings cannot be keys)");
            }
            return basicString();
        }
        if (c == '\'') {
            if (text.startsWith("'''", pos)) {
                throw error("a key (multi-line strings cannot be keys)");
            }
            return literalString();
        }
        int start = pos;
        while (pos < length && isBareKeyChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("a key");
        }
        return text.substring(start, pos);
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    // ------------------------------------------------------------------ values

    /** A value whose node lies {@code depth} levels below the root table. */
    private Value value(Location location, int depth) throws TomlSyntaxException {
        if (pos >= length) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '"' -> {
                return new Value(text.startsWith("\"\"\"", pos) ? multilineString('"') : basicString(), location);
            }
            case '\'' -> {
                return new Value(text.startsWith("'''", pos) ? multilineString('\'') : literalString(), location);
            }
            case '[' -> {
                return new Value(array(location, depth), location);
            }
            case '{' -> {
                return new Value(inlineTable(location, depth), location);
            }
            case 't' -> {
                return new Value(word("true", Boolean.TRUE), location);
            }
            case 'f' -> {
                return new Value(word("false", Boolean.FALSE), location);
            }
            default -> {
                return new Value(numberOrDate(), location);
            }
        }
    }

    private Object word(String word, Object value) throws TomlSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("a value");
        }
        pos += word.length();
        return value;
    }

    private MutableArray array(Location location, int depth) throws TomlSyntaxException {
        MutableArray array = new MutableArray(location, false, nested(depth - 1, new Location(file, line, column())));
        pos++;
        while (true) {
            skipWhitespaceCommentsAndNewlines();
            if (pos < length && text.charAt(pos) == ']') {
                pos++;
                return array;
            }
            Value item = value(new Location(file, line, column()), depth + 1);
            array.items.add(item);
            skipWhitespaceCommentsAndNewlines();
            if (pos < length && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < length && text.charAt(pos) == ']') {
                pos++;
                return array;
            } else {
                throw error("',' or ']' in the array");
            }
        }
    }

    private MutableTable inlineTable(Location location, int depth) throws TomlSyntaxException {
        MutableTable table =
                new MutableTable(location, Origin.INLINE, nested(depth - 1, new Location(file, line, column())));
        pos++;
        skipBlank();
        if (pos < length && text.charAt(pos) == '}') {
            pos++;
            return table;
        }
        while (true) {
            requireSameLine();
            keyValue(table);
            skipBlank();
            if (pos < length && text.charAt(pos) == ',') {
                pos++;
                skipBlank();
            } else if (pos < length && text.charAt(pos) == '}') {
                pos++;
                return table;
            } else {
                throw error("',' or '}' in the inline table (inline tables are on one line, without a trailing comma)");
            }
        }
    }

    // ------------------------------------------------------------------ strings

    private String basicString() throws TomlSyntaxException {
        pos++;
        StringBuilder out = null;
        int start = pos;
        while (true) {
            if (pos >= length) {
                throw error("'\"' to close the string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = out == null
                        ? text.substring(start, pos)
                        : out.append(text, start, pos).toString();
                pos++;
                return result;
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, start, pos);
                escape(out);
                start = pos;
            } else if (c == '\n' || c == '\r') {
                throw error("'\"' to close the string before the end of the line");
            } else if (isControl(c)) {
                throw error(line, column(), "control character U+" + hex(c) + " in a string; escape it");
            } else {
                pos++;
            }
        }
    }

    /**
     * A multi-line string: {@code """} (basic, with escapes and line-ending backslashes) or
     * {@code '''} (literal). A newline right after the opening delimiter is dropped, and up to two
     * quotes may end the content just before the closing delimiter.
     */
    private String multilineString(char quote) throws TomlSyntaxException {
        String delimiter = String.valueOf(quote).repeat(3);
        boolean basic = quote == '"';
        pos += 3;
        skipInitialNewline();
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= length) {
                throw error(delimiter + " to close the multi-line string");
            }
            char c = text.charAt(pos);
            if (c == quote && text.startsWith(delimiter, pos)) {
                int quotes = 3;
                while (quotes < 5 && pos + quotes < length && text.charAt(pos + quotes) == quote) {
                    quotes++;
                }
                out.append(String.valueOf(quote).repeat(quotes - 3));
                pos += quotes;
                return out.toString();
            }
            if (basic && c == '\\') {
                int after = pos + 1;
                while (after < length && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                    after++;
                }
                if (after < length && (text.charAt(after) == '\n' || text.startsWith("\r\n", after))) {
                    pos = after;
                    skipWhitespaceAndNewlines();
                } else {
                    escape(out);
                }
            } else if (c == '\n' || c == '\r') {
                newline();
                out.append('\n');
            } else if (isControl(c)) {
                throw error(line, column(), "control character U+" + hex(c) + " in a string; escape it");
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private String literalString() throws TomlSyntaxException {
        int start = ++pos;
        while (true) {
            if (pos >= length) {
                throw error("\"'\" to close the literal string");
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                return text.substring(start, pos++);
            }
            if (c == '\n' || c == '\r') {
                throw error("\"'\" to close the literal string before the end of the line");
            }
            if (isControl(c)) {
                throw error(line, column(), "control character U+" + hex(c) + " in a literal string");
            }
            pos++;
        }
    }

    private void requireSameLine() throws TomlSyntaxException {
        if (pos < length && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r' || text.charAt(pos) == '#')) {
            throw error("a key: inline tables are on one line");
        }
    }

    private void skipInitialNewline() throws TomlSyntaxException {
        if (pos < length && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            newline();
        }
    }

    private void escape(StringBuilder out) throws TomlSyntaxException {
        int escapeColumn = column();
        pos++;
        if (pos >= length) {
            throw error("an escape sequence");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'b' -> out.append('\b');
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u' -> out.appendCodePoint(unicode(4, escapeColumn));
            case 'U' -> out.appendCodePoint(unicode(8, escapeColumn));
            default -> throw error(line, escapeColumn, "invalid escape sequence '\\" + c + "'");
        }
    }

    private int unicode(int digits, int escapeColumn) throws TomlSyntaxException {
        if (pos + digits > length) {
            throw error(line, escapeColumn, "incomplete unicode escape");
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error(line, escapeColumn, "invalid unicode escape");
            }
            value = value * 16 + digit;
        }
        pos += digits;
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) || value < 0) {
            throw error(line, escapeColumn, "unicode escape is not a Unicode scalar value");
        }
        return value;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    // ------------------------------------------------------------------ numbers and dates

    private Object numberOrDate() throws TomlSyntaxException {
        int startColumn = column();
        int start = pos;
        while (pos < length && isValueChar(text.charAt(pos))) {
            pos++;
        }
        // A local date followed by a space and a time is one date-time.
        if (pos - start == 10
                && pos + 1 < length
                && text.charAt(pos) == ' '
                && Character.isDigit(text.charAt(pos + 1))
                && text.charAt(start + 4) == '-') {
            pos++;
            while (pos < length && isValueChar(text.charAt(pos))) {
                pos++;
            }
        }
        String token = text.substring(start, pos);
        if (token.isEmpty()) {
            throw error("a value");
        }
        try {
            if (token.length() >= 10 && token.charAt(4) == '-' && Character.isDigit(token.charAt(0))) {
                return dateTime(token);
            }
            if (token.length() >= 8 && token.charAt(2) == ':') {
                return localTime(token);
            }
            return number(token);
        } catch (DateTimeException | NumberFormatException e) {
            throw error(line, startColumn, "invalid value '" + token + "'");
        }
    }

    private static boolean isValueChar(char c) {
        return (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || c == '_'
                || c == '.'
                || c == ':'
                || c == '+'
                || c == '-';
    }

    private static Object number(String token) {
        String unsigned = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
        boolean negative = token.startsWith("-");
        if (unsigned.equals("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.length() > 2 && unsigned.charAt(0) == '0' && "xob".indexOf(unsigned.charAt(1)) >= 0) {
            if (unsigned != token) {
                throw new NumberFormatException("sign on a prefixed integer");
            }
            int radix = unsigned.charAt(1) == 'x' ? 16 : unsigned.charAt(1) == 'o' ? 8 : 2;
            return Long.parseLong(digits(unsigned.substring(2), radix), radix);
        }
        boolean isFloat = unsigned.indexOf('.') >= 0 || unsigned.indexOf('e') >= 0 || unsigned.indexOf('E') >= 0;
        if (!isFloat) {
            String digits = digits(unsigned, 10);
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw new NumberFormatException("leading zero");
            }
            return Long.parseLong(negative ? "-" + digits : digits);
        }
        return Double.parseDouble((negative ? "-" : "") + floatDigits(unsigned));
    }

    /** Checks TOML float syntax (digits around '.', no leading zeros) and removes underscores. */
    private static String floatDigits(String unsigned) {
        int exponent = Math.max(unsigned.indexOf('e'), unsigned.indexOf('E'));
        String mantissa = exponent < 0 ? unsigned : unsigned.substring(0, exponent);
        int dot = mantissa.indexOf('.');
        String integer = digits(dot < 0 ? mantissa : mantissa.substring(0, dot), 10);
        if (integer.length() > 1 && integer.charAt(0) == '0') {
            throw new NumberFormatException("leading zero");
        }
        StringBuilder out = new StringBuilder(integer);
        if (dot >= 0) {
            out.append('.').append(digits(mantissa.substring(dot + 1), 10));
        }
        if (exponent >= 0) {
            String exp = unsigned.substring(exponent + 1);
            String sign = exp.startsWith("+") || exp.startsWith("-") ? exp.substring(0, 1) : "";
            out.append('e').append(sign).append(digits(exp.substring(sign.length()), 10));
        }
        return out.toString();
    }

    /** Digits of a radix with single underscores only between digits; the underscores removed. */
    private static String digits(String text, int radix) {
        if (text.isEmpty() || text.charAt(0) == '_' || text.charAt(text.length() - 1) == '_' || text.contains("__")) {
            throw new NumberFormatException(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            if (Character.digit(c, radix) < 0) {
                throw new NumberFormatException(text);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static Object dateTime(String token) {
        LocalDate date = date(token.substring(0, 10));
        if (token.length() == 10) {
            return date;
        }
        char separator = token.charAt(10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            throw new DateTimeException(token);
        }
        String rest = token.substring(11);
        int offsetAt = -1;
        for (int i = 8; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                offsetAt = i;
                break;
            }
        }
        LocalTime time = localTime(offsetAt < 0 ? rest : rest.substring(0, offsetAt));
        if (offsetAt < 0) {
            return LocalDateTime.of(date, time);
        }
        String offset = rest.substring(offsetAt);
        ZoneOffset zone;
        if (offset.equals("Z") || offset.equals("z")) {
            zone = ZoneOffset.UTC;
        } else {
            if (offset.length() != 6 || offset.charAt(3) != ':') {
                throw new DateTimeException(token);
            }
            int hours = twoDigits(offset, 1);
            int minutes = twoDigits(offset, 4);
            if (hours > 23 || minutes > 59) {
                throw new DateTimeException(token);
            }
            int seconds = (hours * 3600 + minutes * 60) * (offset.charAt(0) == '-' ? -1 : 1);
            zone = ZoneOffset.ofTotalSeconds(seconds);
        }
        return OffsetDateTime.of(date, time, zone);
    }

    private static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new DateTimeException(text);
        }
        return LocalDate.of(fourDigits(text), twoDigits(text, 5), twoDigits(text, 8));
    }

    private static LocalTime localTime(String text) {
        if (text.length() < 8 || text.charAt(2) != ':' || text.charAt(5) != ':') {
            throw new DateTimeException(text);
        }
        int nanos = 0;
        if (text.length() > 8) {
            if (text.charAt(8) != '.' || text.length() == 9) {
                throw new DateTimeException(text);
            }
            String fraction = text.substring(9);
            for (int i = 0; i < fraction.length(); i++) {
                if (!Character.isDigit(fraction.charAt(i))) {
                    throw new DateTimeException(text);
                }
            }
            String nine = (fraction + "000000000").substring(0, 9);
            nanos = Integer.parseInt(nine);
        }
        return LocalTime.of(twoDigits(text, 0), twoDigits(text, 3), twoDigits(text, 6), nanos);
    }

    private static int twoDigits(String text, int at) {
        char a = text.charAt(at);
        char b = text.charAt(at + 1);
        if (!Character.isDigit(a) || !Character.isDigit(b) || a > '9' || b > '9') {
            throw new DateTimeException(text);
        }
        return (a - '0') * 10 + (b - '0');
    }

    private static int fourDigits(String text) {
        return twoDigits(text, 0) * 100 + twoDigits(text, 2);
    }

    // ------------------------------------------------------------------ whitespace and lines

    private void skipBlank() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private void comment() throws TomlSyntaxException {
        pos++;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '\n' || (c == '\r' && pos + 1 < length && text.charAt(pos + 1) == '\n')) {
                return;
            }
            if (isControl(c)) {
                throw error(line, column(), "control character U+" + hex(c) + " in a comment");
            }
            pos++;
        }
    }

    private void newline() throws TomlSyntaxException {
        char c = text.charAt(pos);
        if (c == '\r') {
            if (pos + 1 >= length || text.charAt(pos + 1) != '\n') {
                throw error(line, column(), "a carriage return must be followed by a line feed");
            }
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    /** After a key/value or header: blanks, an optional comment, then a newline or the end. */
    private void endOfLine() throws TomlSyntaxException {
        skipBlank();
        if (pos < length && text.charAt(pos) == '#') {
            comment();
        }
        if (pos < length) {
            char c = text.charAt(pos);
            if (c != '\n' && c != '\r') {
                throw error("a new line after the value");
            }
            newline();
        }
    }

    private void skipWhitespaceAndNewlines() throws TomlSyntaxException {
        skipSpaceAndNewlines(false);
    }

    private void skipWhitespaceCommentsAndNewlines() throws TomlSyntaxException {
        skipSpaceAndNewlines(true);
    }

    private void skipSpaceAndNewlines(boolean comments) throws TomlSyntaxException {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
            } else if (comments && c == '#') {
                comment();
            } else {
                return;
            }
        }
    }

    private void expect(char c, String what) throws TomlSyntaxException {
        if (pos >= length || text.charAt(pos) != c) {
            throw error(what);
        }
        pos++;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    /** The depth of a container below one at {@code parentDepth}; an error beyond {@link #MAX_NESTING}. */
    private static int nested(int parentDepth, Location at) throws TomlSyntaxException {
        if (parentDepth + 1 > MAX_NESTING) {
            throw error(
                    at.line(),
                    at.column(),
                    "nested more than " + MAX_NESTING + " levels deep (tables, arrays and inline tables together)");
        }
        return parentDepth + 1;
    }

    private TomlSyntaxException error(String expected) {
        String found = pos >= length ? "the end of the file" : describe(text.charAt(pos));
        return new TomlSyntaxException("expected " + expected + ", found " + found, line, column());
    }

    private static TomlSyntaxException error(int line, int column, String message) {
        return new TomlSyntaxException(message, line, column);
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n', '\r' -> "the end of the line";
            default -> isControl(c) ? "control character U+" + hex(c) : "'" + c + "'";
        };
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    private static String dotted(List<KeyPart> key) {
        StringBuilder out = new StringBuilder();
        for (KeyPart part : key) {
            out.append(out.isEmpty() ? "" : ".").append(part.name());
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ result

    private static ConfigNode freeze(Object node) {
        if (node instanceof MutableTable table) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            table.entries.forEach((key, value) -> entries.put(key, freeze(value)));
            return new ConfigNode.Table(entries, table.location, null);
        }
        if (node instanceof MutableArray array) {
            List<ConfigNode> items = new ArrayList<>(array.items.size());
            array.items.forEach(item -> items.add(freeze(item)));
            return new ConfigNode.Array(items, array.location, null);
        }
        Value value = (Value) node;
        if (value.value() instanceof MutableTable || value.value() instanceof MutableArray) {
            ConfigNode inner = freeze(value.value());
            return inner instanceof ConfigNode.Table table
                    ? new ConfigNode.Table(table.entries(), value.location(), null)
                    : new ConfigNode.Array(((ConfigNode.Array) inner).items(), value.location(), null);
        }
        return new ConfigNode.Scalar(value.value(), value.location(), null);
    }
}
