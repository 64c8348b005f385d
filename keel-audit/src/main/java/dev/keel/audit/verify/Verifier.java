package dev.keel.audit.verify;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.FileTrees;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.LocalSpecs;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.RenderedTree;
import dev.keel.core.render.SourcePreparer;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.MirrorCache;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Re-derives a project's checked-in rendered directories and compares them byte for byte: each
 * selected component is rendered in memory (the same pipeline as {@code component render}, so
 * the same bytes), its directory read as it is checked in, its lookaside files downloaded and
 * hash-checked, and the archives its archive overlays make re-made from them as {@code component
 * prepare-sources} makes them and checked against their recorded hashes. Nothing is written into
 * the project or Keel's cache: upstream repositories and lookaside files go to a scratch cache in a
 * temporary directory, removed at the end, unless the policy is offline, when the user's cache is
 * only read and what it lacks makes a component unverifiable. Results are sorted by component,
 * whatever the thread count.
 */
public final class Verifier {

    /**
     * How to verify.
     *
     * @param policy how to reach the network; offline reads {@code cache} instead of a scratch one
     * @param cache Keel's cache, read when offline and never written
     * @param jobs parallel workers
     */
    public record Options(FetchPolicy policy, Path cache, int jobs) {}

    /**
     * Told about each component as it is verified, with the time rendering and checking it took
     * (called from worker threads).
     */
    @FunctionalInterface
    public interface Progress {
        void done(Verification verification, Duration elapsed);
    }

    private final Project project;
    private final Optional<UpstreamSource> specSnapshot;
    private final Options options;

    /**
     * @param specSnapshot a spec snapshot to take upstream specs from instead of dist-git (only the
     *     rendered files are then compared: a snapshot has no lookaside manifest)
     */
    public Verifier(Project project, Optional<UpstreamSource> specSnapshot, Options options) {
        this.project = project;
        this.specSnapshot = specSnapshot;
        this.options = options;
    }

