package dev.keel.audit.verify;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.outcome.Failure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An archive of a component that archive overlays make from a lookaside file, re-made from the
 * hash-checked upstream archive as {@code component prepare-sources} makes it, and checked against
 * the hash its {@code source-files} entry with {@code origin.type = "overlay"} records.
 *
 * @param file its name
 * @param hashType the algorithm the record names ({@code SHA512}; SHA512 without a record)
 * @param recorded the recorded hash, or empty when {@code source-files} has no overlay entry for it
 * @param status what the check found
 * @param actual the hash of the re-made archive, when it is not the recorded one
 * @param overlays the archive overlays that make it, in their order (none when an overlay entry
 *     names an archive that no overlay changes)
 * @param failure why it was not re-made, for {@link Status#NOT_CHECKED} and {@link Status#FAILED}
 */
public record ArchiveCheck(
        String file,
        String hashType,
        Optional<String> recorded,
        Status status,
        Optional<String> actual,
        List<LocatedOverlay> overlays,
        Optional<Failure> failure) {

    /** What a check found. */
    public enum Status {
        /** The re-made archive has the recorded hash. */
        OK,
        /** It has another hash, or nothing records one. */
        MISMATCH,
        /** Not re-made: its upstream archive did not pass its lookaside check. */
        NOT_CHECKED,
        /**
         * It cannot be re-made: an overlay does not apply, the archive is not safe to unpack, or
         * Keel does not download it (a {@code source-files} entry without a download origin).
         */
        FAILED;

        /** The spelling in reports: {@code ok}, {@code mismatch}, {@code not-checked}, {@code failed}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ArchiveCheck {
        overlays = List.copyOf(overlays);
    }
}
