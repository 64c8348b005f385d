package dev.keel.core.render;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.Parallel;
import dev.keel.core.lock.LockHistory;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.source.UpstreamSource;
import dev.keel.spec.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the rendered tree holds for each component, accounted for by rendering it again: the
 * upstream sources it renders from (read as {@code component render} reads them), its plan, the
 * changes of the plan's edit steps one by one ({@link EditTrail}) and the rendered files, when the
 * tree holds exactly those; else why the component is not rendered, or that the tree is stale. What
 * an SBOM describes. Safe to share between threads.
 */
public final class RenderEvidence {

    /** What the tree holds for one component. */
    public sealed interface Result {
        String component();
    }

    /**
     * The tree holds what the component renders to now.
     *
     * @param source where its upstream sources come from (a local spec's directory for local specs)
     * @param upstreamSpec its upstream spec, parsed
     * @param changes the plan's edits, one change at a time
     * @param rendered the rendered files, as the tree holds them
     */
    public record Rendered(
            ResolvedComponent resolved,
            RenderInput input,
            UpstreamSource source,
            Spec upstreamSpec,
            RenderPlan plan,
            List<EditTrail.Change> changes,
            RenderedComponent rendered)
            implements Result {
        @Override
        public String component() {
            return resolved.name();
        }
    }

    /** The component renders to nothing now and the tree holds no spec for it (or the render failure's marker). */
    public record NotRendered(String component, String reason) implements Result {}

    /**
     * The tree does not hold what the component renders to now.
     *
     * @param files the files that differ, sorted (all the tree's files when the render fails now)
     * @param failure why the component does not render now, if it does not
     */
    public record Stale(String component, List<String> files, Optional<Failure> failure) implements Result {}

    /** The component's sources could not be read (the network, the disk, a bug). */
    public record Failed(String component, Failure failure) implements Result {}

    private final Project project;
    private final UpstreamSource upstream;
    private final UpstreamSource local = new LocalSpecs();
    private final RenderedTree tree;
    private final ComponentRenderer renderer;
    private final LockStore locks;

    /**
     * @param upstream where upstream specs come from (dist-git or a spec snapshot)
     * @param renderedRoot the rendered tree ({@code rendered-specs-dir} or a render's {@code -o})
     */
    public RenderEvidence(Project project, UpstreamSource upstream, Path renderedRoot) {
        this.project = project;
        this.upstream = upstream;
        this.tree = new RenderedTree(renderedRoot);
        this.renderer = new ComponentRenderer(project);
        this.locks = new LockStore(project.lockDir());
    }

    /** The rendered tree's root. */
    public Path root() {
        return tree.root();
    }

    /** Told about each component's result on the worker thread, so that only what it keeps stays. */
    @FunctionalInterface
    public interface Use<R> {
        R use(Result result) throws IOException;
    }

    /**
     * The result of each component, handed to {@code use} on {@code jobs} threads; what it makes is
     * handed to {@code sink} on the calling thread, in the components' order, while the threads go on.
     */
    public <R> void each(Collection<ResolvedComponent> components, int jobs, Use<R> use, Parallel.Sink<R> sink)
            throws IOException, InterruptedException {
        try (LockHistory history = LockHistory.open(project.lockDir())) {
            Parallel.forEach(components, jobs, component -> use.use(of(component, history)), sink);
        }
    }

    /** What the tree holds for one component. */
    public Result of(ResolvedComponent component, LockHistory history) throws IOException {
        UpstreamSource source = component.specType() == SpecType.LOCAL ? local : upstream;
        SortedMap<String, SourceFile> current = tree.read(component.name());
        Optional<RenderInput> input;
        try {
            input = input(component, source, history);
        } catch (IOException | RuntimeException e) {
            return new Failed(component.name(), Failures.of(e, Failure.Kind.UPSTREAM));
        }
        if (input.isEmpty()) {
            String reason = "no upstream spec " + component.upstreamName() + ".spec";
            return holdsNoSpec(current)
                    ? new NotRendered(component.name(), reason)
                    : new Stale(component.name(), List.copyOf(current.keySet()), Optional.empty());
        }
        try {
            Spec upstreamSpec = ComponentRenderer.upstreamSpec(component, input.get());
            RenderPlan plan = renderer.plan(component, input.get(), upstreamSpec);
            EditTrail.Trail trail =
                    EditTrail.of(plan, input.get().upstream(), Optional.of(upstreamSpec), project.root());
            RenderedComponent rendered = renderer.render(component, input.get(), plan, trail);
            SortedMap<String, SourceFile> wanted = tree.representable(rendered.files());
            if (!RenderedTree.same(current, wanted)) {
                return new Stale(component.name(), RenderedTree.differences(current, wanted), Optional.empty());
            }
            return new Rendered(component, input.get(), source, upstreamSpec, plan, trail.changes(), rendered);
        } catch (RenderException | OverlayException e) {
            Failure failure = e instanceof RenderException r
                    ? r.failure()
                    : ((OverlayException) e).failure().toFailure();
            return holdsNoSpec(current)
                    ? new NotRendered(component.name(), failure.message())
                    : new Stale(component.name(), List.copyOf(current.keySet()), Optional.of(failure));
        }
    }

    /** The render's input, as {@code component render} reads it; empty when the upstream has no spec. */
    private Optional<RenderInput> input(ResolvedComponent component, UpstreamSource source, LockHistory history)
            throws IOException {
        RenderInputs.Changes changes = source.specOnly()
                ? RenderInputs.Changes.NONE
                : RenderInputs.changes(project, locks, history, component, source.identity(component));
        return RenderInputs.input(source, component, changes);
    }

    /** Whether the component's rendered directory is absent or holds only the marker of a failed render. */
    private static boolean holdsNoSpec(SortedMap<String, SourceFile> current) {
        return current.isEmpty() || (current.size() == 1 && current.containsKey(RenderedTree.FAILED_MARKER));
    }
}
