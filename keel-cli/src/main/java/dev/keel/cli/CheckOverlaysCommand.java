package dev.keel.cli;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Names;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.overlay.OverlayCheck;
import dev.keel.core.overlay.OverlayChecker;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keel component check-overlays}: will our delta survive the next upstream? */
@Command(
        name = "check-overlays",
        mixinStandardHelpOptions = true,
        description = {
            "Apply each component's overlays to the spec DIR/<upstream-name>.spec of an upstream spec snapshot",
            "and classify every overlay: applies, no-op (upstream already has the change), target-missing,",
            "conflict, or no-upstream. Exits 1 if any overlay is target-missing or conflict."
        })
public final class CheckOverlaysCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @CommandLine.Mixin
    UpstreamSpecsOption upstreamSpecs = new UpstreamSpecsOption();

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(upstreamSpecs.directory)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + upstreamSpecs.directory);
        }
        Project project =
                KeelCommand.projectOptions(spec).load(spec.commandLine().getErr());
        UpstreamSpecs snapshot = new UpstreamSpecs(upstreamSpecs.directory);
        OverlayChecker checker = new OverlayChecker(project.root());
        List<OverlayCheck> checks = new ArrayList<>();
        for (ResolvedComponent component :
                filter.select(project, spec.commandLine()).values()) {
            List<LocatedOverlay> overlays = component.overlays();
            if (overlays.isEmpty()) {
                continue;
            }
            Optional<SourceTree> sources = snapshot.sources(component);
            if (sources.isEmpty()) {
                for (LocatedOverlay overlay : overlays) {
                    checks.add(new OverlayCheck(
                            component.name(),
                            overlay,
                            OverlayCheck.Status.NO_UPSTREAM,
                            "no " + component.upstreamName() + ".spec in the snapshot",
                            null));
                }
                continue;
            }
            checks.addAll(
                    checker.check(component.name(), sources.get(), UpstreamSpecs.specPath(component), overlays, true)
                            .checks());
        }
        print(checks, project.root());
        return checks.stream().anyMatch(c -> c.status().failed()) ? 1 : 0;
    }

    private void print(List<OverlayCheck> checks, Path root) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OverlayCheck check : checks) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("component", check.component());
                row.put("index", check.overlay().index() + 1);
                row.put("type", Names.enumKey(check.overlay().overlay().type()));
                row.put("description", check.overlay().overlay().description());
                row.put("status", check.status().key());
                row.put("reason", check.reason());
                row.put("location", ProjectOptions.relative(check.overlay().location(), root));
                if (check.failure() != null && !check.failure().candidates().isEmpty()) {
                    row.put("candidates", check.failure().candidates());
                }
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "#", "type", "status", "reason");
            for (OverlayCheck check : checks) {
                table.row(
                        check.component(),
                        check.overlay().index() + 1,
                        Names.enumKey(check.overlay().overlay().type()),
                        check.status().key(),
                        check.reason());
            }
            out.print(table.render(output.format));
            Map<OverlayCheck.Status, Integer> counts = new EnumMap<>(OverlayCheck.Status.class);
            checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
            List<String> summary = new ArrayList<>();
            counts.forEach((status, count) -> summary.add(count + " " + status.key()));
            spec.commandLine().getErr().println(checks.size() + " overlays: " + String.join(", ", summary));
            spec.commandLine().getErr().flush();
        }
        out.flush();
    }
}
