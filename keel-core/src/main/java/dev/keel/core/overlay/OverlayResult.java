package dev.keel.core.overlay;

import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.io.Digests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * The archives overlays make, sorted by name, each with its recorded hash: every repacked
     * archive, and every archive of these sources that a {@code source-files} entry with {@code
     * origin.type = "overlay"} names (SHA-512 or SHA-256 as its {@code hash-type} says).
     */
    public List<ArchiveHash> archiveHashes(List<SourceFileRef> sourceFiles) {
        Map<String, SourceFileRef> recorded = new TreeMap<>();
        for (SourceFileRef ref : sourceFiles == null ? List.<SourceFileRef>of() : sourceFiles) {
            if (ref.origin() != null
                    && ref.origin().type() == OriginType.OVERLAY
                    && tree.get(ref.filename()).isPresent()) {
                recorded.putIfAbsent(ref.filename(), ref);
            }
        }
        TreeMap<String, Boolean> archives = new TreeMap<>();
        recorded.keySet().forEach(archive -> archives.put(archive, false));
        archiveDigests.keySet().forEach(archive -> archives.put(archive, true));
        List<ArchiveHash> hashes = new ArrayList<>();
        archives.forEach((archive, repacked) -> {
            Optional<SourceFileRef> record = Optional.ofNullable(recorded.get(archive));
            HashType type = record.map(SourceFileRef::hashType).orElse(HashType.SHA512);
            String actual = repacked && type == HashType.SHA512
                    ? archiveDigests.get(archive)
                    : Digests.hex(
                            algorithm(type), tree.get(archive).orElseThrow().content());
            hashes.add(new ArchiveHash(archive, record, type, actual, repacked));
        });
        return hashes;
    }

    /**
     * Problems with the repacked archives' recorded hashes: every repacked archive needs a {@code
     * source-files} entry with {@code origin.type = "overlay"} whose hash matches the new bytes, and
     * every such entry must name an archive that archive overlays repack.
     */
    public List<String> verifyArchiveHashes(List<SourceFileRef> sourceFiles) {
        List<String> problems = new ArrayList<>();
        archiveHashes(sourceFiles).forEach(hash -> hash.problem().ifPresent(problems::add));
        return problems;
    }

    private static String algorithm(HashType type) {
        return type == HashType.SHA256 ? "SHA-256" : "SHA-512";
    }
}
