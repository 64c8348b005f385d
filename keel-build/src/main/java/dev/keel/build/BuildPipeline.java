package dev.keel.build;

import dev.keel.build.backend.BackendResult;
import dev.keel.build.backend.BuildBackend;
import dev.keel.build.backend.BuildRequest;
import dev.keel.build.graph.BuildGraph;
import dev.keel.build.graph.ProjectGraph;
import dev.keel.build.repo.BuildRecord;
import dev.keel.build.repo.OutputRepository;
import dev.keel.build.repo.PublishChannels;
import dev.keel.build.repo.PublishRepository;
import dev.keel.build.tool.RpmHeaders;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.CacheLock;
import dev.keel.core.io.FileTrees;
import dev.keel.core.io.KeelCache;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.render.OutputGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code keel component build}: the selected components built in dependency order by a {@link
 * BuildBackend} and published to the project's output directory ({@link OutputRepository}), one
 * component at a time each as soon as what it needs is published, up to {@code jobs} at once
 * ({@link BuildScheduler}). A component whose {@link BuildFingerprint} and published files are as
 * its last build left them is {@code unchanged} and not rebuilt; a component is built against the
 * published RPMs of the in-distro components it needs, directly or through others, so a change
 * that changes a component's RPMs rebuilds everything that depends on it. Each build writes
 * {@code <log-dir>/<node>.log} and works in {@code <work-dir>/build/<node>/}.
 *
 * <p>A selected component with a stage-1 node in the graph ({@code NAME@stage1}, see {@link
 * BuildGraph#bootstrap()}) is also built with its bootstrap's conditionals, as a node of its own
 * with its own build record and report row; its RPMs are kept in {@code bootstrap/NAME/} of the
 * output directory for the nodes that need them, never published.
 */
public final class BuildPipeline {

    /**
     * @param jobs the most components built at once
     * @param keepGoing after a failure, keep building what does not depend on it
     * @param srpmOnly build source RPMs only
     * @param noCheck skip {@code %check}
     * @param rebuild build even unchanged components
     * @param preserve when to keep a build's work directory
     * @param publishRepo the {@code --local-repo-with-publish} repository, or null
     * @param cacheDir where build records are kept, or null for {@link KeelCache#directory()}
     */
    public record Options(
            int jobs,
            boolean keepGoing,
            boolean srpmOnly,
            boolean noCheck,
            boolean rebuild,
            PreservePolicy preserve,
            Path publishRepo,
            Path cacheDir) {}

    /** What a run did: a result per selected component and stage-1 build, sorted by name. */
    public record Report(List<BuildResult> results) {

        public boolean failed() {
            return results.stream().anyMatch(r -> !r.outcome().usable());
        }
    }

    private final Project project;
    private final BuildGraph graph;
    private final SourceProvider sources;
    private final BuildBackend backend;
    private final Options options;
    private final OutputRepository output;
    private final BuildRecords records;
    private final PublishChannels channels;
    private final Path cacheRoot;
    private final Map<String, BuildRecord> published = new ConcurrentHashMap<>();

    public BuildPipeline(
            Project project, BuildGraph graph, SourceProvider sources, BuildBackend backend, Options options) {
        this.project = project;
        this.graph = graph;
        this.sources = sources;
        this.backend = backend;
        this.options = options;
        this.output = new OutputRepository(project.outputDir());
        this.cacheRoot = options.cacheDir() != null ? options.cacheDir() : KeelCache.directory();
        this.records = new BuildRecords(cacheRoot, project.outputDir());
        this.channels = new PublishChannels(project);
    }

    /** Builds the components, telling {@code done} about each as it ends. One run per output directory at a time. */
    public Report run(SortedMap<String, ResolvedComponent> selected, Consumer<BuildResult> done)
            throws IOException, InterruptedException {
        OutputGuard.of(project).check(project.outputDir(), "output-dir");
        try (CacheLock lock = CacheLock.acquire(records.lockFile())) {
            PublishRepository publishRepo = publishRepository();
            Set<String> expensive = ProjectGraph.expensive(selected.values());
            BuildGraph order = order(selected.keySet());
            SortedMap<String, BuildNode> nodes = BuildNode.of(order, selected);
            List<BuildResult> results = new BuildScheduler(order, selected.keySet(), expensive)
                    .run(
                            new BuildScheduler.Options(options.jobs(), options.keepGoing()),
                            node -> build(nodes.get(node), publishRepo),
                            done);
            return new Report(results);
        }
    }

    /**
     * What a run of {@code selected} builds, each a row of its report: the components and the
     * stage-1 builds ({@code NAME@stage1}) of those that have one.
     */
    public SortedSet<String> nodes(Set<String> selected) {
        return order(selected).nodes(selected);
    }

    /** The graph to build {@code selected} in: the dependency graph, or none for source RPMs only. */
    private BuildGraph order(Set<String> selected) {
        return options.srpmOnly() ? BuildGraph.independent(selected) : graph;
    }

    private PublishRepository publishRepository() throws IOException, InterruptedException {
        if (options.publishRepo() == null || options.srpmOnly()) {
            return null;
        }
        PublishRepository repository = new PublishRepository(
                options.publishRepo(), new ToolRunner(project.workDir().resolve("tool-home")), cacheRoot);
        repository.initialize(project.logDir().resolve("createrepo.log"));
        return repository;
    }

    private BuildResult build(BuildNode node, PublishRepository publishRepo) {
        long start = System.nanoTime();
        String name = node.name();
        ResolvedComponent component = node.component();
        Path work = project.workDir().resolve("build").resolve(name);
        Path log = project.logDir().resolve(name + ".log");
        List<String> notes = new ArrayList<>();
        if (node.stage1()) {
            notes.add("stage-1 build (" + node.conditionals().describe()
                    + "): kept for the builds that need it, not published");
        }
        boolean succeeded = false;
        try {
            Optional<BuildRecord> previous = records.read(name);
            SortedMap<String, Path> dependencies = new TreeMap<>();
            if (!options.srpmOnly()) {
                Optional<BuildResult> blocked = dependencies(name, dependencies, notes);
                if (blocked.isPresent()) {
                    return blocked.get();
                }
            }
            FileTrees.delete(work);
            Path prepared = work.resolve("sources");
            notes.addAll(sources.prepare(component, prepared));
            SortedMap<String, String> digests = new TreeMap<>();
            for (Map.Entry<String, Path> dependency : dependencies.entrySet()) {
                digests.put(dependency.getKey(), BuildFingerprint.sha256(dependency.getValue()));
            }
            String fingerprint = BuildFingerprint.of(backend.identity(), fingerprintOptions(node), prepared, digests);
            if (!options.rebuild()
                    && !options.srpmOnly()
                    && previous.isPresent()
                    && previous.get().fingerprint().equals(fingerprint)
                    && records.intact(previous.get())) {
                published.put(name, previous.get());
                succeeded = true;
                return result(name, new BuildOutcome.Unchanged(), previous.get(), null, start, notes);
            }
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.deleteIfExists(log);
            Files.createFile(log);
            BackendResult built = backend.build(new BuildRequest(
                    component.name(),
                    prepared,
                    component.name() + ".spec",
                    node.conditionals(),
                    List.copyOf(dependencies.values()),
                    work.resolve("backend"),
                    log,
                    options.srpmOnly(),
                    options.noCheck()));
            notes.addAll(built.notes());
            if (!built.succeeded()) {
                return result(name, new BuildOutcome.Failed(built.failure()), null, log, start, notes);
            }
            BuildRecord record = publish(node, fingerprint, built, previous.orElse(null), publishRepo, log, work);
            succeeded = true;
            return result(name, new BuildOutcome.Built(), record, log, start, notes);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Failure failure = Failures.of(e, Failure.Kind.FILESYSTEM);
            return result(name, new BuildOutcome.Failed(failure), null, Files.exists(log) ? log : null, start, notes);
        } finally {
            if (!options.preserve().keep(succeeded)) {
                try {
                    FileTrees.delete(work);
                } catch (IOException e) {
                    notes.add("cannot remove the build directory " + work + ": " + e.getMessage());
                }
            }
        }
    }

    /** The build options that change outputs, with a stage-1 build's conditionals. */
    private String fingerprintOptions(BuildNode node) {
        String text = "srpm-only=" + options.srpmOnly() + " no-check=" + options.noCheck();
        return node.conditionals().isEmpty()
                ? text
                : text + " " + node.conditionals().describe();
    }

    /**
     * Collects the kept RPMs of every node {@code node} needs, directly or through others (not the
     * debug packages), a stage-1 build's only when the closure does not also hold its component's
     * final build, which replaces it; empty unless one of them has never been built.
     */
    private Optional<BuildResult> dependencies(String node, SortedMap<String, Path> dependencies, List<String> notes)
            throws IOException {
        Set<String> cycle = cyclePartners(node);
        SortedSet<String> missing = new TreeSet<>();
        SortedMap<String, BuildRecord> found = new TreeMap<>();
        for (String dependency : closure(node)) {
            Optional<BuildRecord> record = Optional.ofNullable(published.get(dependency));
            if (record.isEmpty()) {
                record = records.read(dependency).filter(records::intact);
            }
            if (record.isPresent()) {
                found.put(dependency, record.get());
            } else if (cycle.contains(dependency)) {
                notes.add("built without " + dependency + " (a dependency cycle; it has not been built yet)");
            } else {
                missing.add(dependency);
            }
        }
        found.keySet()
                .removeIf(dependency -> graph.bootstrap().containsKey(dependency)
                        && found.containsKey(graph.bootstrap().get(dependency).component()));
        for (BuildRecord record : found.values()) {
            for (BuildRecord.Artifact rpm : record.rpms()) {
                if (!PublishChannels.isDebug(rpm.name())) {
                    dependencies.put(
                            Path.of(rpm.path()).getFileName().toString(),
                            output.root().resolve(rpm.path()));
                }
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BuildResult.of(
                node,
                new BuildOutcome.Blocked(
                        List.copyOf(missing),
                        "needs " + String.join(", ", missing) + ", which has not been built: build it first or with it"
                                + (missing.stream().anyMatch(graph.bootstrap()::containsKey)
                                        ? " (a stage-1 build comes with its component)"
                                        : ""))));
    }

    /** Every node {@code node} needs, directly or through others, itself excluded. */
    private SortedSet<String> closure(String node) {
        SortedSet<String> found = new TreeSet<>();
        List<String> queue = new ArrayList<>(graph.dependsOn().getOrDefault(node, new TreeSet<>()));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            if (!next.equals(node) && found.add(next)) {
                queue.addAll(graph.dependsOn().getOrDefault(next, new TreeSet<>()));
            }
        }
        return found;
    }

    private Set<String> cyclePartners(String node) {
        for (List<String> cycle : graph.cycles()) {
            if (cycle.contains(node)) {
                return Set.copyOf(cycle);
            }
        }
        return Set.of();
    }

    private BuildRecord publish(
            BuildNode node,
            String fingerprint,
            BackendResult built,
            BuildRecord previous,
            PublishRepository publishRepo,
            Path log,
            Path work)
            throws IOException, InterruptedException {
        ToolRunner runner = new ToolRunner(work.resolve("home"));
        List<Path> files = new ArrayList<>();
        files.add(built.srpm());
        files.addAll(built.rpms());
        List<RpmHeaders.Header> headers = RpmHeaders.read(files, runner, log);
        if (node.stage1()) {
            return keepStage1(node, fingerprint, headers, previous);
        }
        ResolvedComponent component = node.component();
        OutputRepository.Output srpm = new OutputRepository.Output(
                built.srpm(), headers.get(0).name(), PublishChannels.srpmChannel(component.config()));
        List<OutputRepository.Output> rpms = new ArrayList<>();
        for (RpmHeaders.Header header : headers.subList(1, headers.size())) {
            rpms.add(new OutputRepository.Output(
                    header.file(), header.name(), channels.rpmChannel(component.config(), header.name())));
        }
        if (options.srpmOnly()) {
            return output.publishSource(srpm, previous);
        }
        BuildRecord record = output.publish(fingerprint, srpm, rpms, previous);
        if (publishRepo != null) {
            List<Path> copies = record.rpms().stream()
                    .map(rpm -> output.root().resolve(rpm.path()))
                    .toList();
            List<String> repoCopies =
                    publishRepo.publish(copies, previous == null ? List.of() : previous.repoCopies(), log);
            record = new BuildRecord(record.fingerprint(), record.srpm(), record.rpms(), repoCopies);
        }
        return remember(node.name(), record);
    }

    /**
     * Keeps a stage-1 build's RPMs in {@code bootstrap/<component>/}: neither in the channels nor
     * in the {@code --local-repo-with-publish} repository, where they would clash with the final
     * build's, which usually has the same file names.
     */
    private BuildRecord keepStage1(
            BuildNode node, String fingerprint, List<RpmHeaders.Header> headers, BuildRecord previous)
            throws IOException {
        List<OutputRepository.Output> files = headers.stream()
                .map(header -> new OutputRepository.Output(header.file(), header.name(), ""))
                .toList();
        BuildRecord record = output.keepStage1(
                node.component().name(), fingerprint, files.get(0), files.subList(1, files.size()), previous);
        return remember(node.name(), record);
    }

    /** Writes a node's build record and makes its RPMs available to the nodes that need it. */
    private BuildRecord remember(String node, BuildRecord record) throws IOException {
        records.write(node, record);
        published.put(node, record);
        return record;
    }

    private BuildResult result(
            String node, BuildOutcome outcome, BuildRecord record, Path log, long start, List<String> notes) {
        Path srpm = record == null || record.srpm() == null
                ? null
                : output.root().resolve(record.srpm().path());
        List<BuildResult.PublishedRpm> rpms = record == null
                ? List.of()
                : record.rpms().stream()
                        .map(rpm -> new BuildResult.PublishedRpm(
                                output.root().resolve(rpm.path()), rpm.name(), rpm.channel()))
                        .toList();
        return new BuildResult(node, outcome, srpm, rpms, log, Duration.ofNanos(System.nanoTime() - start), notes);
    }
}
