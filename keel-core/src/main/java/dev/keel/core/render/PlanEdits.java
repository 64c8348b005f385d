package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.overlay.OverlayEngine;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceTree;
import dev.keel.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Applies a plan's edit steps to the upstream sources in one overlay session: each overlay applies
 * once, in the plan's order, and every changed line and file of the result knows the step or
 * overlay that made it. Render, {@code diff-sources}, {@code check-overlays} and {@code overlay
 * apply} all edit through here.
 */
public final class PlanEdits {

    private PlanEdits() {}

    /**
     * @param sourceRoot the directory an overlay's {@code source} file must lie in
     * @throws OverlayException for the first overlay that cannot be applied
     * @throws RenderException when the release cannot be bumped
     */
    public static OverlayResult apply(RenderPlan plan, SourceTree upstream, Path sourceRoot)
            throws OverlayException, RenderException {
        return applied(plan, upstream, Optional.empty(), sourceRoot).result();
    }

    /**
     * The session after the plan's edit steps, for a caller that also wants the edited spec as
     * parsed ({@link OverlayEngine.Session#spec}).
     *
     * @param upstreamSpec the upstream spec, if the caller has parsed it
     */
    static OverlayEngine.Session applied(
            RenderPlan plan, SourceTree upstream, Optional<Spec> upstreamSpec, Path sourceRoot)
            throws OverlayException, RenderException {
        OverlayEngine.Session session = open(plan, upstream, upstreamSpec, sourceRoot);
        for (RenderStep.EditStep step : plan.editSteps()) {
            apply(session, step);
        }
        return session;
    }

    /** A session over the upstream sources, reusing the parsed upstream spec when there is one. */
    static OverlayEngine.Session open(
            RenderPlan plan, SourceTree upstream, Optional<Spec> upstreamSpec, Path sourceRoot) {
        OverlayEngine engine = new OverlayEngine(sourceRoot);
        return upstreamSpec.isPresent()
                ? engine.open(plan.component(), upstream, plan.specPath(), upstreamSpec.get())
                : engine.open(plan.component(), upstream, plan.specPath());
    }

    /** Applies one edit step to {@code session}, after the steps applied to it before. */
    static void apply(OverlayEngine.Session session, RenderStep.EditStep step)
            throws OverlayException, RenderException {
        if (step instanceof RenderStep.Generate generate) {
            session.generate(
                    generate.path(),
                    generate.file(),
                    keel(generate.name(), generate.at(), Overlay.FileAdd.generated(generate.path())));
        } else if (step instanceof RenderStep.Edits edits) {
            session.apply(edits.overlays());
        } else if (step instanceof RenderStep.ReleaseBump bump) {
            Optional<String> release =
                    ReleaseBump.value(session.spec().orElseThrow(), bump.calculation(), bump.changes());
            if (release.isPresent()) {
                String name = "render: release bump for " + bump.changes()
                        + (bump.changes() == 1 ? " project change" : " project changes");
                session.apply(
                        List.of(keel(name, bump.at(), Overlay.SpecUpdateTag.inMainPackage("Release", release.get()))));
            }
        } else {
            // EditStep is sealed: only a step added without a branch here gets this far
            throw new IllegalStateException("no way to apply the edit step " + step.name());
        }
    }

    /** One of Keel's own edits, named for provenance. */
    private static LocatedOverlay keel(String name, Location at, Overlay overlay) {
        return new LocatedOverlay(-1, overlay, at, name);
    }
}
