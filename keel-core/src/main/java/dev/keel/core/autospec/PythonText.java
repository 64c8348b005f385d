package dev.keel.core.autospec;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python text rules rpmautospec's output depends on: what {@code str.strip()} and a
 * regular expression's {@code \s} call whitespace, and how a file read in text mode splits into
 * lines (universal newlines: {@code \r\n}, {@code \r} and {@code \n} all end a line, and all read
 * as {@code \n}).
 */
final class PythonText {

    /** A regex class of Python's whitespace ({@code str.isspace()}), for patterns compiled with {@code UNICODE_CHARACTER_CLASS}. */
    static final String SPACE = "[\\s\\x1c-\\x1f]";

    private PythonText() {}

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        return (c >= 0x09 && c <= 0x0d)
                || (c >= 0x1c && c <= 0x20)
                || c == 0x85
                || c == 0xa0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202f
                || c == 0x205f
                || c == 0x3000;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String text) {
        return lstrip(rstrip(text));
    }

    /** Python's {@code str.lstrip()}. */
    static String lstrip(String text) {
        int start = 0;
        while (start < text.length()) {
            int c = text.codePointAt(start);
            if (!isSpace(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        return text.substring(start);
    }

    private static String rstrip(String text) {
        int end = text.length();
        while (end > 0) {
            int c = text.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return text.substring(0, end);
    }

    /**
     * The lines of a text read in Python's text mode: each ends with {@code \n} (the last one may
     * have no ending), whatever ending it had.
     */
    static List<String> universalLines(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < normalized.length()) {
            int end = normalized.indexOf('\n', start);
            int next = end < 0 ? normalized.length() : end + 1;
            lines.add(normalized.substring(start, next));
            start = next;
        }
        return lines;
    }
}
