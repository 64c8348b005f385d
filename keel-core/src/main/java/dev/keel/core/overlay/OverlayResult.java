package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.SourceFileRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overlaid sources and, for the spec and every text file an overlay touched, where each line
 * comes from (an upstream line number or an overlay), which overlay removed each upstream line that
 * is gone, which overlay removed each upstream file that is gone, and the SHA-512 (hex) of every
 * archive that archive overlays repacked. Files absent from {@code provenance} are unchanged
 * upstream files.
 */
public record OverlayResult(
        SourceTree tree,
        Map<String, List<LineSource>> provenance,
        Map<String, Map<Integer, LocatedOverlay>> removedLines,
        Map<String, LocatedOverlay> removedFiles,
        Map<String, String> archiveDigests) {

    public OverlayResult {
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
        removedLines = Collections.unmodifiableMap(new TreeMap<>(removedLines));
        removedFiles = Collections.unmodifiableMap(new TreeMap<>(removedFiles));
        archiveDigests = Collections.unmodifiableMap(new TreeMap<>(archiveDigests));
    }

    /**
     * Problems with the repacked archives' recorded hashes: every repacked archive needs a
     * {@code source-files} entry with {@code origin.type = "overlay"} whose hash matches the new
     * bytes (SHA-512 or SHA-256 as its {@code hash-type} says).
     */
    public List<String> verifyArchiveHashes(List<SourceFileRef> sourceFiles) {
        List<String> problems = new ArrayList<>();
        archiveDigests.forEach((archive, sha512) -> {
            SourceFileRef recorded = sourceFiles == null
                    ? null
                    : sourceFiles.stream()
                            .filter(ref -> archive.equals(ref.filename())
                                    && ref.origin() != null
                                    && ref.origin().type() == OriginType.OVERLAY)
                            .findFirst()
                            .orElse(null);
            if (recorded == null) {
                problems.add("archive " + archive
                        + " was changed by overlays but has no source-files entry with origin.type = \"overlay\""
                        + " (its new SHA512 is " + sha512 + ")");
                return;
            }
            String actual = recorded.hashType() == HashType.SHA256
                    ? dev.keel.core.io.Sha256Records.hex(
                            tree.get(archive).orElseThrow().content())
                    : sha512;
            if (!actual.equalsIgnoreCase(recorded.hash() == null ? "" : recorded.hash())) {
                problems.add("archive " + archive + " after overlays has " + recorded.hashType() + " " + actual
                        + ", but source-files records " + recorded.hash());
            }
        });
        return problems;
    }

    /** The overlay that removed upstream line {@code line} (1-based) of {@code path}, or null. */
    public LocatedOverlay removedBy(String path, int line) {
        LocatedOverlay whole = removedFiles.get(path);
        return whole != null ? whole : removedLines.getOrDefault(path, Map.of()).get(line);
    }
}
