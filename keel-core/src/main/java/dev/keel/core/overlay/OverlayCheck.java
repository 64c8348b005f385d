package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;

/**
 * How one overlay fares against an upstream snapshot.
 *
 * @param component the component
 * @param overlay the overlay
 * @param status the classification
 * @param reason why, in words (empty when it simply applies)
 * @param failure the failure behind a target-missing or conflict status, or null
 */
public record OverlayCheck(
        String component, LocatedOverlay overlay, Status status, String reason, OverlayFailure failure) {

    /** The classifications of {@code component check-overlays}. */
    public enum Status {
        /** The overlay changes the upstream sources as intended. */
        APPLIES,
        /** Upstream already has the change: the overlay changes nothing or its target is already gone. */
        NO_OP,
        /** What the overlay edits is not in upstream (a section, tag, pattern or file). */
        TARGET_MISSING,
        /** The overlay cannot be applied as written (a split conditional, a file in the way...). */
        CONFLICT,
        /** There is nothing upstream to check against (no spec in the snapshot, or no sidecar files). */
        NO_UPSTREAM;

        /** The spelling used in reports: {@code applies}, {@code no-op}, ... */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean failed() {
            return this == TARGET_MISSING || this == CONFLICT;
        }
    }
}
