package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;

/**
 * An overlay of the component that a render does not apply, and why.
 *
 * @param overlay the overlay
 * @param reason why it is not applied
 * @param archive the archive it edits, for {@link Reason#ARCHIVE_NOT_FETCHED} and {@link
 *     Reason#ARCHIVE_UNKNOWN}; else empty
 */
public record SkippedOverlay(LocatedOverlay overlay, Reason reason, String archive) {

    /** Why an overlay is not applied. */
    public enum Reason {
        /** It edits a sidecar file and only the spec is at hand (a spec snapshot). */
        SPEC_ONLY,
        /** It edits inside a lookaside archive, which render does not download (as azldev). */
        ARCHIVE_NOT_FETCHED,
        /**
         * It edits inside an archive, and only the spec is at hand: without the upstream {@code
         * sources} file, whether the archive is a lookaside file cannot be told.
         */
        ARCHIVE_UNKNOWN
    }

    /** Why the overlay is skipped, in words. */
    public String why() {
        return switch (reason) {
            case SPEC_ONLY -> "the spec snapshot has no sidecar files";
            case ARCHIVE_NOT_FETCHED -> archive + " is a lookaside archive, not fetched when rendering";
            case ARCHIVE_UNKNOWN ->
                "the spec snapshot has no archives, and no sources file to tell whether " + archive
                        + " is a lookaside archive";
        };
    }

    /** What render says of the skip. */
    public String note() {
        return overlay.label() + " skipped: " + why()
                + (reason == Reason.SPEC_ONLY ? " (" + overlay.summary() + ")" : "");
    }
}
