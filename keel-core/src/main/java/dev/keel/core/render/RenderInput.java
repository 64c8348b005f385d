package dev.keel.core.render;

import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.autospec.ProjectChange;
import dev.keel.core.overlay.SourceTree;
import java.util.List;
import java.util.Optional;

/**
 * What a component is rendered from.
 *
 * @param upstream the upstream sources, the spec at {@code <component>.spec}
 * @param specOnly whether the upstream has only the spec (no sidecar files)
 * @param history the upstream's dist-git history, or empty when it has none; with it,
 *     {@code %autorelease} and {@code %autochangelog} are expanded as rpmautospec does
 * @param changes the project's own changes of the component (from its lock history), oldest first
 * @param importCommit the lock's {@code import-commit}, where the synthetic history starts
 * @param keepUnreferenced keep every file, not only those the spec references (prepare-sources)
 */
public record RenderInput(
        SourceTree upstream,
        boolean specOnly,
        Optional<PackageHistory> history,
        List<ProjectChange> changes,
        String importCommit,
        boolean keepUnreferenced) {

    public RenderInput {
        changes = List.copyOf(changes);
    }

    /** Sources without history or project changes. */
    public static RenderInput of(SourceTree upstream, boolean specOnly) {
        return new RenderInput(upstream, specOnly, Optional.empty(), List.of(), null, false);
    }
}
