package dev.keel.spec;

/**
 * rpm's state while joining physical lines into one logical line ({@code copyNextLineFromOFI}):
 * how many {@code %{}, {@code %(} and {@code %[} are open, and whether the text scanned so far
 * ends in a backslash continuation. Used by the parser and by the macro expander's line reader,
 * so both join lines exactly as rpm does.
 */
public final class LineJoining {

    private int braces;
    private int parens;
    private int brackets;
    private boolean continued;

    /** @param continued whether the text before ends in a backslash continuation */
    public LineJoining(boolean continued) {
        this.continued = continued;
    }

    /** Scans {@code text[start, end)} (one physical line, its line ending included). */
    public void scan(CharSequence text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            switch (c) {
                case '\\' -> {
                    if (k + 1 < end) {
                        continued |= text.charAt(k + 1) == '\n';
                        k++;
                    }
                }
                case '\n' -> continued = false;
                case '%' -> {
                    if (k + 1 < end) {
                        char next = text.charAt(k + 1);
                        braces += next == '{' ? 1 : 0;
                        parens += next == '(' ? 1 : 0;
                        brackets += next == '[' ? 1 : 0;
                        k += "{([%".indexOf(next) >= 0 ? 1 : 0;
                    }
                }
                case '{' -> braces += braces > 0 ? 1 : 0;
                case '}' -> braces -= braces > 0 ? 1 : 0;
                case '(' -> parens += parens > 0 ? 1 : 0;
                case ')' -> parens -= parens > 0 ? 1 : 0;
                case '[' -> brackets += brackets > 0 ? 1 : 0;
                case ']' -> brackets -= brackets > 0 ? 1 : 0;
                default -> {}
            }
        }
    }

    /** Whether a {@code %{}, {@code %(} or {@code %[} is still open. */
    public boolean open() {
        return braces > 0 || parens > 0 || brackets > 0;
    }

    /** Whether the text scanned so far ends in a backslash continuation. */
    public boolean continued() {
        return continued;
    }

    /** Notes a line without {@code %} or backslash: it keeps a continuation only if it has no line ending. */
    public void plainLine(boolean hasLineEnding) {
        continued = continued && !hasLineEnding;
    }
}
