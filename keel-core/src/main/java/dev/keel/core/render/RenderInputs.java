package dev.keel.core.render;

import dev.keel.core.autospec.AutospecExpansion;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.autospec.ProjectChange;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.lock.InputFingerprint;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockHistory;
import dev.keel.core.lock.LockStore;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A component's render inputs besides its sources: the upstream history and the project's changes. */
final class RenderInputs {

    private RenderInputs() {}

    /** A component's project changes and the lock's import commit. */
    record Changes(List<ProjectChange> changes, String importCommit) {

        static final Changes NONE = new Changes(List.of(), null);

        /** The change ids, for fingerprints. */
        String ids() {
            return String.join(
                    ",", changes.stream().map(ProjectChange::projectCommit).toList());
        }
    }

    /**
     * The component's changes from its lock history, with an uncommitted one when its inputs
     * changed since.
     *
     * @param identity the upstream commit (or local directory hash) the component renders from
     */
    static Changes changes(
            Project project, LockStore locks, LockHistory history, ResolvedComponent component, String identity)
            throws IOException {
        Optional<LockFile> lock = locks.read(component.name());
        if (lock.isEmpty()) {
            return Changes.NONE;
        }
        String current =
                InputFingerprint.of(component, identity, lock.get().manualBump(), project.releaseVer(component));
        String upstreamCommit = component.specType() == SpecType.LOCAL ? null : identity;
        return new Changes(
                history.changes(component.name(), current, upstreamCommit),
                lock.get().importCommit());
    }

    /**
     * What the component renders from, as {@code component render} reads it: the upstream sources,
     * their history when the spec needs it, and the project's changes; empty when the upstream has
     * no spec for the component.
     */
    static Optional<RenderInput> input(UpstreamSource source, ResolvedComponent component, Changes changes)
            throws IOException {
        Optional<SourceTree> sources = source.fetch(component);
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        Optional<PackageHistory> history = history(source, component, sources.get());
        return Optional.of(new RenderInput(
                sources.get(), source.specOnly(), history, changes.changes(), changes.importCommit(), false));
    }

    /** The upstream history, read only when the upstream spec needs it. */
    static Optional<PackageHistory> history(UpstreamSource source, ResolvedComponent component, SourceTree sources)
            throws IOException {
        Optional<SourceFile> spec = sources.get(component.name() + ".spec");
        boolean needed = spec.isPresent()
                && AutospecExpansion.needsProcessing(new String(spec.get().content(), StandardCharsets.ISO_8859_1));
        return needed ? source.history(component) : Optional.empty();
    }
}
