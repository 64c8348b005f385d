package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assertions on the result of an edit: exact text, and the provenance of every line. */
final class EditAssertions {

    private EditAssertions() {}

    /**
     * Asserts that {@code after} is exactly the annotated text and that its lines come from where the
     * annotations say. Each expected line starts with {@code "+ "} when the edit produced or changed
     * it (origin {@link LineOrigin.Edit} with {@code label}) or with two spaces when it is an input
     * line carried over: then it must be byte-identical to the input line it names, keep {@link
     * LineOrigin.Input} with its original line number, and input lines must keep their order. Lines
     * are joined with {@code \n}; a last line without a final newline is written without one.
     */
    static void assertEdited(Spec before, Spec after, String label, String annotated) {
        assertEdited(before, after, label, annotated, "\n");
    }

    /** As {@link #assertEdited(Spec, Spec, String, String)}, with lines joined by {@code eol}. */
    static void assertEdited(Spec before, Spec after, String label, String annotated, String eol) {
        List<Boolean> edited = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        String[] rows = annotated.split("\n", -1);
        int count = annotated.endsWith("\n") ? rows.length - 1 : rows.length;
        for (int i = 0; i < count; i++) {
            String row = rows[i];
            // Text blocks strip trailing spaces: "+" and "" stand for "+ " and "  " with an empty line.
            boolean isEdit = row.startsWith("+");
            assertThat(isEdit || row.isEmpty() || row.startsWith("  "))
                    .as("annotation of expected line %d: %s", i + 1, row)
                    .isTrue();
            edited.add(isEdit);
            expected.append(row.length() <= 2 ? "" : row.substring(2));
            if (i < count - 1 || annotated.endsWith("\n")) {
                expected.append(eol);
            }
        }
        assertThat(after.text()).isEqualTo(expected.toString());
        assertThat(after.lineCount()).isEqualTo(edited.size());
        int previousInput = 0;
        for (int i = 0; i < after.lineCount(); i++) {
            Line line = after.line(i);
            if (edited.get(i)) {
                assertThat(line.origin())
                        .as("origin of line %d (%s)", i + 1, line.text())
                        .isEqualTo(new LineOrigin.Edit(label));
                continue;
            }
            assertThat(line.origin())
                    .as("origin of line %d (%s)", i + 1, line.text())
                    .isInstanceOf(LineOrigin.Input.class);
            int number = ((LineOrigin.Input) line.origin()).lineNumber();
            assertThat(number)
                    .as("input line number of line %d (%s)", i + 1, line.text())
                    .isGreaterThan(previousInput);
            previousInput = number;
            Line original = before.line(number - 1);
            if (original.eolLength() == 0 && line.eolLength() > 0) {
                // Only a last line without a newline may gain one, when lines are added after it.
                assertThat(number).isEqualTo(before.lineCount());
                assertThat(line.text()).isEqualTo(original.text());
            } else {
                assertThat(line.bytes())
                        .as("bytes of line %d (input line %d)", i + 1, number)
                        .isEqualTo(original.bytes());
            }
        }
        assertRoundTrips(after.toBytes());
    }

    /** Parsing never throws and gives back the bytes exactly. */
    static Spec assertRoundTrips(byte[] bytes) {
        Spec spec = Spec.parse(bytes);
        assertThat(spec.toBytes()).isEqualTo(bytes);
        int total = 0;
        for (Line line : spec.lines()) {
            total += line.length();
        }
        assertThat(total).isEqualTo(bytes.length);
        return spec;
    }

    /** Every input line that survives an edit is byte-identical and keeps its number and order. */
    static void assertUntouchedLinesIntact(Spec before, Spec after) {
        int previous = 0;
        for (int i = 0; i < after.lineCount(); i++) {
            Line line = after.line(i);
            if (line.origin() instanceof LineOrigin.Input input) {
                assertThat(input.lineNumber()).isGreaterThan(previous);
                previous = input.lineNumber();
                Line original = before.line(input.lineNumber() - 1);
                if (original.eolLength() == 0 && input.lineNumber() == before.lineCount()) {
                    assertThat(line.text()).isEqualTo(original.text());
                } else {
                    assertThat(Arrays.equals(line.bytes(), original.bytes()))
                            .as("input line %d is byte-identical", input.lineNumber())
                            .isTrue();
                }
            }
        }
    }
}
