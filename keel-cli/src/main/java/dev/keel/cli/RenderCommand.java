package dev.keel.cli;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.RenderResult;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel component render}: the checked-in rendered specs. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        header = "Render components into the project's rendered specs directory",
        description = "Writes <rendered-specs-dir>/<letter>/<name>/: the overlaid spec, the sources file, the"
                + " generated macros file and the sidecar files the spec references. Unchanged components are"
                + " skipped; each changed directory is replaced atomically; failures leave a RENDER_FAILED marker."
                + " Upstream sources come from each distro's dist-git (a shared mirror cache; commit from the lock,"
                + " the upstream-commit pin, the snapshot date, else the branch head), or from --upstream-specs (a"
                + " directory or tarball like Fedora's rpm-specs-latest: specs only, no history). Local specs need"
                + " no upstream.")
public final class RenderCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @CommandLine.Mixin
    SpecSnapshotOption upstreamSpecs = new SpecSnapshotOption();

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            description = "Render here instead of the project's rendered-specs-dir.")
    Path outputDir;

    @Option(
            names = "--check-only",
            description = "The CI gate: write nothing; exit 1 when a component fails, when a rendered directory"
                    + " differs from what would be rendered (listing the files) or, with -a, when a directory"
                    + " belongs to no component.")
    boolean checkOnly;

    @Option(
            names = "--clean-stale",
            description = "Remove the rendered directories of components that no longer exist, if Keel wrote"
                    + " them (needs -a); any other is reported and kept, and the run exits 1.")
    boolean cleanStale;

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
        if (cleanStale && !filter.all) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clean-stale needs -a");
        }
        Project project = KeelCommand.project(spec);
        Map<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        UpstreamSource upstream = upstreamSpecs.openOrDistGit(project, fetch);
        RenderPipeline pipeline = new RenderPipeline(
                project,
                upstream,
                new RenderPipeline.Options(outputDir, checkOnly, filter.all, cleanStale, jobs.jobs(), null));
        Status status = KeelCommand.status(spec);
        ProgressBar progress = status.progress("rendering", selected.size());
        RenderPipeline.Report report = pipeline.run(selected.values(), (result, elapsed) -> {
            progress.step();
            status.detail(Reports.timing(result.component(), result.outcome().key(), elapsed));
        });
        progress.done();
        PathDisplay paths = PathDisplay.relativeTo(project.root());
        print(report, paths, status);
        return exitCode(report);
    }

    /**
     * 1 when any component failed; checking, also when anything differs or a stale directory is
     * there; rendering, also when --clean-stale could not remove a stale directory Keel did not write.
     */
    private int exitCode(RenderPipeline.Report report) {
        boolean stale = checkOnly
                ? !report.stale().isEmpty()
                : report.stale().stream().anyMatch(s -> cleanStale && !s.removed());
        boolean drift = checkOnly && report.changed();
        return report.failed() || stale || drift ? 1 : 0;
    }

    private void print(RenderPipeline.Report report, PathDisplay paths, Status status) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RenderResult result : report.results()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("component", result.component());
                row.put("status", result.outcome().key());
                row.put("outputDir", result.outputDir());
                row.put("changed", result.changed());
                row.put("reason", result.outcome() instanceof Outcome.Skipped skipped ? skipped.reason() : null);
                row.put(
                        "failure",
                        result.outcome() instanceof Outcome.Failed failed
                                ? Reports.failureJson(failed.failure(), paths)
                                : null);
                row.put("notes", result.notes());
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "status", "changed", "detail");
            for (RenderResult result : report.results()) {
                if (!(result.outcome() instanceof Outcome.Unchanged) || result.changed()) {
                    table.row(
                            result.component(),
                            result.outcome().key(),
                            result.changed() ? "yes" : "no",
                            detail(result, paths));
                }
            }
            for (RenderPipeline.StaleDirectory stale : report.stale()) {
                table.row(stale.directory(), "stale", stale.removed() ? "removed" : "no", staleDetail(stale));
            }
            out.print(table.render(output.format));
            for (RenderResult result : report.results()) {
                if (result.outcome() instanceof Outcome.Failed failed) {
                    err.print(FailureFormat.block(result.component(), failed.failure(), paths));
                }
            }
        }
        List<String> keys = new ArrayList<>();
        report.results().forEach(r -> keys.add(r.outcome().key()));
        String summary = Reports.count(report.results().size(), "component") + ": " + Reports.tally(keys);
        if (!report.stale().isEmpty()) {
            summary += "; " + Reports.count(report.stale().size(), "stale directory", "stale directories");
        }
        out.flush();
        err.flush();
        status.info(summary);
    }

    private static String detail(RenderResult result, PathDisplay paths) {
        if (result.outcome() instanceof Outcome.Failed failed) {
            return FailureFormat.line(failed.failure(), paths);
        }
        List<String> parts = new ArrayList<>();
        if (result.outcome() instanceof Outcome.Skipped skipped) {
            parts.add(skipped.reason());
        }
        parts.addAll(result.notes());
        return String.join("; ", parts);
    }

    private String staleDetail(RenderPipeline.StaleDirectory stale) {
        if (stale.removed()) {
            return "no component of that name: removed";
        }
        if (!stale.keelOwned()) {
            return "no component of that name, and Keel did not write it: remove it by hand";
        }
        return "no component of that name" + (checkOnly ? "" : ": --clean-stale removes it");
    }
}
