package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overlaid sources and, for the spec and every text file an overlay touched, where each line
 * comes from (an upstream line number or an overlay), which overlay removed each upstream line that
 * is gone, and which overlay removed each upstream file that is gone. Files absent from
 * {@code provenance} are unchanged upstream files.
 */
public record OverlayResult(
        SourceTree tree,
        Map<String, List<LineSource>> provenance,
        Map<String, Map<Integer, LocatedOverlay>> removedLines,
        Map<String, LocatedOverlay> removedFiles) {

    public OverlayResult {
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
        removedLines = Collections.unmodifiableMap(new TreeMap<>(removedLines));
        removedFiles = Collections.unmodifiableMap(new TreeMap<>(removedFiles));
    }

    /** The overlay that removed upstream line {@code line} (1-based) of {@code path}, or null. */
    public LocatedOverlay removedBy(String path, int line) {
        LocatedOverlay whole = removedFiles.get(path);
        return whole != null ? whole : removedLines.getOrDefault(path, Map.of()).get(line);
    }
}
