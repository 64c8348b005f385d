package dev.keel.core.overlay;

import com.google.re2j.Pattern;
import dev.keel.core.config.BoundedRegex;
import dev.keel.core.config.Glob;
import dev.keel.core.config.LocatedOverlay;
import java.util.List;

/** Builds the failures of one component's overlays, and compiles their patterns and globs. */
record OverlayFailures(String component) {

    OverlayException fail(LocatedOverlay located, OverlayFailure.Reason reason, String message) {
        return fail(located, reason, message, List.of());
    }

    OverlayException fail(
            LocatedOverlay located, OverlayFailure.Reason reason, String message, List<String> candidates) {
        return new OverlayException(new OverlayFailure(component, located, reason, message, candidates));
    }

    /** The overlay's regular expression, or a failure when it is invalid. */
    Pattern regex(LocatedOverlay located, String regex) throws OverlayException {
        try {
            return BoundedRegex.compile(regex);
        } catch (BoundedRegex.InvalidRegexException e) {
            throw fail(located, OverlayFailure.Reason.INVALID, "invalid regular expression: " + e.description());
        }
    }

    /** The overlay's file glob, or a failure when it is invalid. */
    Glob glob(LocatedOverlay located, String file) throws OverlayException {
        try {
            return Glob.of(file);
        } catch (Glob.InvalidGlobException e) {
            throw fail(located, OverlayFailure.Reason.INVALID, e.getMessage());
        }
    }
}
