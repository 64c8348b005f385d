package dev.keel.core.render;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.io.CacheLock;
import dev.keel.core.io.KeelCache;
import dev.keel.core.io.Parallel;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.lock.LockHistory;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.Failures;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code component render}: renders components in parallel into the rendered-specs tree, skipping
 * those whose inputs and output are unchanged since the last render (a fingerprint cache in the
 * work directory), replacing each changed component's directory atomically, and writing a
 * {@code RENDER_FAILED} marker for failures. With {@code checkOnly}, nothing is written and the
 * results say what would change. Results are sorted by component, whatever the thread count.
 * A pipeline keeps no state between runs, so one can be reused and shared between threads; {@link
 * #run} lets one run at a time write a rendered tree.
 */
public final class RenderPipeline {

    /**
     * How to run.
     *
     * @param outputDir the rendered-specs root, or null for the project's {@code rendered-specs-dir}
     * @param checkOnly write nothing, report what differs
     * @param findStale look for directories of components that do not exist (when the selection is
     *     the whole project)
     * @param cleanStale remove the stale directories Keel wrote (not when checking)
     * @param jobs parallel workers
     * @param cacheDir where fingerprints are kept, or null for {@link KeelCache#directory()}
     */
    public record Options(
            Path outputDir, boolean checkOnly, boolean findStale, boolean cleanStale, int jobs, Path cacheDir) {}

    /**
     * A directory of the rendered tree that belongs to no component.
     *
     * @param directory its path below the root ({@code c/curl})
     * @param keelOwned whether Keel wrote it (it holds a rendered spec with Keel's or azldev's header,
     *     or only a {@code RENDER_FAILED} marker), so that Keel may remove it
     * @param removed whether this run removed it
     */
    public record StaleDirectory(String directory, boolean keelOwned, boolean removed) {}

    /** All results, and the stale directories found. */
    public record Report(List<RenderResult> results, List<StaleDirectory> stale) {

        public boolean failed() {
            return results.stream().anyMatch(r -> r.outcome().isFailed());
        }

        public boolean changed() {
            return results.stream().anyMatch(RenderResult::changed);
        }
    }

    private final Project project;
    private final UpstreamSource upstream;
    private final Options options;
    private final RenderedTree tree;
    private final Path cacheDir;
    private final ComponentRenderer renderer;
    private final LockStore locks;
    private final PathDisplay markerPaths;

    public RenderPipeline(Project project, UpstreamSource upstream, Options options) {
        this.project = project;
        this.upstream = upstream;
        this.options = options;
        this.tree = new RenderedTree(options.outputDir() != null ? options.outputDir() : project.renderedSpecsDir());
        Path cacheRoot = options.cacheDir() != null ? options.cacheDir() : KeelCache.directory();
        this.cacheDir = cacheRoot
                .resolve("render")
                .resolve(Sha256Records.hex(tree.root().toString().getBytes(StandardCharsets.UTF_8)));
        this.renderer = new ComponentRenderer(project);
        this.locks = new LockStore(project.lockDir());
        this.markerPaths = PathDisplay.machineIndependent(project.root());
    }

    public Path outputRoot() {
        return tree.root();
    }

    /** Told about each component as it is done, with the time it took (called from worker threads). */
    @FunctionalInterface
    public interface Progress {
        void done(RenderResult result, Duration elapsed);
    }

    /** Renders the components, telling {@code progress} about each. */
    public Report run(Collection<ResolvedComponent> components, Consumer<RenderResult> progress)
            throws IOException, InterruptedException {
        return run(components, (result, elapsed) -> progress.accept(result));
    }

    /**
     * Renders the components; one run at a time per rendered tree, across threads and processes
     * (a run's recovery would otherwise undo another run's replacements in progress).
     */
    public Report run(Collection<ResolvedComponent> components, Progress progress)
            throws IOException, InterruptedException {
        if (options.outputDir() != null) {
            OutputGuard.of(project).check(options.outputDir(), "--output-dir");
        }
        try (CacheLock lock = CacheLock.acquire(cacheDir.resolveSibling(cacheDir.getFileName() + ".lock"))) {
            return runAlone(components, progress);
        }
    }

    private Report runAlone(Collection<ResolvedComponent> components, Progress progress)
            throws IOException, InterruptedException {
        if (!options.checkOnly()) {
            tree.recover();
        }
        List<RenderResult> results;
        UpstreamSource local = new LocalSpecs();
        try (LockHistory lockHistory = LockHistory.open(project.lockDir())) {
            results = new ArrayList<>(Parallel.map(components, options.jobs(), component -> {
                long start = System.nanoTime();
                RenderResult result =
                        renderOne(component, component.specType() == SpecType.LOCAL ? local : upstream, lockHistory);
                progress.done(result, Duration.ofNanos(System.nanoTime() - start));
                return result;
            }));
        }
        results.sort(Comparator.comparing(RenderResult::component));
        List<StaleDirectory> stale = new ArrayList<>();
        if (options.findStale()) {
            for (String dir : tree.stale(project.components().keySet())) {
                boolean owned = tree.keelOwned(dir);
                boolean remove = owned && options.cleanStale() && !options.checkOnly();
                if (remove) {
                    tree.deleteRelative(dir);
                }
                stale.add(new StaleDirectory(dir, owned, remove));
            }
        }
        return new Report(results, stale);
    }

    /** Renders one component; every failure becomes a failed outcome, none escapes. */
    private RenderResult renderOne(ResolvedComponent component, UpstreamSource source, LockHistory lockHistory) {
        try {
            return attempt(component, source, lockHistory);
        } catch (RenderException e) {
            return failed(component, e.failure());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return failed(component, Failures.of(e, Failure.Kind.FILESYSTEM));
        }
    }

    private RenderResult attempt(ResolvedComponent component, UpstreamSource source, LockHistory lockHistory)
            throws IOException, RenderException {
        String relative = RenderedTree.relativeDir(component.name());
        if (source == null) {
            return new RenderResult(
                    component.name(), relative, Outcome.skipped("no upstream source given"), false, List.of());
        }
        String identity = fromUpstream(() -> source.identity(component));
        RenderInputs.Changes changes = source.specOnly()
                ? RenderInputs.Changes.NONE
                : RenderInputs.changes(project, locks, lockHistory, component, identity);
        String fingerprint = RenderFingerprint.of(
                project.renderTexts(), project.rpmautospecVersion(), component, identity, changes.ids());
        SortedMap<String, SourceFile> current = tree.read(component.name());
        if (fingerprint.equals(cachedFingerprint(component, current))) {
            return new RenderResult(component.name(), relative, Outcome.unchanged(), false, List.of());
        }
        Optional<RenderedComponent> rendered = render(component, source, changes);
        if (rendered.isEmpty()) {
            return new RenderResult(component.name(), relative, noUpstreamSpec(component), false, List.of());
        }
        return finish(
                component,
                fingerprint,
                current,
                rendered.get().files(),
                rendered.get().notes(),
                null);
    }

    /** The rendered files, or empty when the upstream has no spec for the component. */
    private Optional<RenderedComponent> render(
            ResolvedComponent component, UpstreamSource source, RenderInputs.Changes changes)
            throws IOException, RenderException {
        Optional<RenderInput> input = input(component, source, changes);
        return input.isEmpty() ? Optional.empty() : Optional.of(renderer.render(component, input.get()));
    }

    /** What the component renders from, or empty when the upstream has no spec for it. */
    private Optional<RenderInput> input(
            ResolvedComponent component, UpstreamSource source, RenderInputs.Changes changes) throws RenderException {
        return fromUpstream(() -> RenderInputs.input(source, component, changes));
    }

    private static Outcome noUpstreamSpec(ResolvedComponent component) {
        return Outcome.skipped("no upstream spec " + component.upstreamName() + ".spec");
    }

    /**
     * A component rendered in memory.
     *
     * @param component its name
     * @param rendered its files, or empty when it was not rendered
     * @param outcome {@code ok}, or why it was not rendered ({@code skipped}, {@code failed})
     * @param elapsed how long rendering it took
     */
    public record InMemory(String component, Optional<RenderedComponent> rendered, Outcome outcome, Duration elapsed) {

        static InMemory notRendered(String component, Outcome outcome) {
            return new InMemory(component, Optional.empty(), outcome, Duration.ZERO);
        }

        /** The plan the render applied, or empty when it was not rendered. */
        public Optional<RenderPlan> plan() {
            return rendered.map(RenderedComponent::plan);
        }
    }

    /** Told about each component rendered in memory (called from worker threads). */
    @FunctionalInterface
    public interface InMemoryUse<R> {
        R use(InMemory result) throws IOException;
    }

    /**
     * Renders the components in memory on the worker threads, as {@code --check-only} renders them
     * but reading and writing nothing of the rendered tree or the fingerprint cache, and hands each
     * result, with the plan it applied, to {@code use} there, so that nothing is kept that the
     * caller does not keep. The results of {@code use} are in the components' order.
     */
    public <R> List<R> renderInMemory(Collection<ResolvedComponent> components, InMemoryUse<R> use)
            throws IOException, InterruptedException {
        UpstreamSource local = new LocalSpecs();
        try (LockHistory lockHistory = LockHistory.open(project.lockDir())) {
            return Parallel.map(components, options.jobs(), component -> {
                long start = System.nanoTime();
                InMemory result =
                        inMemory(component, component.specType() == SpecType.LOCAL ? local : upstream, lockHistory);
                return use.use(new InMemory(
                        result.component(),
                        result.rendered(),
                        result.outcome(),
                        Duration.ofNanos(System.nanoTime() - start)));
            });
        }
    }

    /**
     * What a component's directory holds after a render that ended as {@code result} (from {@link
     * #renderInMemory}): its rendered files, or the {@code RENDER_FAILED} marker when its inputs
     * cannot be rendered, as the rendered tree's file system keeps them; empty when a render writes
     * nothing (the component was skipped, or the environment failed).
     */
    public Optional<SortedMap<String, SourceFile>> wantedDirectory(ResolvedComponent component, InMemory result)
            throws IOException {
        if (result.rendered().isPresent()) {
            return Optional.of(tree.representable(result.rendered().get().files()));
        }
        if (result.outcome() instanceof Outcome.Failed failed
                && failed.failure().kind().fromInputs()) {
            return Optional.of(tree.representable(marker(component, failed.failure())));
        }
        return Optional.empty();
    }

    /**
     * A component's directory as the rendered tree holds it now; a symbolic link or special file in
     * it reads as content Keel never writes ({@link RenderedTree#isLinkOrSpecial}).
     */
    public SortedMap<String, SourceFile> currentDirectory(String component) throws IOException {
        return tree.read(component);
    }

    /** The directories of the rendered tree ({@code c/curl}) that belong to no component of the project, sorted. */
    public List<String> staleDirectories() throws IOException {
        return tree.stale(project.components().keySet());
    }

    private InMemory inMemory(ResolvedComponent component, UpstreamSource source, LockHistory lockHistory) {
        try {
            if (source == null) {
                return InMemory.notRendered(component.name(), Outcome.skipped("no upstream source given"));
            }
            String identity = fromUpstream(() -> source.identity(component));
            RenderInputs.Changes changes = source.specOnly()
                    ? RenderInputs.Changes.NONE
                    : RenderInputs.changes(project, locks, lockHistory, component, identity);
            Optional<RenderInput> input = input(component, source, changes);
            if (input.isEmpty()) {
                return InMemory.notRendered(component.name(), noUpstreamSpec(component));
            }
            RenderedComponent rendered = renderer.render(component, input.get());
            return new InMemory(component.name(), Optional.of(rendered), Outcome.ok(), Duration.ZERO);
        } catch (RenderException e) {
            return InMemory.notRendered(component.name(), Outcome.failed(e.failure()));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return InMemory.notRendered(component.name(), Outcome.failed(Failures.of(e, Failure.Kind.FILESYSTEM)));
        }
    }

    /** What reading the upstream does: a failure there is the upstream's (or the network's). */
    private interface UpstreamCall<T> {
        T call() throws IOException;
    }

    private static <T> T fromUpstream(UpstreamCall<T> call) throws RenderException {
        try {
            return call.call();
        } catch (IOException e) {
            throw new RenderException(Failures.of(e, Failure.Kind.UPSTREAM));
        }
    }

    /**
     * A failed component: when the inputs themselves cannot be rendered, its directory becomes a
     * {@code RENDER_FAILED} marker naming the failure (in words that are the same on every
     * machine); when the environment failed (network, disk, a bug), the directory is left as it was.
     */
    private RenderResult failed(ResolvedComponent component, Failure failure) {
        String relative = RenderedTree.relativeDir(component.name());
        Outcome outcome = Outcome.failed(failure);
        if (!failure.kind().fromInputs()) {
            return new RenderResult(component.name(), relative, outcome, false, List.of());
        }
        try {
            return finish(component, null, tree.read(component.name()), marker(component, failure), List.of(), outcome);
        } catch (IOException | RuntimeException e) {
            Failure writing = Failures.of(e, Failure.Kind.FILESYSTEM);
            return new RenderResult(
                    component.name(),
                    relative,
                    outcome,
                    false,
                    List.of("the " + RenderedTree.FAILED_MARKER + " marker could not be written: "
                            + FailureFormat.line(writing, markerPaths)));
        }
    }

    /** A directory holding only the {@code RENDER_FAILED} marker of a failure. */
    private SortedMap<String, SourceFile> marker(ResolvedComponent component, Failure failure) {
        return new TreeMap<>(Map.of(RenderedTree.FAILED_MARKER, new SourceFile(markerText(component, failure), false)));
    }

    /** The marker's text: the failure as {@code keel component render} prints it, with project-relative paths. */
    byte[] markerText(ResolvedComponent component, Failure failure) {
        String text = "Keel could not render this component; 'keel component render " + component.name()
                + "' shows the same.\n\n" + FailureFormat.block(component.name(), failure, markerPaths);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private RenderResult finish(
            ResolvedComponent component,
            String fingerprint,
            SortedMap<String, SourceFile> current,
            SortedMap<String, SourceFile> wanted,
            List<String> notes,
            Outcome failure)
            throws IOException {
        wanted = tree.representable(wanted);
        boolean changed = !RenderedTree.same(current, wanted);
        if (!options.checkOnly() && changed) {
            tree.replace(component.name(), wanted);
        }
        if (!options.checkOnly() && fingerprint != null) {
            AtomicFiles.writeCache(
                    cacheFile(component),
                    (fingerprint + " " + RenderedTree.hash(wanted) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Outcome outcome = failure != null ? failure : changed ? Outcome.ok() : Outcome.unchanged();
        List<String> allNotes = new ArrayList<>(notes);
        if (options.checkOnly() && changed) {
            allNotes.add("differs: " + String.join(", ", RenderedTree.differences(current, wanted)));
        }
        return new RenderResult(
                component.name(), RenderedTree.relativeDir(component.name()), outcome, changed, allNotes);
    }

    /** The cached fingerprint if the directory still holds exactly what that render wrote, else null. */
    private String cachedFingerprint(ResolvedComponent component, SortedMap<String, SourceFile> current)
            throws IOException {
        String[] parts = cached(component).orElse("").split(" ");
        return parts.length == 2 && parts[1].equals(RenderedTree.hash(current)) ? parts[0] : null;
    }

    private Optional<String> cached(ResolvedComponent component) throws IOException {
        try {
            return Optional.of(Files.readString(cacheFile(component)).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path cacheFile(ResolvedComponent component) {
        return cacheDir.resolve(component.name() + ".fingerprint");
    }
}
