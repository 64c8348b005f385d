package dev.keel.core.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.EqualDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import dev.keel.core.io.Printable;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A plain unified diff between two source trees, as {@code git diff} prints one: {@code a/} and
 * {@code b/} paths, {@code /dev/null} for an added or removed file, three lines of context, and
 * one line for a binary file. Paths are shown with control characters escaped.
 */
final class TreeDiff {

    private static final int CONTEXT = 3;

    private TreeDiff() {}

    /** The diff of every path that differs, in path order; empty when the trees are equal. */
    static String unified(SourceTree before, SourceTree after) {
        SortedSet<String> paths = new TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        StringBuilder out = new StringBuilder();
        for (String path : paths) {
            Optional<SourceFile> old = before.get(path);
            Optional<SourceFile> now = after.get(path);
            if (old.equals(now)) {
                continue;
            }
            String shown = Printable.escape(path);
            String from = old.isPresent() ? "a/" + shown : "/dev/null";
            String to = now.isPresent() ? "b/" + shown : "/dev/null";
            byte[] oldBytes = old.map(SourceFile::content).orElse(new byte[0]);
            byte[] newBytes = now.map(SourceFile::content).orElse(new byte[0]);
            if (isBinary(oldBytes) || isBinary(newBytes)) {
                out.append("Binary files ")
                        .append(from)
                        .append(" and ")
                        .append(to)
                        .append(" differ\n");
                continue;
            }
            if (old.isPresent() && now.isPresent() && Arrays.equals(oldBytes, newBytes)) {
                out.append("Mode of ")
                        .append(shown)
                        .append(now.get().executable() ? " changed to executable\n" : " changed to not executable\n");
                continue;
            }
            FileLines oldLines = new FileLines(oldBytes);
            FileLines newLines = new FileLines(newBytes);
            Patch<String> patch = diff(oldLines, newLines, (i, j) -> oldLines.sameLine(i, newLines, j));
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(from, to, oldLines, patch, CONTEXT);
            if (diff.isEmpty()) {
                // an empty file added or removed, or the same lines with another final line ending
                out.append("--- ").append(from).append("\n+++ ").append(to).append('\n');
            }
            diff.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    /**
     * The line diff, computed on what lies between the lines both files start and end with: the
     * changes a step makes are a few lines of a long spec, and Myers' algorithm costs the length
     * of what it is given. Where lines repeat around a change (blank lines), this keeps a block
     * inserted at the top or the end whole, as the step inserted it.
     */
    static Patch<String> diff(List<String> old, List<String> now) {
        return diff(old, now, (i, j) -> old.get(i).equals(now.get(j)));
    }

    /** Whether line {@code i} of the old file is line {@code j} of the new one. */
    @FunctionalInterface
    private interface SameLine {
        boolean test(int i, int j);
    }

    private static Patch<String> diff(List<String> old, List<String> now, SameLine same) {
        int start = 0;
        int limit = Math.min(old.size(), now.size());
        while (start < limit && same.test(start, start)) {
            start++;
        }
        int end = 0;
        while (end < limit - start && same.test(old.size() - 1 - end, now.size() - 1 - end)) {
            end++;
        }
        List<String> removed = old.subList(start, old.size() - end);
        List<String> added = now.subList(start, now.size() - end);
        Patch<String> shifted = new Patch<>();
        if (removed.isEmpty() || added.isEmpty()) {
            // lines only added or only removed (a new file, a block inserted): Myers' algorithm
            // would cost the square of their number to find the one delta
            if (!removed.isEmpty() || !added.isEmpty()) {
                Chunk<String> source = new Chunk<>(start, removed);
                Chunk<String> target = new Chunk<>(start, added);
                shifted.addDelta(
                        removed.isEmpty() ? new InsertDelta<>(source, target) : new DeleteDelta<>(source, target));
            }
            return shifted;
        }
        for (AbstractDelta<String> delta : DiffUtils.diff(removed, added).getDeltas()) {
            shifted.addDelta(shifted(delta, start));
        }
        return shifted;
    }

    private static AbstractDelta<String> shifted(AbstractDelta<String> delta, int offset) {
        Chunk<String> source = new Chunk<>(
                delta.getSource().getPosition() + offset, delta.getSource().getLines());
        Chunk<String> target = new Chunk<>(
                delta.getTarget().getPosition() + offset, delta.getTarget().getLines());
        return switch (delta.getType()) {
            case INSERT -> new InsertDelta<>(source, target);
            case DELETE -> new DeleteDelta<>(source, target);
            case CHANGE -> new ChangeDelta<>(source, target);
            case EQUAL -> new EqualDelta<>(source, target);
        };
    }

    /** As git decides: a NUL byte in the first 8,000 bytes. */
    private static boolean isBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
