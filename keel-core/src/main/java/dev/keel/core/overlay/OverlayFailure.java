package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Names;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import java.util.List;

/**
 * Why an overlay could not be applied.
 *
 * @param component the component (or the spec's name outside a project)
 * @param overlay the overlay, with its number and where it was written
 * @param reason the kind of failure
 * @param message what went wrong
 * @param candidates the closest lines of the spec when a tag or pattern matched nothing
 */
public record OverlayFailure(
        String component, LocatedOverlay overlay, Reason reason, String message, List<String> candidates) {

    /** The kinds of overlay failure. */
    public enum Reason {
        SECTION_NOT_FOUND,
        TAG_NOT_FOUND,
        PATTERN_NOT_FOUND,
        REFERENCE_NOT_FOUND,
        CONDITIONAL_SPLIT,
        NO_MATCHING_FILE,
        FILE_EXISTS,
        MULTIPLE_MATCHES,
        TARGETS_SPEC,
        PATH_ESCAPES,
        SOURCE_NOT_FOUND,
        UNSAFE_ARCHIVE,
        INVALID
    }

    public OverlayFailure {
        candidates = List.copyOf(candidates);
    }

    /** The typed failure: the overlay's number, type and location, what went wrong, the closest lines. */
    public Failure toFailure() {
        return Failure.of(
                        Failure.Kind.OVERLAY,
                        overlay.label() + " (" + Names.enumKey(overlay.overlay().type()) + ") failed: " + message)
                .at(overlay.location())
                .withDetail("overlay", overlay.summary())
                .withDetail(
                        "reason",
                        reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .withClosestLines(candidates);
    }

    /** A multi-line report: component, overlay number, type, description, location, why, candidates. */
    public String format(PathDisplay paths) {
        return FailureFormat.block(component, toFailure(), paths);
    }
}
