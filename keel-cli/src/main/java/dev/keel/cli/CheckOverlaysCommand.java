package dev.keel.cli;

import dev.keel.core.config.Names;
import dev.keel.core.config.Project;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.OverlayCheck;
import dev.keel.core.render.SnapshotCheck;
import dev.keel.core.render.SpecSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keel component check-overlays}: will our delta survive the next upstream? */
@Command(
        name = "check-overlays",
        mixinStandardHelpOptions = true,
        header = "Check that overlays still apply to an upstream spec snapshot",
        description = "Applies each component's overlays to its spec in the snapshot and classifies every overlay:"
                + " applies; no-op (changes nothing: harmless); upstreamed (upstream already made the change and"
                + " the render now fails on the overlay: retire it); target-missing; conflict; no-upstream (nothing"
                + " to judge). Each component is then rendered as 'component render' would: a render that fails for"
                + " another reason gets a render-fails row. Exits 1 when any row would fail the render.")
public final class CheckOverlaysCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @CommandLine.Mixin
    UpstreamSpecsOption upstreamSpecs = new UpstreamSpecsOption();

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    JobsOption jobs = new JobsOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        filter.check(spec.commandLine());
        Project project = KeelCommand.project(spec);
        SnapshotCheck check = new SnapshotCheck(project, SpecSnapshot.open(upstreamSpecs.path));
        List<OverlayCheck> checks =
                check.check(filter.select(project, spec.commandLine()).values(), jobs.jobs());
        print(checks, PathDisplay.relativeTo(project.root()));
        return checks.stream().anyMatch(c -> c.status().failed()) ? 1 : 0;
    }

    private void print(List<OverlayCheck> checks, PathDisplay paths) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OverlayCheck check : checks) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("component", check.component());
                row.put(
                        "index",
                        check.overlay() == null ? null : check.overlay().index() + 1);
                row.put("type", type(check));
                row.put(
                        "description",
                        check.overlay() == null
                                ? null
                                : check.overlay().overlay().description().orElse(null));
                row.put("status", check.status().key());
                row.put("reason", check.reason());
                row.put(
                        "location",
                        check.overlay() == null
                                ? null
                                : FailureFormat.location(check.overlay().location(), paths));
                row.put("failure", check.failure() == null ? null : Reports.failureJson(check.failure(), paths));
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "#", "type", "status", "reason");
            for (OverlayCheck check : checks) {
                table.row(
                        check.component(),
                        check.overlay() == null ? "-" : check.overlay().index() + 1,
                        type(check),
                        check.status().key(),
                        check.status() == OverlayCheck.Status.RENDER_FAILS
                                ? FailureFormat.line(check.failure(), paths)
                                : check.reason());
            }
            out.print(table.render(output.format));
        }
        List<String> keys = new ArrayList<>();
        checks.forEach(c -> keys.add(c.status().key()));
        long components =
                checks.stream().map(OverlayCheck::component).distinct().count();
        long failing = checks.stream()
                .filter(c -> c.status().failed())
                .map(OverlayCheck::component)
                .distinct()
                .count();
        out.flush();
        KeelCommand.status(spec)
                .info(Reports.count(checks.size(), "row") + " for " + Reports.count(components, "component") + ": "
                        + Reports.tally(keys) + "; " + Reports.count(failing, "component") + " would fail to render");
    }

    private static String type(OverlayCheck check) {
        return check.overlay() == null
                ? "render"
                : Names.enumKey(check.overlay().overlay().type());
    }
}
