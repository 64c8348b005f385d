package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The line diff skips what both files start and end with and still gives a patch that turns one
 * into the other: the same unified diff as diffing the whole files where the lines around a change
 * are unique, and where they repeat (blank lines), a block inserted at the top kept whole, as the
 * step inserted it.
 */
class TreeDiffLinesTest {

    private static List<String> spec(int lines) {
        return IntStream.range(0, lines).mapToObj(i -> "line " + i).toList();
    }

    private static List<String> unified(List<String> old, Patch<String> patch) {
        return UnifiedDiffUtils.generateUnifiedDiff("a/x", "b/x", old, patch, 3);
    }

    @Test
    void aBlockChangedAnywhereGivesTheWholeFileDiff() throws Exception {
        List<String> old = spec(500);
        List<List<String>> edits = new ArrayList<>();
        List<String> top = new ArrayList<>(List.of("# header", "# header 2", ""));
        top.addAll(old);
        edits.add(top);
        List<String> middle = new ArrayList<>(old);
        middle.set(250, "changed");
        middle.add(251, "inserted");
        edits.add(middle);
        List<String> end = new ArrayList<>(old.subList(0, 497));
        end.add("new end");
        edits.add(end);
        edits.add(List.of());
        edits.add(old);
        for (List<String> now : edits) {
            Patch<String> patch = TreeDiff.diff(old, now);
            assertThat(patch.applyTo(old)).isEqualTo(now);
            assertThat(unified(old, patch)).isEqualTo(unified(old, DiffUtils.diff(old, now)));
        }
    }

    private record Edit(List<String> old, List<String> now) {}

    @Test
    void linesOnlyAddedOrOnlyRemovedAreOneDeltaAsMyersFindsIt() throws Exception {
        List<String> old = spec(300);
        List<String> inserted = new ArrayList<>(old);
        inserted.addAll(120, spec(40).stream().map(line -> "new " + line).toList());
        List<String> removed = new ArrayList<>(old);
        removed.subList(10, 90).clear();
        List<Edit> edits = List.of(
                new Edit(List.of(), spec(2000)),
                new Edit(spec(2000), List.of()),
                new Edit(old, inserted),
                new Edit(old, removed));
        for (Edit edit : edits) {
            Patch<String> patch = TreeDiff.diff(edit.old(), edit.now());
            assertThat(patch.getDeltas()).hasSize(1);
            assertThat(patch.applyTo(edit.old())).isEqualTo(edit.now());
            assertThat(unified(edit.old(), patch))
                    .isEqualTo(unified(edit.old(), DiffUtils.diff(edit.old(), edit.now())));
        }
    }

    @Test
    void aHeaderBeforeABlankFirstLineIsOneInsertedBlock() throws Exception {
        List<String> old = List.of("", "# upstream comment", "Name: demo");
        List<String> now = List.of("# header", "# header 2", "", "", "# upstream comment", "Name: demo");

        Patch<String> patch = TreeDiff.diff(old, now);

        assertThat(patch.applyTo(old)).isEqualTo(now);
        assertThat(unified(old, patch))
                .containsExactly(
                        "--- a/x",
                        "+++ b/x",
                        "@@ -1,3 +1,6 @@",
                        "+# header",
                        "+# header 2",
                        "+",
                        " ",
                        " # upstream comment",
                        " Name: demo");
    }

    @Test
    void anyEditGivesAPatchThatMakesTheNewFile() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<String> old = new ArrayList<>();
            List<String> now = new ArrayList<>();
            for (int i = 0; i < random.nextInt(40); i++) {
                old.add("l" + random.nextInt(4));
            }
            for (String line : old) {
                int choice = random.nextInt(6);
                if (choice == 0) {
                    continue;
                }
                if (choice == 1) {
                    now.add("n" + random.nextInt(4));
                }
                now.add(line);
            }
            Patch<String> patch = TreeDiff.diff(old, now);
            assertThat(patch.applyTo(old))
                    .as("round %d: %s -> %s", round, old, now)
                    .isEqualTo(now);
        }
    }
}
