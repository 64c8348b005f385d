package dev.keel.spec.macro;

import dev.keel.spec.Line;
import dev.keel.spec.Spec;
import java.util.List;

/**
 * A spec's text in the units rpm expands at once ({@code copyNextLineFromOFI}): physical lines
 * joined while a {@code %{}, {@code %(} or {@code %[} is open or the last line ends in a backslash.
 * After expansion rpm reads such a unit line by line again.
 */
final class ReadBuffers {

    /**
     * One unit.
     *
     * @param line the 1-based number of its first physical line
     * @param text its physical lines with their endings
     * @param unclosed whether the file ended while a group or continuation was still open
     */
    record Buffer(int line, String text, boolean unclosed) {}

    private final List<Line> lines;
    private int next;

    ReadBuffers(Spec spec) {
        this.lines = spec.lines();
    }

    /** The next unit, or {@code null} at the end of the file. */
    Buffer next() {
        if (next >= lines.size()) {
            return null;
        }
        int first = next;
        StringBuilder text = new StringBuilder();
        int braces = 0;
        int parens = 0;
        int brackets = 0;
        boolean continued = false;
        while (next < lines.size()) {
            String raw = lines.get(next++).raw();
            text.append(raw);
            for (int p = 0; p < raw.length(); p++) {
                char c = raw.charAt(p);
                char after = p + 1 < raw.length() ? raw.charAt(p + 1) : 0;
                switch (c) {
                    case '\\' -> {
                        continued |= after == '\n';
                        p += after == 0 ? 0 : 1;
                    }
                    case '\n' -> continued = false;
                    case '%' -> {
                        braces += after == '{' ? 1 : 0;
                        parens += after == '(' ? 1 : 0;
                        brackets += after == '[' ? 1 : 0;
                        p += "{([%".indexOf(after) >= 0 ? 1 : 0;
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
            if (braces == 0 && parens == 0 && brackets == 0 && !continued) {
                return new Buffer(first + 1, text.toString(), false);
            }
        }
        return new Buffer(first + 1, text.toString(), true);
    }
}
