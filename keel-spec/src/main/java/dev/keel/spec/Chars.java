package dev.keel.spec;

/** Character-class helpers with rpm's definitions of space and blank. */
final class Chars {

    private Chars() {}

    /** rpm's {@code risspace}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    /** rpm's {@code risblank}: space or tab. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    static int skipSpace(String s, int from, int end) {
        int i = from;
        while (i < end && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int skipBlank(String s, int from, int end) {
        int i = from;
        while (i < end && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int nonSpaceEnd(String s, int from, int end) {
        int i = from;
        while (i < end && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int wordEnd(String s, int from, int end) {
        int i = from;
        while (i < end && isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of a tag name: word characters and {@code %{...}} macro references. */
    static int tagNameEnd(String s, int from, int end) {
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (isWordChar(c)) {
                i++;
            } else if (c == '%' && i + 1 < end && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0 || close >= end) {
                    return i;
                }
                i = close + 1;
            } else {
                return i;
            }
        }
        return i;
    }

    /** Index of the '}' that closes the '{' at {@code open}, counting nested braces, or -1 before {@code end}. */
    static int closingBrace(String s, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * End of one macro argument: up to white space, with {@code %{...}}, {@code %[...]} and
     * {@code %(...)} groups (which rpm expands before splitting) kept whole.
     */
    static int argumentEnd(String s, int from, int end) {
        int depth = 0;
        int i = from;
        while (i < end && (depth > 0 || !isSpace(s.charAt(i)))) {
            char c = s.charAt(i);
            if (c == '%' && i + 1 < end && "{[(".indexOf(s.charAt(i + 1)) >= 0) {
                depth++;
                i++;
            } else if (depth > 0 && "}])".indexOf(c) >= 0) {
                depth--;
            } else if (depth > 0 && "{[(".indexOf(c) >= 0) {
                depth++;
            }
            i++;
        }
        return i;
    }

    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A non-negative decimal that fits an int, or {@code null}. */
    static Integer parseNumber(String digits) {
        if (!isDigits(digits) || digits.length() > 9) {
            return null;
        }
        return Integer.parseInt(digits);
    }
}
