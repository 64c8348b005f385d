package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where every file and line of one source tree comes from after overlays, by path: the overlay
 * that made a file (added it, or renamed another file to it), the origin of each line of a file
 * whose lines an overlay touched (an upstream line number or an overlay, Keel's own steps
 * included), and which overlay removed each upstream line or upstream file that is gone. A file
 * it knows nothing of is an unchanged upstream file. Immutable: every edit gives a new value, so
 * keeping a reference is a snapshot.
 */
public final class SourceProvenance {

    /**
     * What is known of one path.
     *
     * @param madeBy the overlay that added the present file or renamed another file to it; empty
     *     for an upstream file
     * @param lines the origin of each line of the present file, when an overlay touched them; empty
     *     when the file's lines are the upstream's, unchanged, or there is no file
     * @param removedLines the upstream lines that are gone, by 1-based number, and who removed each
     * @param removedBy the overlay that removed the upstream file at this path, if one did
     */
    public record FileProvenance(
            Optional<LocatedOverlay> madeBy,
            Optional<List<LineSource>> lines,
            SortedMap<Integer, LocatedOverlay> removedLines,
            Optional<LocatedOverlay> removedBy) {

        private static final FileProvenance NONE =
                new FileProvenance(Optional.empty(), Optional.empty(), new TreeMap<>(), Optional.empty());

        public FileProvenance {
            lines = lines.map(List::copyOf);
            removedLines = Collections.unmodifiableSortedMap(new TreeMap<>(removedLines));
        }

        private boolean isEmpty() {
            return madeBy.isEmpty() && lines.isEmpty() && removedLines.isEmpty() && removedBy.isEmpty();
        }
    }

    private final Set<String> upstreamPaths;
    private final SortedMap<String, FileProvenance> paths;

    private SourceProvenance(Set<String> upstreamPaths, SortedMap<String, FileProvenance> paths) {
        this.upstreamPaths = upstreamPaths;
        this.paths = Collections.unmodifiableSortedMap(paths);
    }

    /** The provenance of {@code upstream} before any overlay: every file and line is upstream's. */
    static SourceProvenance of(SourceTree upstream) {
        return new SourceProvenance(Set.copyOf(upstream.files().keySet()), new TreeMap<>());
    }

    /** What is known of {@code path}: nothing for an unchanged upstream file or an unknown path. */
    public FileProvenance file(String path) {
        return paths.getOrDefault(path, FileProvenance.NONE);
    }

    /** The origin of each line of {@code path}, whose content has {@code lineCount} lines. */
    public List<LineSource> lines(String path, int lineCount) {
        return file(path).lines().orElseGet(() -> upstreamLines(lineCount));
    }

    /** The line origins of every file whose lines an overlay touched, by path. */
    public SortedMap<String, List<LineSource>> editedFiles() {
        SortedMap<String, List<LineSource>> edited = new TreeMap<>();
        paths.forEach((path, file) -> file.lines().ifPresent(lines -> edited.put(path, lines)));
        return Collections.unmodifiableSortedMap(edited);
    }

    /** The upstream files overlays removed, and the first overlay that removed each. */
    public SortedMap<String, LocatedOverlay> removedFiles() {
        SortedMap<String, LocatedOverlay> removed = new TreeMap<>();
        paths.forEach((path, file) -> file.removedBy().ifPresent(by -> removed.put(path, by)));
        return Collections.unmodifiableSortedMap(removed);
    }

    /** The upstream lines overlays removed, by path, and who removed each. */
    public SortedMap<String, SortedMap<Integer, LocatedOverlay>> removedLines() {
        SortedMap<String, SortedMap<Integer, LocatedOverlay>> removed = new TreeMap<>();
        paths.forEach((path, file) -> {
            if (!file.removedLines().isEmpty()) {
                removed.put(path, file.removedLines());
            }
        });
        return Collections.unmodifiableSortedMap(removed);
    }

    /**
     * The overlay that removed upstream line {@code line} (1-based) of {@code path}: the one that
     * removed the whole file, else the one that removed the line; null when the line is not gone.
     */
    public LocatedOverlay removedBy(String path, int line) {
        FileProvenance file = file(path);
        return file.removedBy().orElseGet(() -> file.removedLines().get(line));
    }

