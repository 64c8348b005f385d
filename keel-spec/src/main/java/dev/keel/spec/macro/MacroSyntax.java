package dev.keel.spec.macro;

/** Where macro calls end, by rpm's rules ({@code findMacroEnd}, {@code matchchar}). */
final class MacroSyntax {

    private MacroSyntax() {}

    /**
     * The index just past the macro call whose text starts at {@code from} (the character after its
     * '%'), or -1 for an unterminated {@code %{}, {@code %(} or {@code %[}.
     */
    static int macroEnd(String text, int from) {
        char first = from < text.length() ? text.charAt(from) : 0;
        switch (first) {
            case '(' -> {
                return matching(text, from, '(', ')');
            }
            case '{' -> {
                return matching(text, from, '{', '}');
            }
            case '[' -> {
                return matching(text, from, '[', ']');
            }
            default -> {}
        }
        int i = from;
        while (i < text.length() && (text.charAt(i) == '?' || text.charAt(i) == '!')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        while (i < text.length() && isNameChar(text.charAt(i))) {
            i++;
        }
        if (text.startsWith("**", i)) {
            return i + 2;
        }
        return i < text.length() && (text.charAt(i) == '*' || text.charAt(i) == '#') ? i + 1 : i;
    }

    /** Index past the bracket closing the one at {@code open}, skipping backslash escapes; -1 if none. */
    static int matching(String text, int open, char left, char right) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\\') {
                i++;
            } else if (c == right) {
                if (--depth <= 0) {
                    return i;
                }
            } else if (c == left) {
                depth++;
            }
        }
        return -1;
    }

    /** rpm's macro name characters: ASCII letters, digits and underscore. */
    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isEol(char c) {
        return c == '\n' || c == '\r';
    }
}
