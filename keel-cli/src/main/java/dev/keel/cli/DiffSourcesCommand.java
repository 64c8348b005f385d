package dev.keel.cli;

import dev.keel.core.config.ComponentSelector;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.AnnotatedDiff;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.ComponentRenderer;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.RenderInput;
import dev.keel.core.render.RenderPlan;
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
        description = "From the upstream sources to the sources as render edits them, before rpmautospec and the"
                + " sources file: the macros file, Keel's own edits and the component's overlays, in render's order;"
                + " every hunk names the overlays and steps that made it. Upstream comes from --upstream-specs DIR"
                + " (a spec snapshot; overlays of sidecar files are skipped there). Exits 1 when an overlay fails.")
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
        ComponentRenderer renderer = new ComponentRenderer(project);
        RenderInput input = RenderInput.of(upstream, true);
        OverlayResult edited;
        try {
            RenderPlan plan = renderer.plan(component, input);
            edited = renderer.edited(plan, input);
            Status status = KeelCommand.status(spec);
            plan.notes().forEach(note -> status.info("note: " + Reports.printable(note)));
        } catch (RenderException e) {
            return failed(component, e.failure(), project);
        } catch (OverlayException e) {
            return failed(component, e.failure().toFailure(), project);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                AnnotatedDiff.render(upstream, edited, location -> ProjectOptions.relative(location, project.root())));
        out.flush();
        return 0;
    }

    private int failed(ResolvedComponent component, Failure failure, Project project) {
        PrintWriter err = spec.commandLine().getErr();
        err.print(FailureFormat.block(component.name(), failure, PathDisplay.relativeTo(project.root())));
        err.flush();
        return 1;
    }
}