    /**
     * Every overlay that changed {@code path}: the one that removed the upstream file, those that
     * made its lines in order, then those that removed its upstream lines.
     */
    public Set<LocatedOverlay> overlaysOf(String path) {
        FileProvenance file = file(path);
        Set<LocatedOverlay> overlays = new LinkedHashSet<>();
        file.removedBy().ifPresent(overlays::add);
        for (LineSource source : file.lines().orElse(List.of())) {
            if (source instanceof LineSource.FromOverlay from) {
                overlays.add(from.overlay());
            }
        }
        overlays.addAll(file.removedLines().values());
        return overlays;
    }

    /**
     * After {@code by} edited the lines of {@code path}: they come from {@code after}, and every
     * upstream line of {@code before} (the lines' previous origins) that is not in {@code after} is
     * removed by {@code by}.
     */
    SourceProvenance edited(String path, List<LineSource> before, List<LineSource> after, LocatedOverlay by) {
        Set<Integer> kept = new HashSet<>();
        for (LineSource source : after) {
            if (source instanceof LineSource.Upstream upstream) {
                kept.add(upstream.line());
            }
        }
        FileProvenance file = file(path);
        SortedMap<Integer, LocatedOverlay> removed = new TreeMap<>(file.removedLines());
        for (LineSource source : before) {
            if (source instanceof LineSource.Upstream upstream && !kept.contains(upstream.line())) {
                removed.put(upstream.line(), by);
            }
        }
        return with(path, new FileProvenance(file.madeBy(), Optional.of(after), removed, file.removedBy()));
    }

    /** With the lines of {@code path} known to come from {@code lines}, nothing removed. */
    SourceProvenance withLines(String path, List<LineSource> lines) {
        FileProvenance file = file(path);
        return with(path, new FileProvenance(file.madeBy(), Optional.of(lines), file.removedLines(), file.removedBy()));
    }

    /** After {@code by} added {@code path} with these lines (all its own, or a renamed file's). */
    SourceProvenance made(String path, List<LineSource> lines, LocatedOverlay by) {
        FileProvenance file = file(path);
        return with(
                path, new FileProvenance(Optional.of(by), Optional.of(lines), file.removedLines(), file.removedBy()));
    }

    /**
     * After {@code by} removed the file at {@code path}: its lines are gone, and an upstream file
     * is recorded as removed (by the first overlay that removed it).
     */
    SourceProvenance removed(String path, LocatedOverlay by) {
        FileProvenance file = file(path);
        Optional<LocatedOverlay> removedBy =
                file.removedBy().isPresent() || !upstreamPaths.contains(path) ? file.removedBy() : Optional.of(by);
        return with(path, new FileProvenance(Optional.empty(), Optional.empty(), file.removedLines(), removedBy));
    }

    /**
     * After {@code by} renamed {@code from}, which has {@code lineCount} lines, to {@code to}: the
     * lines keep the origins an overlay gave them; untouched ones become {@code by}'s.
     */
    SourceProvenance renamed(String from, String to, int lineCount, LocatedOverlay by) {
        List<LineSource> lines = file(from).lines().orElseGet(() -> linesBy(by, lineCount));
        return removed(from, by).made(to, lines, by);
    }

    /** The origins of an unchanged upstream file of {@code count} lines: upstream lines 1 to count. */
    static List<LineSource> upstreamLines(int count) {
        List<LineSource> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(new LineSource.Upstream(i + 1));
        }
        return lines;
    }

    /** The origins of {@code count} lines all made by {@code by}. */
    static List<LineSource> linesBy(LocatedOverlay by, int count) {
        return Collections.nCopies(count, new LineSource.FromOverlay(by));
    }

    private SourceProvenance with(String path, FileProvenance file) {
        TreeMap<String, FileProvenance> copy = new TreeMap<>(paths);
        if (file.isEmpty()) {
            copy.remove(path);
        } else {
            copy.put(path, file);
        }
        return new SourceProvenance(upstreamPaths, copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceProvenance provenance
                && provenance.paths.equals(paths)
                && provenance.upstreamPaths.equals(upstreamPaths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return "SourceProvenance" + paths;
    }
}
