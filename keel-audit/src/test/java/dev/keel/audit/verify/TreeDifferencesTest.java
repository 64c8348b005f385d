package dev.keel.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.overlay.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The file-by-file summary of a directory that is not what rendering gives. */
class TreeDifferencesTest {

    private static SourceFile text(String text) {
        return new SourceFile(text.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private static SortedMap<String, SourceFile> tree(Object... namesAndFiles) {
        SortedMap<String, SourceFile> tree = new TreeMap<>();
        for (int i = 0; i < namesAndFiles.length; i += 2) {
            tree.put((String) namesAndFiles[i], (SourceFile) namesAndFiles[i + 1]);
        }
        return tree;
    }

    private static FileDifference difference(
            String file, FileDifference.Change change, int added, int removed, int first) {
        return new FileDifference(
                file, change, added, removed, first == 0 ? OptionalInt.empty() : OptionalInt.of(first), false);
    }

    @Test
    void theSameDirectoryHasNoDifference() {
        SortedMap<String, SourceFile> same = tree("a.spec", text("Name: a\n"), "sources", text(""));
        assertThat(TreeDifferences.between(same, new TreeMap<>(same))).isEmpty();
    }

    @Test
    void oneEditedLineIsOneAddedAndOneRemovedAtItsLine() {
        assertThat(TreeDifferences.between(
                        tree("a.spec", text("one\ntwo\nthree\nfour\n")),
                        tree("a.spec", text("one\ntwo\nTHREE\nfour\n"))))
                .containsExactly(difference("a.spec", FileDifference.Change.CHANGED, 1, 1, 3));
    }

    @Test
    void insertedAndDeletedLinesAreCountedApart() {
        assertThat(TreeDifferences.between(
                        tree("a.spec", text("one\ntwo\nthree\n")),
                        tree("a.spec", text("zero\none\nthree\nfour\nfive\n"))))
                .containsExactly(difference("a.spec", FileDifference.Change.CHANGED, 3, 1, 1));
    }

    @Test
    void aLineEndingOrAMissingFinalNewlineIsAChangedLine() {
        assertThat(TreeDifferences.between(tree("a", text("one\ntwo\n")), tree("a", text("one\ntwo"))))
                .containsExactly(difference("a", FileDifference.Change.CHANGED, 1, 1, 2));
        assertThat(TreeDifferences.between(tree("a", text("one\ntwo\n")), tree("a", text("one\r\ntwo\n"))))
                .containsExactly(difference("a", FileDifference.Change.CHANGED, 1, 1, 1));
    }

    @Test
    void missingAndExtraFilesCountAllTheirLines() {
        assertThat(TreeDifferences.between(
                        tree("a.spec", text("x\n"), "gone.patch", text("1\n2\n")),
                        tree("a.spec", text("x\n"), "new.txt", text("1\n2\n3"), "empty", text(""))))
                .containsExactly(
                        difference("empty", FileDifference.Change.EXTRA, 0, 0, 0),
                        difference("gone.patch", FileDifference.Change.MISSING, 0, 2, 1),
                        difference("new.txt", FileDifference.Change.EXTRA, 3, 0, 1));
    }

    @Test
    void aModeChangeAloneHasNoLine() {
        assertThat(TreeDifferences.between(
                        tree("run.sh", new SourceFile(new byte[] {'x', '\n'}, true)), tree("run.sh", text("x\n"))))
                .containsExactly(
                        new FileDifference("run.sh", FileDifference.Change.CHANGED, 0, 0, OptionalInt.empty(), true));
    }

    @Test
    void bytesThatAreNotTextAreComparedByteForByte() {
        SourceFile binary = new SourceFile(new byte[] {0, (byte) 0xff, '\n', 1}, false);
        SourceFile other = new SourceFile(new byte[] {0, (byte) 0xfe, '\n', 1}, false);
        assertThat(TreeDifferences.between(tree("blob", binary), tree("blob", other)))
                .containsExactly(difference("blob", FileDifference.Change.CHANGED, 1, 1, 1));
    }

    @Test
    void theResultIsSortedByFile() {
        List<FileDifference> differences = TreeDifferences.between(
                tree("b", text("1\n"), "a", text("1\n"), "c", text("1\n")),
                tree("c", text("2\n"), "b", text("2\n"), "a", text("2\n")));
        assertThat(differences).extracting(FileDifference::file).containsExactly("a", "b", "c");
    }
}
