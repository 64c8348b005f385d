package dev.keel.cli;

import dev.keel.build.BuildOutcome;
import dev.keel.build.BuildPipeline;
import dev.keel.build.BuildResult;
import dev.keel.build.PreservePolicy;
import dev.keel.build.backend.BuildBackend;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.graph.BuildGraph;
import dev.keel.build.graph.DependencyGraph;
import dev.keel.build.graph.FactExtractor;
import dev.keel.build.graph.ProjectGraph;
import dev.keel.build.mock.DistroMacros;
import dev.keel.build.mock.MockBackend;
import dev.keel.build.tool.HostArch;
import dev.keel.build.tool.HostTool;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.render.SourcePreparer;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel component build}: build components into RPMs, in dependency order. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        header = "Build components into RPMs and SRPMs, in dependency order",
        description = "Each component's sources are prepared as prepare-sources does, then built by the backend"
                + " (local: rpmbuild on this host, in a private mount namespace with the RPMs of the in-distro"
                + " components it needs shown over the host's directories; needs root. mock: mock with the"
                + " distro version's mock configuration). Components build in"
                + " parallel, each once what it needs is built; a component whose sources, dependencies and"
                + " options are unchanged since its last build is not rebuilt. Results go to the project's"
                + " output-dir: srpms/ and rpms/<publish channel>/; logs to log-dir/<component>.log.")
