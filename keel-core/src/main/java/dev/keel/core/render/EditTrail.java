package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.overlay.OverlayEngine;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceTree;
import dev.keel.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a plan's edit steps change in the upstream sources, one change at a time: each of Keel's
 * steps (the macros file, check skipping, the release bump, the header) as one change, and each of
 * the component's overlays as its own, in the order they apply, with the sources before and after
 * it. Every change is the difference between {@link PlanEdits} applying the plan up to it and up to
 * the change before, so the changes add up to exactly what render edits: what an SBOM lists as the
 * patches of a component. Keel's steps that change nothing are left out; overlays never are. The
 * changes come from one session, unless an overlay works inside an archive (its archive's
 * overlays are one stage): then from applying the plan up to each change afresh.
 */
public final class EditTrail {

    /**
     * One change.
     *
     * @param name the step's name ({@code render: header}), or the overlay's label ({@code overlay 2})
     * @param overlay the component's overlay that made it, or empty for one of Keel's steps
     * @param before the sources before it
     * @param after the sources after it
     */
    public record Change(String name, Optional<LocatedOverlay> overlay, SourceTree before, SourceTree after) {

        /** Whether it changed anything. */
        public boolean changed() {
            return !before.equals(after);
        }

        /** The unified diff from {@link #before} to {@link #after} ({@code a/} and {@code b/} paths). */
        public String diff() {
            return TreeDiff.unified(before, after);
        }
    }

    /**
     * The changes, and the sources after all of them with their provenance: what {@link
     * PlanEdits} gives for the whole plan, so a render can finish from it without editing again.
     *
     * @param editedSpec the edited spec as parsed, so that finishing need not parse it again
     */
    public record Trail(List<Change> changes, OverlayResult edited, Optional<Spec> editedSpec) {
        public Trail {
            changes = List.copyOf(changes);
        }
    }

    private EditTrail() {}

    /**
     * The changes of the plan's edit steps on {@code upstream}.
     *
     * @param upstreamSpec the upstream spec, if the caller has parsed it
     * @param sourceRoot the directory an overlay's {@code source} file must lie in
     * @throws OverlayException for the first overlay that cannot be applied
     * @throws RenderException when the release cannot be bumped
     */
    public static Trail of(RenderPlan plan, SourceTree upstream, Optional<Spec> upstreamSpec, Path sourceRoot)
            throws OverlayException, RenderException {
        boolean archiveStages = plan.overlays().stream()
                .anyMatch(overlay -> overlay.overlay().archive().isPresent());
        return archiveStages
                ? byPrefixes(plan, upstream, upstreamSpec, sourceRoot)
                : inOnePass(plan, upstream, upstreamSpec, sourceRoot);
    }

    /**
     * The changes from one session, each unit's steps applied after the ones before: what applying
     * the plan up to each change gives, when no overlay works inside an archive (the overlays of
     * one archive are one stage, which one overlay at a time would split).
     */
    static Trail inOnePass(RenderPlan plan, SourceTree upstream, Optional<Spec> upstreamSpec, Path sourceRoot)
            throws OverlayException, RenderException {
        OverlayEngine.Session session = PlanEdits.open(plan, upstream, upstreamSpec, sourceRoot);
        List<Change> changes = new ArrayList<>();
        SourceTree before = upstream;
        for (Unit unit : units(plan)) {
            for (RenderStep.EditStep step : unit.own()) {
                PlanEdits.apply(session, step);
            }
            SourceTree after = session.result().tree();
            add(changes, new Change(unit.name(), unit.overlay(), before, after));
            before = after;
        }
        return new Trail(changes, session.result(), session.spec());
    }

    /** The changes from applying the plan up to each change afresh. */
    static Trail byPrefixes(RenderPlan plan, SourceTree upstream, Optional<Spec> upstreamSpec, Path sourceRoot)
            throws OverlayException, RenderException {
        List<Change> changes = new ArrayList<>();
        SourceTree before = upstream;
        for (Unit unit : units(plan)) {
            SourceTree after =
                    PlanEdits.apply(unit.upTo(), upstream, sourceRoot).tree();
            add(changes, new Change(unit.name(), unit.overlay(), before, after));
            before = after;
        }
        OverlayEngine.Session all = PlanEdits.applied(plan, upstream, upstreamSpec, sourceRoot);
        return new Trail(changes, all.result(), all.spec());
    }

    /** Keel's steps that change nothing are left out; overlays never are. */
    private static void add(List<Change> changes, Change change) {
        if (change.overlay().isPresent() || change.changed()) {
            changes.add(change);
        }
    }

    /**
     * One change to make: its name, its overlay, its own steps, and the plan of every edit up to
     * and with it.
     */
    private record Unit(
            String name, Optional<LocatedOverlay> overlay, List<RenderStep.EditStep> own, RenderPlan upTo) {}

    /**
     * The plan's edit steps cut into changes: one per overlay of the {@code overlays} step (in the
     * order the engine applies them, archive-scoped ones first), one per run of Keel's steps of the
     * same name (the macros file is generated, then loaded).
     */
    private static List<Unit> units(RenderPlan plan) {
        List<Unit> units = new ArrayList<>();
        List<RenderStep> done = new ArrayList<>();
        for (RenderStep.EditStep step : plan.editSteps()) {
            if (step instanceof RenderStep.Edits edits && edits.name().equals(RenderPlan.OVERLAYS)) {
                List<LocatedOverlay> ordered = OverlayEngine.archivesFirst(edits.overlays());
                for (int count = 1; count <= ordered.size(); count++) {
                    List<RenderStep> upTo = new ArrayList<>(done);
                    upTo.add(new RenderStep.Edits(RenderPlan.OVERLAYS, ordered.subList(0, count)));
                    LocatedOverlay overlay = ordered.get(count - 1);
                    RenderStep.EditStep own = new RenderStep.Edits(RenderPlan.OVERLAYS, List.of(overlay));
                    units.add(new Unit(overlay.label(), Optional.of(overlay), List.of(own), planOf(plan, upTo)));
                }
                done.add(new RenderStep.Edits(RenderPlan.OVERLAYS, ordered));
                continue;
            }
            done.add(step);
            Unit last = units.isEmpty() ? null : units.get(units.size() - 1);
            if (last != null && last.overlay().isEmpty() && last.name().equals(step.name())) {
                List<RenderStep.EditStep> own = new ArrayList<>(last.own());
                own.add(step);
                units.set(units.size() - 1, new Unit(step.name(), Optional.empty(), own, planOf(plan, done)));
            } else {
                units.add(new Unit(step.name(), Optional.empty(), List.of(step), planOf(plan, done)));
            }
        }
        return units;
    }

    private static RenderPlan planOf(RenderPlan plan, List<RenderStep> steps) {
        return new RenderPlan(plan.component(), plan.specPath(), steps, List.of(), List.of());
    }
}
