package dev.keel.core.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.keel.core.io.Printable;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.spec.TextBytes;
import java.util.ArrayList;
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
            List<String> oldLines = lines(oldBytes);
            List<String> newLines = lines(newBytes);
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                    from, to, oldLines, DiffUtils.diff(oldLines, newLines), CONTEXT);
            if (diff.isEmpty()) {
                // an empty file added or removed, or the same lines with another final line ending
                out.append("--- ").append(from).append("\n+++ ").append(to).append('\n');
            }
            diff.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    /** The file's lines without their endings; a final line ending does not start another line. */
    private static List<String> lines(byte[] content) {
        String text = new String(content, TextBytes.charsetOf(content));
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
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
