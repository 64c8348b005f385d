package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;

/**
 * An overlay of the component that a render does not apply, and why.
 *
 * @param overlay the overlay
 * @param reason why it is not applied
 * @param archive the lookaside archive it edits, for {@link Reason#ARCHIVE_NOT_FETCHED}; else empty
 */
public record SkippedOverlay(LocatedOverlay overlay, Reason reason, String archive) {

    /** Why an overlay is not applied. */
    public enum Reason {
        /** It edits a sidecar file and only the spec is at hand (a spec snapshot). */
        SPEC_ONLY,
        /** It edits inside a lookaside archive, which render does not download (as azldev). */
        ARCHIVE_NOT_FETCHED
    }

    /** What render says of the skip. */
    public String note() {
        return switch (reason) {
            case SPEC_ONLY ->
                overlay.label() + " skipped: the spec snapshot has no sidecar files (" + overlay.summary() + ")";
            case ARCHIVE_NOT_FETCHED ->
                overlay.label() + " skipped: " + archive + " is a lookaside archive, not fetched when rendering";
        };
    }
}
