package dev.keel.spec.macro;

import dev.keel.spec.Line;
import dev.keel.spec.LineJoining;
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
        LineJoining joining = new LineJoining(false);
        while (next < lines.size()) {
            String raw = lines.get(next++).raw();
            text.append(raw);
            joining.scan(raw, 0, raw.length());
            if (!joining.open() && !joining.continued()) {
                return new Buffer(first + 1, text.toString(), false);
            }
        }
        return new Buffer(first + 1, text.toString(), true);
    }
}
