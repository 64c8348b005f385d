package dev.keel.core.render;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Parallel;
import dev.keel.core.lock.LockHistory;
import dev.keel.core.lock.LockStore;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.LookasideEntry;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        UpstreamSource source = component.specType() == SpecType.LOCAL ? new LocalSpecs() : upstream;
        SourceTree tree = source.fetch(component)
                .orElseThrow(() -> new IOException("no upstream spec " + component.upstreamName() + ".spec"));
        List<String> notes = new ArrayList<>();
        if (!options.skipSources()) {
            if (source.specOnly()) {
                notes.add("the spec snapshot has no upstream sources file: its lookaside archives are not"
                        + " downloaded, only the component's source-files");
            }
            tree = withDownloads(component, tree);
        }
        if (!options.skipOverlays()) {
            RenderInputs.Changes changes = source.specOnly() ? RenderInputs.Changes.NONE : changes(source, component);
            RenderedComponent rendered = renderer.render(
                    component,
                    new RenderInput(
                            tree,
                            source.specOnly(),
                            RenderInputs.history(source, component, tree),
                            changes.changes(),
                            changes.importCommit(),
                            true));
            tree = SourceTree.of(rendered.files());
            notes.addAll(rendered.notes());
        }
        tree.writeAsDirectory(output, options.force());
        return notes;
    }

    private RenderInputs.Changes changes(UpstreamSource source, ResolvedComponent component) throws IOException {
        String identity = source.identity(component);
        try (LockHistory lockHistory = LockHistory.open(project.lockDir())) {
            return RenderInputs.changes(project, locks, lockHistory, component, identity);
        }
    }

    /** One file to download: where from (a URI template) and what it must hash to. */
    private record Download(String template, LookasideEntry entry) {}

    /** The tree with every lookaside archive and downloaded source file added (fetched in parallel). */
    private SourceTree withDownloads(ResolvedComponent component, SourceTree tree)
            throws IOException, InterruptedException, RenderException {
        List<Download> downloads = new ArrayList<>();
        Optional<SourceFile> manifest = tree.get("sources");
        if (manifest.isPresent()) {
            String template = lookasideTemplate(component);
            for (LookasideEntry entry : SourcesFile.parse(
                            new String(manifest.get().content(), StandardCharsets.UTF_8))
                    .lookasideEntries()) {
                downloads.add(new Download(template, entry));
            }
        }
        List<SourceFileRef> sourceFiles = component.config().sourceFiles();
        for (SourceFileRef file : sourceFiles == null ? List.<SourceFileRef>of() : sourceFiles) {
            OriginType origin = file.origin() == null ? null : file.origin().type();
            if (origin == OriginType.CUSTOM) {
                throw new IOException("source file " + file.filename()
                        + " has a custom origin (a script run in mock), which Keel does not run yet");
            }
            if (origin == OriginType.DOWNLOAD) {
                downloads.add(new Download(
                        file.origin().uri(), new LookasideEntry(file.hashType().name(), file.filename(), file.hash())));
            }
        }
        for (Download download : downloads) {
            requirePlainName(download.entry().filename());
        }
        List<Path> fetched = Parallel.map(
                downloads,
                PARALLEL_DOWNLOADS,
                download -> lookaside.fetch(download.template(), component.upstreamName(), download.entry()));
        for (int i = 0; i < downloads.size(); i++) {
            tree = tree.with(downloads.get(i).entry().filename(), read(fetched.get(i)));
        }
        return tree;
    }

    private String lookasideTemplate(ResolvedComponent component) throws IOException {
        return project.distroVersion(component)
                .map(Project.DistroVersion::distro)
                .map(distro -> distro.lookasideBaseUri())
                .filter(uri -> !uri.isEmpty())
                .orElseThrow(() -> new IOException("component " + component.name()
                        + " lists lookaside files, but its distro has no lookaside-base-uri"));
    }

    /** Refuses names that are not a plain file name (they come from upstream and the configuration). */
    private static void requirePlainName(String filename) throws IOException {
        if (filename.isEmpty()
                || filename.contains("/")
                || filename.contains("\\")
                || filename.equals(".")
                || filename.equals("..")) {
            throw new IOException("source file name '" + filename + "' is not a plain file name");
        }
    }

    private static SourceFile read(Path file) throws IOException {
        return new SourceFile(InputFiles.read(file, InputFiles.Kind.SOURCE), false);
    }
}
