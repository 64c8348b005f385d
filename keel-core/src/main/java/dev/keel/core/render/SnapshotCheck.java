package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.Parallel;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.overlay.OverlayCheck;
import dev.keel.core.overlay.OverlayChecker;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code component check-overlays}: plans each component's render against a spec snapshot (local
 * specs against their own directory, as render reads them) and classifies every overlay the plan
 * applies, one by one, on the sources render applies it to ({@link OverlayChecker}); the overlays
 * the plan skips have nothing to check against. Then it renders the component there as {@code
 * component render} would: a render that fails with no failing overlay row gets a row of its own,
 * so the components with a failing row are always a superset of those the render fails on.
 */
public final class SnapshotCheck {

    private final Project project;
    private final SpecSnapshot snapshot;
    private final LocalSpecs local = new LocalSpecs();
    private final OverlayChecker checker;
    private final ComponentRenderer renderer;

    public SnapshotCheck(Project project, SpecSnapshot snapshot) {
        this.project = project;
        this.snapshot = snapshot;
        this.checker = new OverlayChecker(project.root());
        this.renderer = new ComponentRenderer(project);
    }

    /** The rows of every component, in the components' order. */
    public List<OverlayCheck> check(Collection<ResolvedComponent> components, int jobs)
            throws IOException, InterruptedException {
        List<OverlayCheck> rows = new ArrayList<>();
        Parallel.map(components, jobs, this::check).forEach(rows::addAll);
        return rows;
    }

    /** One component's rows: one per overlay, plus one when its render fails for another reason. */
    public List<OverlayCheck> check(ResolvedComponent component) throws IOException {
        List<LocatedOverlay> overlays = component.overlays();
        boolean isLocal = component.specType() == SpecType.LOCAL;
        UpstreamSource source = isLocal ? local : snapshot;
        Optional<SourceTree> sources = source.fetch(component);
        List<OverlayCheck> rows = new ArrayList<>();
        if (sources.isEmpty()) {
            for (LocatedOverlay overlay : overlays) {
                rows.add(new OverlayCheck(
                        component.name(),
                        overlay,
                        OverlayCheck.Status.NO_UPSTREAM,
                        "no " + component.upstreamName() + ".spec in the snapshot",
                        null));
            }
            return rows;
        }
        if (overlays.isEmpty() && !(isLocal || configuresMore(component))) {
            return rows;
        }
        RenderInput input = RenderInput.of(sources.get(), source.specOnly());
        Optional<Failure> failure;
        try {
            RenderPlan plan = renderer.plan(component, input);
            rows.addAll(overlayRows(component, plan, renderer.edited(plan.beforeOverlays(), input)));
            failure = rows.stream().anyMatch(row -> row.status().failed()) || !(isLocal || configuresMore(component))
                    ? Optional.empty()
                    : renderFailure(component, input);
        } catch (RenderException e) {
            failure = Optional.of(e.failure());
        } catch (OverlayException e) {
            failure = Optional.of(e.failure().toFailure());
        }
        failure.ifPresent(why -> rows.add(
                new OverlayCheck(component.name(), null, OverlayCheck.Status.RENDER_FAILS, why.message(), why)));
        return rows;
    }

    /**
     * A row for each overlay of the component, in its order: those the plan skips have nothing to
     * check against; the others are checked one by one on the sources render applies them to.
     */
    private List<OverlayCheck> overlayRows(ResolvedComponent component, RenderPlan plan, OverlayResult before) {
        List<OverlayCheck> checked = plan.overlays().isEmpty()
                ? List.of()
                : checker.check(component.name(), before.tree(), plan.specPath(), plan.overlays())
                        .checks();
        List<OverlayCheck> rows = new ArrayList<>();
        int next = 0;
        for (LocatedOverlay overlay : component.overlays()) {
            Optional<SkippedOverlay> skip = plan.skipOf(overlay);
            rows.add(
                    skip.isPresent()
                            ? new OverlayCheck(
                                    component.name(),
                                    overlay,
                                    OverlayCheck.Status.NO_UPSTREAM,
                                    skip.get().why(),
                                    null)
                            : checked.get(next++));
        }
        return rows;
    }

    /**
     * Whether the component's render can fail where its overlays, checked one by one, do not. The
     * steps Keel adds only add lines before the overlays run (the macros file's load line and
     * source tag, which no overlay's success depends on) or cannot fail on a snapshot (the header;
     * no project changes, so no release bump), except two: check skipping, which prepends to the
     * upstream spec's %check sections after the overlays ran (an overlay may have removed one),
     * and merging the source files into the upstream sources file. Only those components, and
     * local specs (read from their directory, sources file included, as render reads them), are
     * rendered again, which keeps the check as fast as the overlays alone.
     */
    private static boolean configuresMore(ResolvedComponent component) {
        ComponentConfig config = component.config();
        boolean skipsCheck = config.build() != null
                && config.build().check() != null
                && Boolean.TRUE.equals(config.build().check().skip());
        return (skipsCheck && !component.overlays().isEmpty())
                || (config.sourceFiles() != null && !config.sourceFiles().isEmpty());
    }

    private Optional<Failure> renderFailure(ResolvedComponent component, RenderInput input) {
        try {
            renderer.render(component, input);
            return Optional.empty();
        } catch (RenderException e) {
            return Optional.of(e.failure());
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.of(Failures.of(e, Failure.Kind.INTERNAL));
        }
    }
}