    /**
     * Verifies the components; with {@code findStale} (every component selected), also reports the
     * rendered directories that belong to no component.
     */
    public VerificationReport verify(Collection<ResolvedComponent> components, boolean findStale, Progress progress)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("keel-verify-");
        try {
            Path cacheRoot = options.policy().offline() ? options.cache() : scratch.resolve("cache");
            Run run = new Run(cacheRoot, scratch.resolve("render"));
            Map<String, ResolvedComponent> byName = new TreeMap<>();
            components.forEach(component -> byName.put(component.name(), component));
            List<Verification> verifications = new ArrayList<>(run.pipeline.renderInMemory(byName.values(), result -> {
                long start = System.nanoTime();
                Verification verification = run.judge(byName.get(result.component()), result);
                progress.done(verification, result.elapsed().plusNanos(System.nanoTime() - start));
                return verification;
            }));
            List<String> stale = findStale ? run.pipeline.staleDirectories() : List.of();
            List<String> notes = specSnapshot.isPresent()
                    ? List.of("with --upstream-specs only the rendered files are compared: a spec snapshot has"
                            + " no lookaside manifest to check")
                    : List.of();
            return new VerificationReport(verifications, stale, notes);
        } finally {
            FileTrees.delete(scratch);
        }
    }

    /** One verification run: its caches, sources and pipeline. */
    private final class Run {

        private final RenderPipeline pipeline;
        private final UpstreamSource upstream;
        private final UpstreamSource local = new LocalSpecs();
        private final LookasideChecker lookaside;
        private final SourcePreparer preparer;
        private final LockStore locks = new LockStore(project.lockDir());

        Run(Path cacheRoot, Path renderScratch) {
            upstream = specSnapshot.orElseGet(
                    () -> new DistGitSource(project, new MirrorCache(cacheRoot, options.policy()), locks));
            pipeline = new RenderPipeline(
                    project,
                    upstream,
                    new RenderPipeline.Options(null, true, false, false, options.jobs(), renderScratch));
            LookasideCache cache = new LookasideCache(cacheRoot, options.policy());
            lookaside = new LookasideChecker(project, cache, options.policy().offline());
            preparer = new SourcePreparer(project, upstream, cache);
        }

        /** The verdict on one component rendered in memory; every failure becomes a verdict, none escapes. */
        Verification judge(ResolvedComponent component, RenderPipeline.InMemory result) {
            String directory = RenderedTree.relativeDir(component.name());
            Optional<Failure> failure = result.outcome() instanceof Outcome.Failed failed
                    ? Optional.of(failed.failure())
                    : Optional.empty();
            try {
                Optional<SortedMap<String, SourceFile>> wanted = pipeline.wantedDirectory(component, result);
                SortedMap<String, SourceFile> current = pipeline.currentDirectory(component.name());
                if (wanted.isEmpty() && result.outcome() instanceof Outcome.Skipped skipped && current.isEmpty()) {
                    return new Verification(
                            component.name(),
                            Verification.Status.VERIFIED,
                            directory,
                            List.of(),
                            List.of(),
                            List.of(),
                            Optional.empty(),
                            List.of(skipped.reason() + ", and the tree has no directory for it: nothing to check"));
                }
                if (wanted.isEmpty()) {
                    Failure why = failure.orElseGet(() -> Failure.of(Failure.Kind.UPSTREAM, skipReason(result)));
                    return unverifiable(component, why);
                }
                List<FileDifference> files = TreeDifferences.between(wanted.get(), current);
                List<LookasideCheck> checks = List.of();
                List<ArchiveCheck> archives = List.of();
                if (result.rendered().isPresent() && specSnapshot.isEmpty()) {
                    SourceTree sources = sources(component);
                    OverlayArchives made = new OverlayArchives(preparer, component, sources);
                    checks = lookaside.check(component, sources, made);
                    archives = made.checks(checks);
                }
                return new Verification(
                        component.name(),
                        status(files, checks, archives),
                        directory,
                        files,
                        checks,
                        archives,
                        failure,
                        notes(component, failure));
            } catch (RenderException e) {
                return unverifiable(component, e.failure());
            } catch (IOException | RuntimeException e) {
                return unverifiable(component, Failures.of(e, Failure.Kind.FILESYSTEM));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unverifiable(component, Failure.of(Failure.Kind.INTERNAL, "interrupted"));
            }
        }

        private Verification unverifiable(ResolvedComponent component, Failure why) {
            return new Verification(
                    component.name(),
                    Verification.Status.UNVERIFIABLE,
                    RenderedTree.relativeDir(component.name()),
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.of(why),
                    List.of());
        }

        /** The upstream sources the render read (fetched once per run, so this reads them again from memory). */
        private SourceTree sources(ResolvedComponent component) throws IOException {
            UpstreamSource source = component.specType() == SpecType.LOCAL ? local : upstream;
            return source.fetch(component)
                    .orElseThrow(() -> new IOException("no upstream spec " + component.upstreamName() + ".spec"));
        }

        /**
         * What qualifies the verdict: a render that fails (so its marker is what was compared), and a
         * component without a lock that follows its branch, whose render changes when the branch moves.
         */
        private List<String> notes(ResolvedComponent component, Optional<Failure> failure) throws IOException {
            if (failure.isPresent()) {
                return List.of("its inputs do not render: the directory is compared with the RENDER_FAILED marker"
                        + " rendering writes");
            }
            List<String> notes = new ArrayList<>();
            // the render read the lock already, so reading it again cannot fail on its content
            if (specSnapshot.isEmpty()
                    && component.specType() != SpecType.LOCAL
                    && upstream instanceof DistGitSource distGit
                    && locks.read(component.name()).isEmpty()
                    && distGit.target(component).tracksHead()) {
                notes.add("no lock: rendered from the branch head as it is now, which moves");
            }
            return notes;
        }
    }

    private static String skipReason(RenderPipeline.InMemory result) {
        return result.outcome() instanceof Outcome.Skipped skipped
                ? skipped.reason() + ", so the checked-in directory cannot be checked"
                : "not rendered";
    }

    private static Verification.Status status(
            List<FileDifference> files, List<LookasideCheck> checks, List<ArchiveCheck> archives) {
        if (!files.isEmpty()
                || checks.stream().anyMatch(c -> c.status() == LookasideCheck.Status.MISMATCH)
                || archives.stream().anyMatch(a -> a.status() == ArchiveCheck.Status.MISMATCH)) {
            return Verification.Status.DIFFERS;
        }
        if (checks.stream().anyMatch(c -> c.status() == LookasideCheck.Status.UNAVAILABLE)
                || archives.stream().anyMatch(a -> a.status() == ArchiveCheck.Status.FAILED)) {
            return Verification.Status.UNVERIFIABLE;
        }
        return Verification.Status.VERIFIED;
    }
}
