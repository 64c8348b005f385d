package dev.keel.cli;

import dev.keel.core.config.ComponentSelector;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.AnnotatedDiff;
import dev.keel.core.overlay.OverlayCheck;
import dev.keel.core.overlay.OverlayChecker;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.SpecSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keel component diff-sources}: upstream against overlaid, every hunk naming its overlay. */
@Command(
        name = "diff-sources",
        mixinStandardHelpOptions = true,
        header = "Print the diff that overlays make to a component's sources",
        description = "From the upstream sources to the overlaid sources; every hunk names the overlays that made it."
                + " Upstream comes from --upstream-specs DIR (a spec snapshot; overlays of sidecar files are skipped"
                + " there). Exits 1 when an overlay fails.")
public final class DiffSourcesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The component.")
    String name;

    @CommandLine.Mixin
    UpstreamSpecsOption upstreamSpecs = new UpstreamSpecsOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Project project = KeelCommand.project(spec);
        ResolvedComponent component = ComponentSelector.select(project, false, List.of(name), List.of())
                .get(name);
        SourceTree upstream = SpecSnapshot.open(upstreamSpecs.path)
                .fetch(component)
                .orElseThrow(
                        () -> new IOException("no " + component.upstreamName() + ".spec in " + upstreamSpecs.path));
        OverlayChecker.Report report = new OverlayChecker(project.root())
                .check(component.name(), upstream, component.name() + ".spec", component.overlays(), true);
        PathDisplay paths = PathDisplay.relativeTo(project.root());
        PrintWriter err = spec.commandLine().getErr();
        Status status = KeelCommand.status(spec);
        boolean failed = false;
        for (OverlayCheck check : report.checks()) {
            if (check.failure() != null) {
                err.print(FailureFormat.block(component.name(), check.failure(), paths));
                failed = true;
            } else if (check.status() == OverlayCheck.Status.NO_UPSTREAM) {
                status.info("note: " + Reports.printable(check.overlay().label() + " skipped: " + check.reason()));
            }
        }
        err.flush();
        if (failed) {
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(AnnotatedDiff.render(
                upstream, report.result(), location -> ProjectOptions.relative(location, project.root())));
        out.flush();
        return 0;
    }
}
