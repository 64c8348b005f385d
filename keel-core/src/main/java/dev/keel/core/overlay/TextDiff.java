package dev.keel.core.overlay;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.keel.core.config.LocatedOverlay;
import java.util.ArrayList;
import java.util.List;

/** Line-level provenance for whole-file edits: unchanged lines keep their source, others get the overlay's. */
final class TextDiff {

    private TextDiff() {}

    static int lineCount(byte[] content) {
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? lines + 1 : lines;
    }

    /** Lines without their endings; a final line ending does not start another line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Attributes a whole-file edit: unchanged lines keep their sources, new ones get {@code by}'s. */
    static List<LineSource> attribute(List<LineSource> before, String beforeText, String afterText, LocatedOverlay by) {
        List<String> old = lines(beforeText);
        List<String> now = lines(afterText);
        List<LineSource> result = new ArrayList<>(now.size());
        int oldIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            int start = delta.getSource().getPosition();
            while (oldIndex < start) {
                result.add(before.get(oldIndex++));
            }
            for (int i = 0; i < delta.getTarget().size(); i++) {
                result.add(new LineSource.FromOverlay(by));
            }
            oldIndex += delta.getSource().size();
        }
        while (oldIndex < old.size()) {
            result.add(before.get(oldIndex++));
        }
        return result;
    }
}
