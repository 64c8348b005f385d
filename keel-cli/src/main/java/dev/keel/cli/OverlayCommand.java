package dev.keel.cli;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.OverlayFiles;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.AnnotatedDiff;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayFailure;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.ProvenanceReport;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.PlanEdits;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.RenderPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel overlay}: overlays outside a project. */
@Command(
        name = "overlay",
        mixinStandardHelpOptions = true,
        header = "Apply overlay files to specs outside a project",
        description = "An overlay file holds the overlays a component lists in overlay-files: one [metadata] and"
                + " its [[overlays]]. Use it to try overlays on a spec and its sidecar files before a component"
                + " takes them.",
        subcommands = {OverlayCommand.Apply.class})
public final class OverlayCommand extends CommandGroup {

    /** {@code keel overlay apply}. */
    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            header = "Apply an overlay file to a spec; print or write the result",
            description = "The overlay file has [[overlays]] and an optional [metadata]; its source paths are relative"
                    + " to it. Prints the overlaid spec, or writes the overlaid sources to -o OUTDIR, or prints a diff"
                    + " in which every hunk names the overlay that made it. The sources directory is never modified."
                    + " Exits 1 when an overlay fails.")
    static final class Apply implements Callable<Integer> {
        @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The spec.")
        Path specFile;

        @Option(
                names = "--sources",
                paramLabel = "DIR",
                description =
                        "The spec's sources directory, for overlays that edit sidecar files (default: none, the spec"
                                + " alone).")
        Path sources;

        @Option(names = "--overlays", required = true, paramLabel = "FILE.toml", description = "The overlay file.")
        Path overlays;

        @CommandLine.ArgGroup(exclusive = true)
        Output output;

        /** Where the result goes. */
        static final class Output {
            @Option(
                    names = {"-o", "--output-dir"},
                    paramLabel = "OUTDIR",
                    description = "Write the overlaid sources here (a new or empty directory).")
            Path outputDir;

            @Option(names = "--diff", description = "Print an annotated unified diff instead.")
            boolean diff;

            @Option(
                    names = "--provenance",
                    description =
                            "Print, for every line of every changed file, the upstream line or the overlay it comes from.")
            boolean provenance;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = command.commandLine().getOut();
            PrintWriter err = command.commandLine().getErr();
            Path spec = specFile.toAbsolutePath().normalize();
            byte[] specBytes = InputFiles.read(spec, InputFiles.Kind.SPEC);
            Path sourcesDir = sources == null ? null : sources.toAbsolutePath().normalize();
            SourceTree upstream = sourcesDir == null ? SourceTree.of(Map.of()) : SourceTree.read(sourcesDir);
            String specPath;
            if (sourcesDir != null && spec.startsWith(sourcesDir)) {
                specPath = sourcesDir.relativize(spec).toString().replace('\\', '/');
            } else {
                specPath = spec.getFileName().toString();
                upstream = upstream.with(specPath, new SourceFile(specBytes, false));
            }
            List<LocatedOverlay> located = OverlayFiles.read(overlays);
            String name = spec.getFileName().toString().replaceFirst("\\.spec$", "");
            OverlayResult result;
            try {
                result = PlanEdits.apply(
                        RenderPlan.ofOverlays(name, specPath, located),
                        upstream,
                        overlays.toAbsolutePath().getParent());
            } catch (OverlayException e) {
                Failure failure = e.failure().toFailure();
                if (sourcesDir == null && e.failure().reason() == OverlayFailure.Reason.NO_MATCHING_FILE) {
                    failure = failure.withHint("the spec is applied alone: give its sources directory with --sources");
                }
                return failed(name, failure, err);
            } catch (RenderException e) {
                return failed(name, e.failure(), err);
            }
            if (output != null && output.provenance) {
                out.print(ProvenanceReport.render(result, location -> location.toString()));
            } else if (output != null && output.diff) {
                out.print(AnnotatedDiff.render(upstream, result, location -> location.toString()));
            } else if (output != null && output.outputDir != null) {
                result.tree().writeAsDirectory(output.outputDir, false);
                KeelCommand.status(command)
                        .info("wrote " + Reports.count(result.tree().files().size(), "file") + " to "
                                + Reports.printable(output.outputDir.toString()));
            } else {
                out.print(new String(result.tree().get(specPath).orElseThrow().content(), StandardCharsets.UTF_8));
            }
            out.flush();
            err.flush();
            return 0;
        }

        private static int failed(String name, Failure failure, PrintWriter err) {
            err.print(FailureFormat.block(name, failure, PathDisplay.relativeTo(Path.of(""))));
            err.flush();
            return 1;
        }
    }
}
