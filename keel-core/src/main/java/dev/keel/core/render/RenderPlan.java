package dev.keel.core.render;

import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What rendering one component does, in order, decided before anything is applied: the files Keel
 * generates into the sources (the macros file), then the steps, each named and holding its inputs
 * (Keel's own edits and the user's overlays, the release bump, rpmautospec, the sources merge, the
 * sidecar filter). {@link ComponentRenderer} builds a plan and applies it once; the plan is the
 * place to read what a render will do and why.
 *
 * @param component the component
 * @param specPath the spec's path in the sources
 * @param generated files Keel adds to the upstream sources before any step, by path
 * @param steps the steps, in the order they apply
 * @param notes what deciding the plan wants said (overlays skipped, a check skip with nothing to skip)
 */
public record RenderPlan(
        String component,
        String specPath,
        SortedMap<String, SourceFile> generated,
        List<RenderStep> steps,
        List<String> notes) {

    public RenderPlan {
        generated = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(generated));
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** Each step's name, in order: {@code render: macros file, overlays, check skip, ...}. */
    public List<String> stepNames() {
        return steps.stream().map(RenderStep::name).toList();
    }

    /** The sources the steps start from: {@code upstream} with the generated files added. */
    static SourceTree withGenerated(SourceTree upstream, Map<String, SourceFile> generated) {
        SourceTree sources = upstream;
        for (Map.Entry<String, SourceFile> file : generated.entrySet()) {
            sources = sources.with(file.getKey(), file.getValue());
        }
        return sources;
    }
}
