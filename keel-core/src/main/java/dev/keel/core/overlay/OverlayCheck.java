package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.outcome.Failure;

/**
 * How one overlay fares against an upstream snapshot, or (with no overlay) why the component's
 * render fails there for another reason.
 *
 * @param component the component
 * @param overlay the overlay, or null for a row about the component's render as a whole
 * @param status the classification
 * @param reason why, in words (empty when it simply applies)
 * @param failure the failure behind a failing status, or null
 */
public record OverlayCheck(String component, LocatedOverlay overlay, Status status, String reason, Failure failure) {

    /** The classifications of {@code component check-overlays}. */
    public enum Status {
        /** The overlay changes the upstream sources as intended. */
        APPLIES,
        /** The overlay applies but changes nothing, or upstream already has what it adds: harmless, worth retiring. */
        NO_OP,
        /** Upstream already made the change, so the overlay now fails the render: retire it. */
        UPSTREAMED,
        /** What the overlay edits is not in upstream (a section, tag, pattern or file). */
        TARGET_MISSING,
        /** The overlay cannot be applied as written (a split conditional, a file in the way...). */
        CONFLICT,
        /** Every overlay applies, but the component's render fails for another reason (the row says which). */
        RENDER_FAILS,
        /** There is nothing upstream to check against (no spec in the snapshot, or no sidecar files). */
        NO_UPSTREAM;

        /** The spelling used in reports: {@code applies}, {@code no-op}, ... */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Whether this status means the render fails. */
        public boolean failed() {
            return this == UPSTREAMED || this == TARGET_MISSING || this == CONFLICT || this == RENDER_FAILS;
        }
    }
}
