package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayType;
import dev.keel.spec.Spec;
import dev.keel.spec.Tag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies overlays one by one against an upstream snapshot and classifies each: applies, no-op
 * (upstream already has the change), target missing, conflict, or nothing upstream to check. An
 * overlay that fails is skipped so the rest can still be judged. This is the "will our delta
 * survive the next Fedora?" check.
 */
public final class OverlayChecker {

    /** Overlays whose whole purpose is to remove something: an absent target means it is done. */
    private static final Set<OverlayType> REMOVALS = EnumSet.of(
            OverlayType.SPEC_REMOVE_TAG,
            OverlayType.SPEC_REMOVE_SECTION,
            OverlayType.SPEC_REMOVE_SUBPACKAGE,
            OverlayType.PATCH_REMOVE,
            OverlayType.FILE_REMOVE);

    /** The checks in order, and the state after applying every overlay that applied. */
    public record Report(List<OverlayCheck> checks, OverlayResult result) {}

    private final OverlayEngine engine;

    public OverlayChecker(Path sourceRoot) {
        this.engine = new OverlayEngine(sourceRoot);
    }

    /**
     * Checks {@code overlays} against {@code sources}: the sources render applies them to (the
     * upstream with the render plan's steps before the overlays), without the overlays the plan
     * skips.
     */
    public Report check(String component, SourceTree sources, String specPath, List<LocatedOverlay> overlays) {
        OverlayEngine.Workspace workspace = engine.workspace(component, sources, specPath);
        List<OverlayCheck> checks = new ArrayList<>();
        for (LocatedOverlay located : overlays) {
            checks.add(checkOne(component, workspace, located));
        }
        return new Report(checks, workspace.result());
    }

    private OverlayCheck checkOne(String component, OverlayEngine.Workspace workspace, LocatedOverlay located) {
        Overlay overlay = located.overlay();
        if (workspace.spec() == null) {
            return new OverlayCheck(component, located, OverlayCheck.Status.NO_UPSTREAM, "no upstream spec", null);
        }
        // Applied exactly as render applies it, so that what is harmless here is harmless there.
        OverlayEngine.State before = workspace.state();
        try {
            workspace.apply(located);
        } catch (OverlayException e) {
            workspace.restore(before);
            return classify(component, located, e.failure(), workspace.spec());
        }
        String already = alreadyPresent(before.spec(), overlay);
        if (already != null) {
            return new OverlayCheck(component, located, OverlayCheck.Status.NO_OP, already, null);
        }
        OverlayEngine.State after = workspace.state();
        boolean unchanged = after.files().equals(before.files())
                && java.util.Arrays.equals(after.spec().toBytes(), before.spec().toBytes());
        return unchanged
                ? new OverlayCheck(component, located, OverlayCheck.Status.NO_OP, "changes nothing", null)
                : new OverlayCheck(component, located, OverlayCheck.Status.APPLIES, "", null);
    }

    /**
     * Classifies an overlay the engine refused. Every refusal fails the render, so every one is a
     * failing status; where upstream already made the change, the status says to retire the overlay.
     */
    private static OverlayCheck classify(String component, LocatedOverlay located, OverlayFailure failure, Spec spec) {
        Overlay overlay = located.overlay();
        OverlayCheck.Status status = switch (failure.reason()) {
            case SECTION_NOT_FOUND, TAG_NOT_FOUND, REFERENCE_NOT_FOUND, NO_MATCHING_FILE ->
                REMOVALS.contains(overlay.type()) ? OverlayCheck.Status.UPSTREAMED : OverlayCheck.Status.TARGET_MISSING;
            case PATTERN_NOT_FOUND ->
                replacementPresent(spec, overlay) || nothingLeftToDelete(spec, overlay)
                        ? OverlayCheck.Status.UPSTREAMED
                        : OverlayCheck.Status.TARGET_MISSING;
            case SOURCE_NOT_FOUND -> OverlayCheck.Status.TARGET_MISSING;
            default -> OverlayCheck.Status.CONFLICT;
        };
        String reason = status == OverlayCheck.Status.UPSTREAMED
                ? (REMOVALS.contains(overlay.type()) || isDeletion(overlay)
                                ? "upstream already dropped this, and the render fails on it: retire the overlay ("
                                : "upstream already has the replacement, and the render fails on it: retire the"
                                        + " overlay (")
                        + failure.message() + ")"
                : failure.message();
        return new OverlayCheck(component, located, status, reason, failure.toFailure());
    }

    /** Why applying would change nothing because upstream already has the result, or null. */
    private static String alreadyPresent(Spec spec, Overlay overlay) {
        if (overlay instanceof Overlay.SpecTagValue o) {
            List<Tag> tags = tags(spec, o.pkg(), o.tag());
            boolean same = !tags.isEmpty()
                    && tags.stream().allMatch(t -> t.value().equals(o.value().strip()));
            return same ? "upstream already has " + o.tag() + ": " + o.value() : null;
        }
        if (overlay instanceof Overlay.SpecLines o) {
            return linesPresent(spec, o.lines());
        }
        return null;
    }

    private static String linesPresent(Spec spec, List<String> lines) {
        String block = String.join("\n", lines);
        return !lines.isEmpty()
                        && lines.stream().anyMatch(l -> !l.isBlank())
                        && spec.text().replace("\r\n", "\n").contains(block)
                ? "upstream already has these lines"
                : null;
    }

    private static List<Tag> tags(Spec spec, String pkg, String name) {
        List<Tag> result = new ArrayList<>();
        for (Tag tag : spec.tags()) {
            boolean inPackage = pkg.isEmpty() ? tag.pkg().isMain() : spec.packageMatches(tag.pkg(), pkg);
            if (inPackage && tag.is(name)) {
                result.add(tag);
            }
        }
        return result;
    }

    private static boolean isDeletion(Overlay overlay) {
        return overlay instanceof Overlay.SpecSearchReplace replace
                && replace.replacement().isBlank();
    }

    /**
     * A search-replace that deletes text whose pattern matches nowhere in the spec: the text is
     * gone upstream. (If it still matches outside the overlay's scope, it moved: target missing.)
     */
    private static boolean nothingLeftToDelete(Spec spec, Overlay overlay) {
        if (!(overlay instanceof Overlay.SpecSearchReplace replace) || !isDeletion(replace)) {
            return false;
        }
        com.google.re2j.Pattern regex = com.google.re2j.Pattern.compile(replace.regex());
        return spec.lines().stream()
                .noneMatch(line -> regex.matcher(line.text()).find());
    }

    private static boolean replacementPresent(Spec spec, Overlay overlay) {
        return overlay instanceof Overlay.SpecSearchReplace replace
                && !replace.replacement().isBlank()
                && spec.text().contains(replace.replacement());
    }
}
