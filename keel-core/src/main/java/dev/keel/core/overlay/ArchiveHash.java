package dev.keel.core.overlay;

import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.SourceFileRef;
import java.util.Optional;

/**
 * An archive that overlays make, with the hash its {@code source-files} entry records: an archive
 * that archive overlays repacked, or one that an entry with {@code origin.type = "overlay"} says
 * they make.
 *
 * @param archive its path in the sources
 * @param recorded its {@code source-files} entry with {@code origin.type = "overlay"}, or empty when
 *     it has none
 * @param hashType the algorithm of {@code actual}: the entry's, SHA512 without one
 * @param actual the hash (hex) of the archive after overlays
 * @param repacked whether archive overlays repacked it (else the entry names an archive that no
 *     overlay changes, which stays as upstream has it)
 */
public record ArchiveHash(
        String archive, Optional<SourceFileRef> recorded, HashType hashType, String actual, boolean repacked) {

    /** Whether the archive has the recorded hash. */
    public boolean matches() {
        return repacked
                && recorded.isPresent()
                && recorded.get().hash() != null
                && actual.equalsIgnoreCase(recorded.get().hash());
    }

    /** The recorded hash, or empty when nothing records one. */
    public Optional<String> recordedHash() {
        return recorded.map(SourceFileRef::hash);
    }

    /** What is wrong, for a render or prepare-sources failure; empty when it {@link #matches()}. */
    public Optional<String> problem() {
        if (matches()) {
            return Optional.empty();
        }
        if (recorded.isEmpty()) {
            return Optional.of("archive " + archive
                    + " was changed by overlays but has no source-files entry with origin.type = \"overlay\""
                    + " (its new " + hashType + " is " + actual + ")");
        }
        if (!repacked) {
            return Optional.of("source-files records archive " + archive + " with origin.type = \"overlay\", but no"
                    + " archive overlay changes it (as upstream has it, its " + hashType + " is " + actual + ")");
        }
        return Optional.of("archive " + archive + " after overlays has " + hashType + " " + actual
                + ", but source-files records " + recorded.get().hash());
    }
}
