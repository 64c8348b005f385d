package dev.keel.spec.macro;

import java.util.List;
import java.util.Locale;

/** The pure text functions among rpm's built-in macros, with rpm's exact edge cases. */
final class TextFunctions {

    /** rpm's marker around a quoted argument ({@code %{quote:...}}): ASCII unit separator. */
    static final char QUOTE = 0x1f;

    private TextFunctions() {}

    /** The result of a text function, or {@code null} when rpm outputs nothing. */
    static String apply(Builtin function, List<String> args) {
        String arg = args.get(1);
        return switch (function) {
            case BASENAME -> arg.substring(arg.lastIndexOf('/') + 1);
            case DIRNAME -> arg.lastIndexOf('/') < 0 ? arg : arg.substring(0, arg.lastIndexOf('/'));
            case SUFFIX -> arg.lastIndexOf('.') < 0 ? null : arg.substring(arg.lastIndexOf('.') + 1);
            case SHRINK -> shrink(arg);
            case QUOTE -> quote(args.subList(1, args.size()));
            case SHESCAPE -> "'" + arg.replace("'", "'\\''") + "'";
            case URL2PATH, U2P -> urlPath(arg);
            case LEN -> Integer.toString(arg.codePointCount(0, arg.length()));
            case LOWER -> arg.toLowerCase(Locale.ROOT);
            case UPPER -> arg.toUpperCase(Locale.ROOT);
            case SUB -> sub(arg);
            default -> throw new IllegalArgumentException(function + " is not a text function");
        };
    }

    /** Whether a built-in is one of the pure text functions. */
    static boolean handles(Builtin function) {
        return switch (function) {
            case BASENAME, DIRNAME, SUFFIX, SHRINK, QUOTE, SHESCAPE, URL2PATH, U2P, LEN, LOWER, UPPER, SUB -> true;
            default -> false;
        };
    }

    /** Leading and trailing white space removed, inner runs reduced to one space. */
    private static String shrink(String text) {
        StringBuilder out = new StringBuilder();
        char last = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && c <= ' ') {
                if (last == ' ') {
                    continue;
                }
                c = ' ';
            }
            out.append(c);
            last = c;
        }
        if (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static String quote(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(QUOTE).append(word).append(QUOTE);
        }
        return out.toString();
    }

    /** The path of a URL ({@code https://host/a/b} gives {@code /a/b}); other text unchanged. */
    private static String urlPath(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0 || !url.substring(0, scheme).chars().allMatch(Character::isLetter)) {
            return url;
        }
        int path = url.indexOf('/', scheme + 3);
        return path < 0 ? "/" : url.substring(path);
    }

    /**
     * {@code %{sub:STRING START END}} (rpm 4.19): the characters from START to END, both 1-based and
     * inclusive, negative values counting from the end, as Lua's {@code string.sub}.
     */
    private static String sub(String arg) {
        String[] words = arg.strip().split("[ \t]+");
        String text = words[0];
        int length = text.length();
        int start = words.length > 1 ? parseIndex(words[1], 1) : 1;
        int end = words.length > 2 ? parseIndex(words[2], -1) : -1;
        start = start < 0 ? Math.max(length + start + 1, 1) : Math.max(start, 1);
        end = end < 0 ? length + end + 1 : Math.min(end, length);
        return start > end ? "" : text.substring(start - 1, end);
    }

    private static int parseIndex(String word, int fallback) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Splits expanded macro arguments at blanks as rpm does: text between {@link #QUOTE} characters
     * stays one argument (kept even when empty) and loses the quote characters.
     */
    static void splitQuoted(List<String> into, String text) {
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            if (!quoted && (c == ' ' || c == '\t' || c == '\0')) {
                if (i > start) {
                    into.add(text.substring(start, i).replace(String.valueOf(QUOTE), ""));
                }
                start = i + 1;
            }
            if (c == QUOTE) {
                quoted = !quoted;
            }
        }
    }
}
