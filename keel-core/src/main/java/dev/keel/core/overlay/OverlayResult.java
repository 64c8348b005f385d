package dev.keel.core.overlay;

import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.SourceFileRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overlaid sources, where each of their files and lines comes from ({@link SourceProvenance}),
 * and the SHA-512 (hex) of every archive that archive overlays repacked.
 */
public record OverlayResult(SourceTree tree, SourceProvenance origins, Map<String, String> archiveDigests) {

    public OverlayResult {
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
}
