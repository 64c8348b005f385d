package dev.keel.core.render;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Parallel;
import dev.keel.core.lock.LockHistory;
import dev.keel.core.lock.LockStore;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code component prepare-sources}: a component's complete, buildable sources in a directory —
 * the upstream files, the lookaside archives its {@code sources} file lists and the downloaded
 * {@code source-files} (all hash-verified), then everything rendering does, archive overlays
 * included, and with no file filtered out. From a spec snapshot (spec only), there is no upstream
 * {@code sources} file, so only the {@code source-files} are downloaded, and a note says so.
 */
public final class SourcePreparer {

    /** What to leave out. */
    public record Options(boolean skipSources, boolean skipOverlays, boolean force) {}

    /** How many files download at once. */
    private static final int PARALLEL_DOWNLOADS = 4;

    private final Project project;
    private final UpstreamSource upstream;
    private final LookasideCache lookaside;
    private final ComponentRenderer renderer;
    private final LockStore locks;

    public SourcePreparer(Project project, UpstreamSource upstream, LookasideCache lookaside) {
        this.project = project;
        this.upstream = upstream;
        this.lookaside = lookaside;
        this.renderer = new ComponentRenderer(project);
        this.locks = new LockStore(project.lockDir());
    }

    /** Prepares the component's sources in {@code output}, replaced whole; returns the render notes. */
    public List<String> prepare(ResolvedComponent component, Path output, Options options)
            throws IOException, InterruptedException, RenderException {
        OutputGuard.of(project).check(output, "--output-dir");
        UpstreamSource source = source(component);
        SourceTree tree = upstream(source, component);
        List<String> notes = new ArrayList<>();
        if (!options.skipOverlays()) {
            // before anything is downloaded: an archive no source has is the configuration's error
            new ArchiveOrigins(component, tree, source.specOnly()).checkAll();
        }
        if (!options.skipSources()) {
            if (source.specOnly()) {
                notes.add("the spec snapshot has no upstream sources file: its lookaside archives are not"
                        + " downloaded, only the component's source-files");
            }
            tree = withDownloads(component, tree);
        }
        if (!options.skipOverlays()) {
            RenderedComponent rendered = renderer.render(component, input(source, component, tree));
            tree = SourceTree.of(rendered.files());
            notes.addAll(rendered.notes());
        }
        tree.writeAsDirectory(output, options.force());
        return notes;
    }

    /**
     * The component's sources after the render steps that edit them, as {@link #prepare} edits them,
     * from {@code sources}: its upstream files with the downloads at hand (the archives it has are
     * repacked by their archive overlays, the others' overlays are skipped). Nothing is written or
     * downloaded; {@link OverlayResult#archiveHashes} then checks the archives against their
     * records as prepare's render does.
     *
     * @throws OverlayException for the first overlay that cannot be applied (an archive that is
     *     not safe to unpack included)
     */
    public OverlayResult edited(ResolvedComponent component, SourceTree sources)
            throws IOException, RenderException, OverlayException {
        RenderInput input = input(source(component), component, sources);
        return renderer.edited(renderer.plan(component, input), input);
    }

    private UpstreamSource source(ResolvedComponent component) {
        return component.specType() == SpecType.LOCAL ? new LocalSpecs() : upstream;
    }

    private static SourceTree upstream(UpstreamSource source, ResolvedComponent component) throws IOException {
        return source.fetch(component)
                .orElseThrow(() -> new IOException("no upstream spec " + component.upstreamName() + ".spec"));
    }

    /** What prepare renders from: {@code tree}, with the upstream history and the project's changes. */
    private RenderInput input(UpstreamSource source, ResolvedComponent component, SourceTree tree) throws IOException {
        RenderInputs.Changes changes = source.specOnly() ? RenderInputs.Changes.NONE : changes(source, component);
        return new RenderInput(
                tree,
                source.specOnly(),
                RenderInputs.history(source, component, tree),
                changes.changes(),
                changes.importCommit(),
                true);
    }

    private RenderInputs.Changes changes(UpstreamSource source, ResolvedComponent component) throws IOException {
        String identity = source.identity(component);
        try (LockHistory lockHistory = LockHistory.open(project.lockDir())) {
            return RenderInputs.changes(project, locks, lockHistory, component, identity);
        }
    }

    /** The tree with every lookaside archive and downloaded source file added (fetched in parallel). */
    private SourceTree withDownloads(ResolvedComponent component, SourceTree tree)
            throws IOException, InterruptedException, RenderException {
        List<SourceDownloads.Download> downloads = SourceDownloads.of(project, component, tree);
        List<Path> fetched = Parallel.map(
                downloads,
                PARALLEL_DOWNLOADS,
                download -> lookaside.fetch(download.template(), component.upstreamName(), download.entry()));
        for (int i = 0; i < downloads.size(); i++) {
            tree = tree.with(downloads.get(i).entry().filename(), read(fetched.get(i)));
        }
        return tree;
    }

    private static SourceFile read(Path file) throws IOException {
        return new SourceFile(InputFiles.read(file, InputFiles.Kind.SOURCE), false);
    }
}
