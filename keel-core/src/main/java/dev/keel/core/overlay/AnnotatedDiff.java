package dev.keel.core.overlay;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.Names;
import dev.keel.core.io.Printable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A unified diff from the upstream sources to the overlaid ones in which every hunk names the
 * overlays that made it (number, type, description and where each was written).
 */
public final class AnnotatedDiff {

    private static final int CONTEXT = 3;

    private final SourceTree upstream;
    private final OverlayResult result;
    private final Function<Location, String> where;

    private AnnotatedDiff(SourceTree upstream, OverlayResult result, Function<Location, String> where) {
        this.upstream = upstream;
        this.result = result;
        this.where = where;
    }

    /** The diff of every changed file, in path order; {@code where} formats overlay locations. */
    public static String render(SourceTree upstream, OverlayResult result, Function<Location, String> where) {
        return new AnnotatedDiff(upstream, result, where).render();
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        Set<String> paths = new TreeSet<>(upstream.files().keySet());
        paths.addAll(result.tree().files().keySet());
        for (String path : paths) {
            byte[] before = upstream.get(path).map(SourceFile::content).orElse(null);
            byte[] after = result.tree().get(path).map(SourceFile::content).orElse(null);
            if (before != null && after != null && java.util.Arrays.equals(before, after)) {
                continue;
            }
            out.append("--- ")
                    .append(before == null ? "/dev/null" : "a/" + Printable.escape(path))
                    .append('\n');
            out.append("+++ ")
                    .append(after == null ? "/dev/null" : "b/" + Printable.escape(path))
                    .append('\n');
            if (isBinary(before) || isBinary(after)) {
                out.append("Binary file changed")
                        .append(annotation(result.origins().overlaysOf(path)))
                        .append('\n');
                continue;
            }
            file(out, path, before, after);
        }
        return out.toString();
    }

    private void file(StringBuilder out, String path, byte[] before, byte[] after) {
        List<String> old =
                before == null ? List.of() : TextDiff.lines(TextCodec.of(before).decode(before));
        List<String> now =
                after == null ? List.of() : TextDiff.lines(TextCodec.of(after).decode(after));
        List<AbstractDelta<String>> deltas = DiffUtils.diff(old, now).getDeltas();
        int i = 0;
        while (i < deltas.size()) {
            int j = i;
            while (j + 1 < deltas.size()
                    && deltas.get(j + 1).getSource().getPosition()
                                    - (deltas.get(j).getSource().getPosition()
                                            + deltas.get(j).getSource().size())
                            <= 2 * CONTEXT) {
                j++;
            }
            hunk(out, path, old, now, deltas.subList(i, j + 1));
            i = j + 1;
        }
    }

    private void hunk(
            StringBuilder out, String path, List<String> old, List<String> now, List<AbstractDelta<String>> deltas) {
        AbstractDelta<String> first = deltas.get(0);
        AbstractDelta<String> last = deltas.get(deltas.size() - 1);
        int oldStart = Math.max(0, first.getSource().getPosition() - CONTEXT);
        int oldEnd = Math.min(
                old.size(), last.getSource().getPosition() + last.getSource().size() + CONTEXT);
        int newStart = first.getTarget().getPosition() - (first.getSource().getPosition() - oldStart);
        int newEnd = newStart
                + (oldEnd - oldStart)
                + deltas.stream()
                        .mapToInt(d -> d.getTarget().size() - d.getSource().size())
                        .sum();
        List<String> body = new ArrayList<>();
        Set<LocatedOverlay> overlays = new LinkedHashSet<>();
        int oldIndex = oldStart;
        for (AbstractDelta<String> delta : deltas) {
            while (oldIndex < delta.getSource().getPosition()) {
                body.add(" " + old.get(oldIndex++));
            }
            for (int k = 0; k < delta.getSource().size(); k++) {
                body.add("-" + old.get(oldIndex));
                LocatedOverlay removedBy = result.origins().removedBy(path, oldIndex + 1);
                if (removedBy != null) {
                    overlays.add(removedBy);
                }
                oldIndex++;
            }
            List<LineSource> sources = result.origins().file(path).lines().orElse(List.of());
            for (int k = 0; k < delta.getTarget().size(); k++) {
                int newIndex = delta.getTarget().getPosition() + k;
                body.add("+" + now.get(newIndex));
                if (newIndex < sources.size() && sources.get(newIndex) instanceof LineSource.FromOverlay from) {
                    overlays.add(from.overlay());
                }
            }
        }
        while (oldIndex < oldEnd) {
            body.add(" " + old.get(oldIndex++));
        }
        out.append("@@ -")
                .append(range(oldStart, oldEnd - oldStart))
                .append(" +")
                .append(range(newStart, newEnd - newStart))
                .append(" @@")
                .append(annotation(overlays))
                .append('\n');
        body.forEach(line -> out.append(line).append('\n'));
    }

    private String annotation(Set<LocatedOverlay> overlays) {
        if (overlays.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        overlays.stream()
                .sorted(java.util.Comparator.comparingInt(LocatedOverlay::index))
                .forEach(o -> parts.add(
                        o.name() != null
                                ? o.label() + " (Keel's own "
                                        + Names.enumKey(o.overlay().type()) + ")"
                                : o.label() + " (" + Names.enumKey(o.overlay().type()) + ") \"" + o.summary() + "\" at "
                                        + where.apply(o.location())));
        return " " + Printable.escape(String.join("; ", parts));
    }

    private static String range(int start, int length) {
        return length == 0 ? start + ",0" : (start + 1) + "," + length;
    }

    private static boolean isBinary(byte[] content) {
        if (content == null) {
            return false;
        }
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
