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
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * {@code component render}: renders components in parallel into the rendered-specs tree, skipping
 * those whose inputs and output are unchanged since the last render (a fingerprint cache in the
 * work directory), replacing each changed component's directory atomically, and writing a
 * {@code RENDER_FAILED} marker for failures. With {@code checkOnly}, nothing is written and the
 * results say what would change. Results are sorted by component, whatever the thread count.
 */
public final class RenderPipeline {

    /**
     * How to run.
     *
     * @param outputDir the rendered-specs root, or null for the project's {@code rendered-specs-dir}
     * @param checkOnly write nothing, report what differs
     * @param cleanStale remove (or, checking, report) directories of components that do not exist
     * @param jobs parallel workers
     * @param cacheDir where fingerprints are kept, or null for {@link KeelCache#directory()}
     */
    public record Options(Path outputDir, boolean checkOnly, boolean cleanStale, int jobs, Path cacheDir) {}

    /** All results, and the stale directories found (removed unless checking). */
    public record Report(List<RenderResult> results, List<String> stale) {}

    static final byte[] FAILED_TEXT = "Rendering failed. Run 'keel component render' for this component to see why.\n"
            .getBytes(StandardCharsets.UTF_8);

    private final Project project;
    private final UpstreamSource upstream;
    private final Options options;
    private final RenderedTree tree;
    private final Path cacheDir;
    private final ComponentRenderer renderer;
    private final LockStore locks;

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
    }

    public Path outputRoot() {
        return tree.root();
    }

    /**
     * Renders the components; one run at a time per rendered tree, across threads and processes
     * (a run's recovery would otherwise undo another run's replacements in progress).
     */
    public Report run(Collection<ResolvedComponent> components, Consumer<RenderResult> progress)
            throws IOException, InterruptedException {
        try (CacheLock lock = CacheLock.acquire(cacheDir.resolveSibling(cacheDir.getFileName() + ".lock"))) {
            return runAlone(components, progress);
        }
    }

    private Report runAlone(Collection<ResolvedComponent> components, Consumer<RenderResult> progress)
            throws IOException, InterruptedException {
        if (!options.checkOnly()) {
            tree.recover();
        }
        List<RenderResult> results;
        UpstreamSource local = new LocalSpecs();
        try (LockHistory lockHistory = LockHistory.open(project.lockDir())) {
            results = new ArrayList<>(Parallel.map(components, options.jobs(), component -> {
                RenderResult result =
                        renderOne(component, component.specType() == SpecType.LOCAL ? local : upstream, lockHistory);
                progress.accept(result);
                return result;
            }));
        }
        results.sort(java.util.Comparator.comparing(RenderResult::component));
        List<String> stale = List.of();
        if (options.cleanStale()) {
            stale = tree.stale(project.components().keySet());
            if (!options.checkOnly()) {
                for (String dir : stale) {
                    tree.deleteRelative(dir);
                }
            }
        }
        return new Report(results, stale);
    }

    private RenderResult renderOne(ResolvedComponent component, UpstreamSource source, LockHistory lockHistory)
            throws IOException {
        String relative = RenderedTree.relativeDir(component.name());
        if (source == null) {
            return new RenderResult(
                    component.name(),
                    RenderResult.Status.SKIPPED,
                    relative,
                    false,
                    "no upstream source given",
                    List.of());
        }
        String fingerprint;
        Optional<SourceTree> sources;
        try {
            String identity = source.identity(component);
            RenderInputs.Changes changes = source.specOnly()
                    ? RenderInputs.Changes.NONE
                    : RenderInputs.changes(project, locks, lockHistory, component, identity);
            fingerprint = RenderFingerprint.of(component, identity, changes.ids());
            SortedMap<String, SourceFile> current = tree.read(component.name());
            if (fingerprint.equals(cachedFingerprint(component, current))) {
                return new RenderResult(
                        component.name(), RenderResult.Status.UNCHANGED, relative, false, null, List.of());
            }
            sources = source.fetch(component);
            if (sources.isEmpty()) {
                return new RenderResult(
                        component.name(),
                        RenderResult.Status.SKIPPED,
                        relative,
                        false,
                        "no upstream spec " + component.upstreamName() + ".spec",
                        List.of());
            }
            RenderedComponent rendered = renderer.render(
                    component,
                    new RenderInput(
                            sources.get(),
                            source.specOnly(),
                            RenderInputs.history(source, component, sources.get()),
                            changes.changes(),
                            changes.importCommit(),
                            false));
            return finish(component, relative, fingerprint, current, rendered.files(), rendered.notes(), null);
        } catch (RenderException | IOException | RuntimeException e) {
            // A fixed text: the reason (which may name machine-specific paths) is in the results.
            SortedMap<String, SourceFile> marker =
                    new java.util.TreeMap<>(Map.of(RenderedTree.FAILED_MARKER, new SourceFile(FAILED_TEXT, false)));
            return finish(component, relative, null, tree.read(component.name()), marker, List.of(), e.getMessage());
        }
    }

    private RenderResult finish(
            ResolvedComponent component,
            String relative,
            String fingerprint,
            SortedMap<String, SourceFile> current,
            SortedMap<String, SourceFile> wanted,
            List<String> notes,
            String error)
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
        RenderResult.Status status = error != null
                ? RenderResult.Status.ERROR
                : changed ? RenderResult.Status.OK : RenderResult.Status.UNCHANGED;
        List<String> allNotes = new ArrayList<>(notes);
        if (options.checkOnly() && changed) {
            allNotes.add("differs: " + String.join(", ", RenderedTree.differences(current, wanted)));
        }
        return new RenderResult(component.name(), status, relative, changed, error, allNotes);
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
