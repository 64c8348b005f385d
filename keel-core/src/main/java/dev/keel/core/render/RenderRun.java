package dev.keel.core.render;

import dev.keel.core.autospec.AutospecExpansion;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.autospec.SpecFeatures;
import dev.keel.core.autospec.SpecVersion;
import dev.keel.core.autospec.SyntheticHistory;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.OverlayEngine;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.spec.Spec;
import dev.keel.spec.macro.MacroContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a {@link RenderPlan} once: its edit steps in one overlay session ({@link PlanEdits}), so
 * each overlay applies once, then its result steps on the edited sources. One run renders one
 * component.
 */
final class RenderRun {

    private final RenderPlan plan;
    private final ResolvedComponent component;
    private final RenderInput input;
    private final Optional<Spec> pristine;
    private final ComponentRenderer.Context context;
    private final List<String> notes;
    private final TreeMap<String, SourceFile> files = new TreeMap<>();
    private OverlayResult overlaid;
    private Optional<Spec> editedSpec = Optional.empty();
    private Spec spec;

    RenderRun(
            RenderPlan plan,
            ResolvedComponent component,
            RenderInput input,
            Optional<Spec> pristine,
            ComponentRenderer.Context context) {
        this.plan = plan;
        this.component = component;
        this.input = input;
        this.pristine = pristine;
        this.context = context;
        this.notes = new ArrayList<>(plan.notes());
    }

    RenderedComponent apply() throws RenderException {
        try {
            OverlayEngine.Session session = PlanEdits.applied(plan, input.upstream(), pristine, context.sourceRoot());
            return finish(session.result(), session.spec());
        } catch (OverlayException e) {
            throw new RenderException(e.failure().toFailure());
        }
    }

    /**
     * Applies the result steps to {@code edited}: the sources after the plan's edit steps.
     *
     * @param editedSpec the edited spec as parsed, if the caller has it
     */
    RenderedComponent finish(OverlayResult edited, Optional<Spec> editedSpec) throws RenderException {
        overlaid = edited;
        this.editedSpec = editedSpec;
        for (RenderStep.ResultStep step : plan.resultSteps()) {
            if (step instanceof RenderStep.ArchiveHashes hashes) {
                archiveHashes(hashes);
            } else if (step instanceof RenderStep.Autospec) {
                autospec();
            } else if (step instanceof RenderStep.MergeSources merge) {
                mergeSources(merge);
            } else if (step instanceof RenderStep.FilterSidecars filter) {
                filterSidecars(filter);
            } else {
                // ResultStep is sealed: only a step added without a branch here gets this far
                throw new IllegalStateException("no way to apply the render step " + step.name());
            }
        }
        return new RenderedComponent(component.name(), files, notes, plan);
    }

    private void archiveHashes(RenderStep.ArchiveHashes hashes) throws RenderException {
        List<String> problems = overlaid.verifyArchiveHashes(hashes.sourceFiles());
        if (!problems.isEmpty()) {
            throw new RenderException(Failure.of(Failure.Kind.CONFIGURATION, String.join("; ", problems))
                    .at(component.locationOf("source-files"))
                    .withHint("record the archive's new hash in source-files with origin.type = \"overlay\""));
        }
    }

    private void autospec() throws RenderException {
        SourceFile overlaidSpec = overlaid.tree().get(plan.specPath()).orElseThrow();
        spec = editedSpec.orElseGet(() -> Spec.parse(overlaidSpec.content()));
        SpecFeatures features = SpecFeatures.of(spec.text());
        if (features.needsProcessing()) {
            if (input.history().isPresent()) {
                PackageHistory history = input.changes().isEmpty()
                        ? input.history().get()
                        : interleave(renderedVersion(pristine(), spec));
                spec = Spec.parse(AutospecExpansion.expand(spec, history, context.autospecVersion()));
            } else if (features.hasAutorelease() || features.hasAutochangelog()) {
                notes.add("%autorelease/%autochangelog left as written: the upstream has no history");
            }
        }
        files.put(plan.specPath(), new SourceFile(spec.toBytes(), overlaidSpec.executable()));
    }

    /** The upstream spec, parsed again only when the caller has not parsed it. */
    private Spec pristine() {
        return pristine.orElseGet(() ->
                Spec.parse(input.upstream().get(plan.specPath()).orElseThrow().content()));
    }

    /** The upstream history with a commit per project change (the release stays upstream's version). */
    private PackageHistory interleave(Optional<SpecVersion> renderedVersion) throws RenderException {
        try {
            return SyntheticHistory.interleave(
                    input.history().get(),
                    input.importCommit(),
                    input.changes(),
                    renderedVersion,
                    warning -> notes.add("warning: " + warning));
        } catch (IllegalArgumentException e) {
            throw new RenderException(Failure.of(Failure.Kind.CONFIGURATION, e.getMessage())
                    .withHint("run 'keel component update' for this component"));
        }
    }

    /**
     * The rendered spec's version when overlays changed the Version, Epoch or Release tags (the last
     * synthetic commit carries it), else empty: the upstream head's stands.
     */
    private static Optional<SpecVersion> renderedVersion(Spec upstream, Spec rendered) {
        boolean same = Objects.equals(upstream.tagValue("Version"), rendered.tagValue("Version"))
                && Objects.equals(upstream.tagValue("Epoch"), rendered.tagValue("Epoch"))
                && Objects.equals(upstream.tagValue("Release"), rendered.tagValue("Release"));
        return same ? Optional.empty() : SpecVersion.read(rendered.toBytes(), MacroContext.defaults());
    }

    private void mergeSources(RenderStep.MergeSources merge) throws RenderException {
        Optional<SourceFile> upstreamSources = overlaid.tree().get("sources");
        SourcesFile manifest = upstreamSources.isEmpty()
                ? SourcesFile.empty()
                : SourcesFile.parse(new String(upstreamSources.get().content(), StandardCharsets.UTF_8));
        manifest.verifyTracked(input.upstream());
        if (merge.sourceFiles() == null || merge.sourceFiles().isEmpty()) {
            // nothing to merge: the upstream file, if any, is kept byte for byte (as azldev does)
            upstreamSources.ifPresent(file -> files.put("sources", file));
        } else {
            SourcesFile merged =
                    manifest.merge(merge.sourceFiles(), index -> component.locationOfItem("source-files", index));
            files.put("sources", new SourceFile(merged.toBytes(), false));
        }
    }

    private void filterSidecars(RenderStep.FilterSidecars filter) {
        Set<String> referenced = ComponentRenderer.referencedFiles(spec);
        boolean keepAll = filter.keepAll() || referenced == null;
        for (Map.Entry<String, SourceFile> file : overlaid.tree().files().entrySet()) {
            String path = file.getKey();
            if (path.equals(plan.specPath()) || path.equals("sources")) {
                continue;
            }
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (keepAll || referenced.contains(top)) {
                files.put(path, file.getValue());
            }
        }
    }
}
