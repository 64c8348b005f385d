package dev.keel.cli;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.lock.LockStore;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.RenderResult;
import dev.keel.core.render.UpstreamSource;
import dev.keel.core.source.DistGitSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
        description = {
            "Render components into <rendered-specs-dir>/<letter>/<name>/: the overlaid spec, the sources file,",
            "the generated macros file and the sidecar files the spec references. Unchanged components are",
            "skipped; each changed directory is replaced atomically; failures leave a RENDER_FAILED marker.",
            "Upstream sources come from each distro's dist-git (a shared mirror cache; commit from the lock, the",
            "upstream-commit pin, the snapshot date, else the branch head), or from --upstream-specs (a directory or",
            "tarball like Fedora's rpm-specs-latest: specs only, no history). Local specs need no upstream."
        })
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
            description = "Write nothing; exit 1 and list what differs when the rendered specs are stale.")
    boolean checkOnly;

    @Option(
            names = "--clean-stale",
            description = "Remove rendered directories of components that no longer exist (needs -a).")
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
        if (cleanStale && !filter.all) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clean-stale needs -a");
        }
        Project project =
                KeelCommand.projectOptions(spec).load(spec.commandLine().getErr());
        Map<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        UpstreamSource upstream = upstreamSpecs
                .open()
                .<UpstreamSource>map(snapshot -> snapshot)
                .orElseGet(() -> new DistGitSource(project, fetch.mirrors(), new LockStore(project.lockDir())));
        RenderPipeline pipeline = new RenderPipeline(
                project, upstream, new RenderPipeline.Options(outputDir, checkOnly, cleanStale, jobs.jobs(), null));
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "rendering", selected.size());
        RenderPipeline.Report report = pipeline.run(selected.values(), result -> progress.step());
        progress.done();
        print(report);
        boolean stale = report.results().stream().anyMatch(r -> r.changed())
                || !report.stale().isEmpty();
        boolean failed = report.results().stream().anyMatch(r -> r.status() == RenderResult.Status.ERROR);
        // --check-only is a gate for drift: a known failure whose marker is in place is not drift.
        return checkOnly ? (stale ? 1 : 0) : (failed ? 1 : 0);
    }

    private void print(RenderPipeline.Report report) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RenderResult result : report.results()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("component", result.component());
                row.put("status", result.status().key());
                row.put("outputDir", result.outputDir());
                row.put("changed", result.changed());
                row.put("error", result.error());
                if (!result.notes().isEmpty()) {
                    row.put("notes", result.notes());
                }
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "status", "changed", "detail");
            for (RenderResult result : report.results()) {
                if (result.status() != RenderResult.Status.UNCHANGED) {
                    String detail = result.error() != null ? result.error() : String.join("; ", result.notes());
                    table.row(result.component(), result.status().key(), result.changed() ? "yes" : "no", detail);
                }
            }
            out.print(table.render(output.format));
        }
        Map<RenderResult.Status, Integer> counts = new EnumMap<>(RenderResult.Status.class);
        report.results().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<String> summary = new ArrayList<>();
        counts.forEach((status, count) -> summary.add(count + " " + status.key()));
        PrintWriter err = spec.commandLine().getErr();
        err.println(report.results().size() + " components: " + String.join(", ", summary)
                + (report.stale().isEmpty() ? "" : "; stale: " + String.join(" ", report.stale())));
        out.flush();
        err.flush();
    }

    /** A progress line on stderr, redrawn in place when stderr is a terminal. */
}