public final class BuildCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @Option(
            names = {"-k", "--continue-on-error"},
            description = "After a failure, keep building what does not depend on it (default: start nothing new).")
    boolean keepGoing;

    @Option(names = "--srpm-only", description = "Build source RPMs only.")
    boolean srpmOnly;

    @Option(names = "--no-check", description = "Skip the specs' %%check sections.")
    boolean noCheck;

    @Option(
            names = "--local-repo",
            paramLabel = "DIR",
            description = "An RPM repository whose packages may satisfy build requirements (repeatable).")
    List<Path> localRepos = new ArrayList<>();

    @Option(
            names = "--local-repo-with-publish",
            paramLabel = "DIR",
            description = "Also copy each component's RPMs into this repository and update it with createrepo_c.")
    Path publishRepo;

    @Option(
            names = "--preserve-buildenv",
            paramLabel = "WHEN",
            converter = PreserveConverter.class,
            description = "When to keep a build's work directory: on-failure (default), always or never.")
    PreservePolicy preserve = PreservePolicy.ON_FAILURE;

    @Option(names = "--rebuild", description = "Build even the components that are unchanged.")
    boolean rebuild;

    @Option(
            names = "--backend",
            paramLabel = "NAME",
            description = "The build backend: local (rpmbuild on this host, the default), mock (mock with the"
                    + " distro version's mock configuration; mock is not packaged for Debian 12) or koji (a Koji"
                    + " hub, with the --koji-* options).")
    String backend = "local";

    @CommandLine.Mixin
    KojiOptions koji = new KojiOptions();

    @CommandLine.Mixin
    FetchOptions fetch = new FetchOptions();

    @CommandLine.Mixin
    JobsOption jobs = new JobsOption();

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        filter.check(spec.commandLine());
        checkOptions();
        Project project = KeelCommand.project(spec);
        SortedMap<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        List<HostTool> more = publishRepo == null ? List.of() : List.of(HostTool.CREATEREPO);
        if (backend.equals("mock")) {
            MockBackend.requireHost(MockBuild.executable(), more);
        } else {
            LocalBackend.requireHost(more);
        }
        Status status = KeelCommand.status(spec);
        DistroMacros.Result macros = DistroMacros.of(project);
        macros.notes().forEach(note -> status.info("note: " + Reports.printable(note)));
        UpstreamSource upstream = new DistGitSource(project, fetch.mirrors(), new LockStore(project.lockDir()));
        SourcePreparer preparer = new SourcePreparer(project, upstream, fetch.lookaside());
        LocalBackend local = new LocalBackend(LocalBackend.Options.of(
                macros.macros(), localRepos, project.workDir().resolve("tool-home")));
        BuildBackend builder = backend.equals("mock") ? MockBuild.backend(project, localRepos) : local;
        builder.identity(); // fails once, not per component, on a --local-repo that is no repository
        if (backend.equals("koji")) {
            return new KojiBuild(project, koji, status)
                    .run(
                            keepGoing,
                            graph(project, macros, upstream, selected, status),
                            selected,
                            preparer,
                            local,
                            output,
                            spec.commandLine().getOut());
        }
        BuildPipeline pipeline = new BuildPipeline(
                project,
                graph(project, macros, upstream, selected, status),
                (component, into) -> preparer.prepare(component, into, new SourcePreparer.Options(false, false, false)),
                builder,
                new BuildPipeline.Options(
                        jobs.jobs(), keepGoing, srpmOnly, noCheck, rebuild, preserve, publishRepo, null));
        ProgressBar progress =
                status.progress("building", pipeline.nodes(selected.keySet()).size());
        BuildPipeline.Report report = pipeline.run(selected, result -> {
            progress.step();
            status.detail(Reports.timing(result.component(), result.outcome().key(), result.elapsed()));
        });
        progress.done();
        print(report, PathDisplay.relativeTo(project.root()), status);
        return report.failed() ? 1 : 0;
    }

    /**
     * The dependency graph of every component of the project (a selected component may need one
     * outside the selection), read with the build's macros from the rendered tree, or without one
     * from the upstream the build renders from; none for source RPMs, which need nothing built.
     */
    private BuildGraph graph(
            Project project,
            DistroMacros.Result macros,
            UpstreamSource upstream,
            SortedMap<String, ResolvedComponent> selected,
            Status status)
            throws IOException, InterruptedException {
        if (srpmOnly) {
            return BuildGraph.independent(selected.keySet());
        }
        FactExtractor extractor = new FactExtractor(HostArch.rpm(), macros.macros());
        DependencyGraph graph = ProjectGraph.of(
                project,
                ProjectGraph.renderedOr(project, upstream, extractor, jobs.jobs()),
                project.components().keySet());
        graph.unreadable().stream()
                .filter(note -> selected.containsKey(note.component()))
                .forEach(note -> status.info("note: " + note.component() + ": its build requirements are unknown, so it"
                        + " waits for nothing: " + Reports.printable(note.text())));
        return graph.graph();
    }

    private void checkOptions() {
        if (!List.of("local", "mock", "koji").contains(backend)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown backend '" + backend + "': the backends are local, mock and koji");
        }
        koji.check(spec.commandLine());
        if (!backend.equals("koji") && koji.any()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--scratch, --nowait, --from-scm, --wait-repo-timeout and --koji-* go with --backend koji");
        }
        if (backend.equals("koji") && (srpmOnly || publishRepo != null || !localRepos.isEmpty())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--backend koji builds in Koji: --srpm-only, --local-repo and --local-repo-with-publish are for"
                            + " the local and mock backends");
        }
        if (srpmOnly && publishRepo != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--srpm-only and --local-repo-with-publish cannot be used together");
        }
        Path publish = publishRepo == null ? null : publishRepo.toAbsolutePath().normalize();
        if (publish != null
                && localRepos.stream()
                        .anyMatch(r -> r.toAbsolutePath().normalize().equals(publish))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--local-repo " + publishRepo + " is also --local-repo-with-publish");
        }
    }

    private void print(BuildPipeline.Report report, PathDisplay paths, Status status) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BuildResult result : report.results()) {
                rows.add(json(result, paths));
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "status", "rpms", "seconds", "detail");
            for (BuildResult result : report.results()) {
                table.row(
                        result.component(),
                        result.outcome().key(),
                        result.rpms().size(),
                        seconds(result),
                        detail(result, paths));
            }
            out.print(table.render(output.format));
            for (BuildResult result : report.results()) {
                if (result.outcome() instanceof BuildOutcome.Failed failed) {
                    err.print(FailureFormat.block(result.component(), failed.failure(), paths));
                }
            }
        }
        List<String> keys = new ArrayList<>();
        report.results().forEach(r -> keys.add(r.outcome().key()));
        out.flush();
        err.flush();
        long stage1 = report.results().stream()
                .filter(r -> r.component().endsWith(BuildGraph.STAGE1))
                .count();
        status.info(Reports.count(report.results().size() - stage1, "component")
                + (stage1 == 0 ? "" : " and " + Reports.count(stage1, "stage-1 build"))
                + ": " + Reports.tally(keys));
    }

    private static Map<String, Object> json(BuildResult result, PathDisplay paths) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("component", result.component());
        row.put("status", result.outcome().key());
        row.put("srpm", result.srpm() == null ? null : paths.show(result.srpm()));
        row.put(
                "rpms",
                result.rpms().stream().map(rpm -> paths.show(rpm.path())).toList());
        row.put("log", result.log() == null ? null : paths.show(result.log()));
        row.put("seconds", Double.valueOf(seconds(result)));
        row.put("blockedBy", result.outcome() instanceof BuildOutcome.Blocked blocked ? blocked.by() : List.of());
        row.put(
                "failure",
                result.outcome() instanceof BuildOutcome.Failed failed
                        ? Reports.failureJson(failed.failure(), paths)
                        : null);
        row.put("notes", result.notes());
        return row;
    }

    private static String seconds(BuildResult result) {
        return String.format(Locale.ROOT, "%.1f", result.elapsed().toMillis() / 1000.0);
    }

    private static String detail(BuildResult result, PathDisplay paths) {
        List<String> parts = new ArrayList<>();
        if (result.outcome() instanceof BuildOutcome.Failed failed) {
            parts.add(FailureFormat.line(failed.failure(), paths));
        } else if (result.outcome() instanceof BuildOutcome.Blocked blocked) {
            parts.add(blocked.reason());
        } else if (result.outcome() instanceof BuildOutcome.Skipped skipped) {
            parts.add(skipped.reason());
        }
        parts.addAll(result.notes());
        return String.join("; ", parts);
    }

    /** {@code on-failure}, {@code always}, {@code never}. */
    static final class PreserveConverter implements CommandLine.ITypeConverter<PreservePolicy> {
        @Override
        public PreservePolicy convert(String value) {
            return switch (value) {
                case "on-failure" -> PreservePolicy.ON_FAILURE;
                case "always" -> PreservePolicy.ALWAYS;
                case "never" -> PreservePolicy.NEVER;
                default ->
                    throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not one of on-failure, always, never");
            };
        }
    }
}
