package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What rendering one component does, in order, decided before anything is applied: the edit steps
 * (the macros file Keel generates, Keel's own edits and the user's overlays, the release bump),
 * then the result steps (the archive hashes, rpmautospec, the sources merge, the sidecar filter),
 * each named and holding its inputs. {@link ComponentRenderer} builds a plan and applies it once;
 * the plan is what render, {@code diff-sources}, {@code check-overlays} and {@code overlay apply}
 * read, so what they show is what render does.
 *
 * @param component the component
 * @param specPath the spec's path in the sources
 * @param steps the steps, in the order they apply: every edit step before every result step
 * @param skipped the component's overlays that no step applies, and why
 * @param notes what deciding the plan wants said (overlays skipped, a check skip with nothing to skip)
 */
public record RenderPlan(
        String component, String specPath, List<RenderStep> steps, List<SkippedOverlay> skipped, List<String> notes) {

    /** The name of the step that applies the component's own overlays. */
    public static final String OVERLAYS = "overlays";

    public RenderPlan {
        steps = List.copyOf(steps);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        boolean results = false;
        for (RenderStep step : steps) {
            if (results && step instanceof RenderStep.EditStep) {
                throw new IllegalArgumentException(
                        "the edit step " + step.name() + " comes after a step that reads the edited sources");
            }
            results |= step instanceof RenderStep.ResultStep;
        }
    }

    /** A plan that only applies {@code overlays} (an overlay file tried outside a project). */
    public static RenderPlan ofOverlays(String component, String specPath, List<LocatedOverlay> overlays) {
        return new RenderPlan(
                component, specPath, List.of(new RenderStep.Edits(OVERLAYS, overlays)), List.of(), List.of());
    }

    /** Each step's name, in order: {@code render: macros file, overlays, check skip, ...}. */
    public List<String> stepNames() {
        return steps.stream().map(RenderStep::name).toList();
    }

    /** The steps that edit the sources, in order. */
    public List<RenderStep.EditStep> editSteps() {
        return steps.stream()
                .filter(RenderStep.EditStep.class::isInstance)
                .map(RenderStep.EditStep.class::cast)
                .toList();
    }

    /** The steps that make the rendered files from the edited sources, in order. */
    public List<RenderStep.ResultStep> resultSteps() {
        return steps.stream()
                .filter(RenderStep.ResultStep.class::isInstance)
                .map(RenderStep.ResultStep.class::cast)
                .toList();
    }

    /** The component's overlays that the plan applies, in their order (none when it applies none). */
    public List<LocatedOverlay> overlays() {
        return steps.stream()
                .filter(step ->
                        step instanceof RenderStep.Edits edits && edits.name().equals(OVERLAYS))
                .findFirst()
                .map(step -> ((RenderStep.Edits) step).overlays())
                .orElse(List.of());
    }

    /** The plan of the steps before the component's overlays: what the overlays are applied on. */
    public RenderPlan beforeOverlays() {
        List<RenderStep> before = new ArrayList<>();
        for (RenderStep step : steps) {
            if (step.name().equals(OVERLAYS)) {
                break;
            }
            before.add(step);
        }
        return new RenderPlan(component, specPath, before, List.of(), List.of());
    }

    /** The skip of {@code overlay}, if the plan does not apply it. */
    public Optional<SkippedOverlay> skipOf(LocatedOverlay overlay) {
        return skipped.stream().filter(skip -> skip.overlay().equals(overlay)).findFirst();
    }
}
