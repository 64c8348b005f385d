package dev.keel.audit.verify;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.render.RenderedTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeSet;

/** The files of a component's directory that differ from what rendering gives, with a line count of each. */
final class TreeDifferences {

    private TreeDifferences() {}

    /** The differences from {@code wanted} (rendered) to {@code current} (checked in), sorted by file. */
    static List<FileDifference> between(SortedMap<String, SourceFile> wanted, SortedMap<String, SourceFile> current) {
        TreeSet<String> names = new TreeSet<>(wanted.keySet());
        names.addAll(current.keySet());
        List<FileDifference> differences = new ArrayList<>();
        for (String name : names) {
            SourceFile rendered = wanted.get(name);
            SourceFile checkedIn = current.get(name);
            if (checkedIn != null && RenderedTree.isLinkOrSpecial(checkedIn)) {
                differences.add(
                        new FileDifference(name, FileDifference.Change.NOT_A_FILE, 0, 0, OptionalInt.empty(), false));
            } else if (checkedIn == null) {
                differences.add(whole(name, FileDifference.Change.MISSING, rendered));
            } else if (rendered == null) {
                differences.add(whole(name, FileDifference.Change.EXTRA, checkedIn));
            } else if (!rendered.equals(checkedIn)) {
                differences.add(changed(name, rendered, checkedIn));
            }
        }
        return differences;
    }

    private static FileDifference whole(String name, FileDifference.Change change, SourceFile file) {
        int lines = lines(file).size();
        return new FileDifference(
                name,
                change,
                change == FileDifference.Change.EXTRA ? lines : 0,
                change == FileDifference.Change.MISSING ? lines : 0,
                lines == 0 ? OptionalInt.empty() : OptionalInt.of(1),
                false);
    }

    private static FileDifference changed(String name, SourceFile rendered, SourceFile checkedIn) {
        List<AbstractDelta<String>> deltas =
                DiffUtils.diff(lines(rendered), lines(checkedIn)).getDeltas();
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : deltas) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        // lines before the first change are the same in both files, so its position is the same in both
        OptionalInt first = deltas.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(deltas.get(0).getSource().getPosition() + 1);
        return new FileDifference(
                name,
                FileDifference.Change.CHANGED,
                added,
                removed,
                first,
                rendered.executable() != checkedIn.executable());
    }

    /**
     * The file's lines, each with its line ending, read byte for byte (ISO-8859-1 maps each byte to
     * one character), so a changed ending or a missing final newline is a changed line.
     */
    private static List<String> lines(SourceFile file) {
        String text = new String(file.content(), StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
