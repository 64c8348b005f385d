package dev.keel.cli;

import dev.keel.build.graph.DependencyGraph;
import dev.keel.build.graph.FactExtractor;
import dev.keel.build.graph.GraphFacts;
import dev.keel.build.graph.ProjectGraph;
import dev.keel.build.mock.DistroMacros;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.render.RenderedTree;
import dev.keel.core.render.SpecSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel component graph}: the build dependency graph of the rendered specs. */
@Command(
        name = "graph",
        mixinStandardHelpOptions = true,
        header = "Print the build graph: build order, layers and cycles",
        description = "Reads every component's rendered spec (the rendered tree, or an in-memory render from"
                + " --upstream-specs, which writes nothing) with the macro expander for the target architecture,"
                + " the Fedora macros of the component's upstream release, dist from the default distro version's"
                + " mock configuration and the component's macros file; resolves each selected component's"
                + " BuildRequires to the components whose packages provide them (names, Provides, files, .pc"
                + " files, sonames, CMake configs; rich dependencies; versions compared as rpm does); finds cycles"
                + " and the layers to build in (each layer in parallel) and the critical path. Requirements nothing"
                + " in the project provides are unresolved (input repositories have no package lists to check).")
public final class GraphCommand implements Callable<Integer> {

    /** The output formats of the graph. */
    enum GraphFormat {
        TABLE,
        JSON,
        CSV,
        MARKDOWN,
        DOT
    }

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @CommandLine.Mixin
    SpecSnapshotOption upstreamSpecs = new SpecSnapshotOption();

    @Option(
            names = {"-O", "--output"},
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); DOT is Graphviz.")
    GraphFormat format = GraphFormat.TABLE;

    @Option(
            names = "--target",
            paramLabel = "ARCH",
            description =
                    "The target architecture for %%ifarch, %%{_isa} and ExclusiveArch (default: ${DEFAULT-VALUE}).")
    String target = "x86_64";

    @Option(
            names = "--define",
            paramLabel = "NAME=VALUE",
            description = "Define a macro for every spec, like rpm's --define 'NAME VALUE' (repeatable); dist defaults"
                    + " to the mock configuration's.")
    List<String> defines = new ArrayList<>();

    @CommandLine.Mixin
    JobsOption jobs = new JobsOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        filter.check(spec.commandLine());
        if (!target.matches("[A-Za-z0-9_]{1,32}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--target: not an architecture: " + target);
        }
        Project project = KeelCommand.project(spec);
        SortedMap<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        Status status = KeelCommand.status(spec);
        FactExtractor extractor = new FactExtractor(target, macros(project, status));
        Optional<SpecSnapshot> snapshot = upstreamSpecs.open();
        GraphFacts facts;
        if (snapshot.isPresent()) {
            facts = GraphFacts.fromRender(project, snapshot.get(), extractor, jobs.jobs());
        } else {
            RenderedTree tree = new RenderedTree(project.renderedSpecsDir());
            if (!Files.isDirectory(tree.root())) {
                throw new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "no rendered specs")
                        .at(Location.of(tree.root()))
                        .withHint("render them first ('keel component render -a'), or give --upstream-specs"));
            }
            facts = GraphFacts.fromRenderedTree(project, tree, extractor, jobs.jobs());
        }
        DependencyGraph graph = ProjectGraph.of(project, facts, selected.keySet());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.print(Json.write(GraphOutput.json(graph)));
            case DOT -> out.print(GraphOutput.dot(graph));
            case CSV -> out.print(GraphOutput.table(graph).render(OutputFormat.CSV));
            case MARKDOWN -> out.print(GraphOutput.table(graph).render(OutputFormat.MARKDOWN));
            case TABLE -> out.print(GraphOutput.table(graph).render(OutputFormat.TABLE));
        }
        out.flush();
        status.info(GraphOutput.summary(graph));
        return 0;
    }

    /** The distro's macros for the target ({@code dist}, from the mock configuration), then the --define values. */
    private Map<String, String> macros(Project project, Status status) throws IOException {
        DistroMacros.Result distro = DistroMacros.of(project, target);
        distro.notes().forEach(note -> status.info("note: " + Reports.printable(note)));
        Map<String, String> macros = new LinkedHashMap<>(distro.macros());
        for (String definition : defines) {
            int split = definition.indexOf('=');
            if (split <= 0 || !definition.substring(0, split).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--define: expected NAME=VALUE with a macro name, got: " + definition);
            }
            macros.put(definition.substring(0, split), definition.substring(split + 1));
        }
        return new TreeMap<>(macros);
    }
}
