package dev.keel.cli;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.SourcePreparer;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel component prepare-sources}: a component's complete sources, ready to build. */
@Command(
        name = "prepare-sources",
        mixinStandardHelpOptions = true,
        header = "Write a component's complete buildable sources to a directory",
        description = "The upstream files, the lookaside archives its sources file lists and its downloaded"
                + " source-files (hash-verified, from Keel's cache), with every render step applied, archive overlays"
                + " included, and no file filtered out. With --upstream-specs (a spec snapshot) there is no upstream"
                + " sources file: only the source-files are downloaded.")
public final class PrepareSourcesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The component.")
    String name;

    @Option(
            names = {"-o", "--output-dir"},
            required = true,
            paramLabel = "DIR",
            description = "Where to write the sources (must be empty or absent unless --force).")
    Path output;

    @Option(names = "--skip-sources", description = "Do not download lookaside archives or source-files.")
    boolean skipSources;

    @Option(names = "--skip-overlays", description = "Write the upstream sources as they are (no render steps).")
    boolean skipOverlays;

    @Option(names = "--force", description = "Replace the output directory if it is not empty.")
    boolean force;

    @CommandLine.Mixin
    SpecSnapshotOption upstreamSpecs = new SpecSnapshotOption();

    @CommandLine.Mixin
    FetchOptions fetch = new FetchOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, RenderException {
        Project project = KeelCommand.project(spec);
        ResolvedComponent component = ComponentFilter.select(
                        project, spec.commandLine(), false, List.of(name), List.of())
                .get(name);
        if (component == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "prepare-sources prepares one component: give its name, not a pattern ('" + name + "')");
        }
        UpstreamSource upstream = upstreamSpecs.openOrDistGit(project, fetch);
        SourcePreparer preparer = new SourcePreparer(project, upstream, fetch.lookaside());
        List<String> notes =
                preparer.prepare(component, output, new SourcePreparer.Options(skipSources, skipOverlays, force));
        Status status = KeelCommand.status(spec);
        notes.forEach(note -> status.info("note: " + Reports.printable(note)));
        status.info("prepared " + Reports.printable(name) + " in " + Reports.printable(output.toString()));
        return 0;
    }
}
