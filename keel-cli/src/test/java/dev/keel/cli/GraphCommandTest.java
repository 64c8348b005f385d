package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel component graph}: JSON, dot and table output, the rendered tree or a snapshot, bad input. */
class GraphCommandTest {

    private static final String CONFIG = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"
            mock-config = "mock/fedora-43.cfg"

            [components.libwidget]
            [components.greeter]
            [components.app]
            [components.gcc]
            [components.rebar]
            build = { bootstrap = { with = ["bootstrap"] }, hints = { expensive = true } }
            [components.erlang-doc]
            [components.nosnapshot]
            """;

    private static final String MOCK = "include('common.tpl')\nconfig_opts['root'] = 'f43'\n";
    private static final String COMMON = "config_opts['macros']['%dist'] = '.kl1'\n";

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private Path project;
    private Path snapshot;

    @BeforeEach
    void writeProject() throws IOException {
        project = dir.resolve("project");
        write(project.resolve("azldev.toml"), CONFIG);
        write(project.resolve("mock/fedora-43.cfg"), MOCK);
        write(project.resolve("mock/common.tpl"), COMMON);
        snapshot = dir.resolve("snapshot");
        write(snapshot.resolve("libwidget.spec"), spec("libwidget", "BuildRequires: gcc\n", """
                %package devel
                Summary: headers
                %description devel
                h
                %files devel
                %{_includedir}/widget.h
                %{_libdir}/pkgconfig/widget.pc
                """));
        write(
                snapshot.resolve("greeter.spec"),
                spec("greeter", "BuildRequires: pkgconfig(widget) gcc no-such-thing\n", ""));
        write(
                snapshot.resolve("app.spec"),
                spec("app", "BuildRequires: /usr/bin/greeter (ruby or libwidget-devel = 1.0-1.kl1)\n", ""));
        write(snapshot.resolve("gcc.spec"), spec("gcc", "BuildRequires: gcc >= 0.9\n", ""));
        write(snapshot.resolve("rebar.spec"), "%bcond bootstrap 0\n" + spec("rebar", """
                %if %{without bootstrap}
                BuildRequires: erlang-doc
                %endif
                """, ""));
        write(snapshot.resolve("erlang-doc.spec"), spec("erlang-doc", "BuildRequires: rebar\n", ""));
    }

    private static String spec(String name, String preamble, String rest) {
        return """
                Name: %1$s
                Version: 1.0
                Release: 1%%{?dist}
                Summary: s
                License: MIT
                %2$s
                %%description
                d
                %%files
                %%{_bindir}/%1$s
                %3$s
                """.formatted(name, preamble, rest);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliRunner graph(String... extra) {
        List<String> args = new ArrayList<>(List.of("-C", project.toString(), "component", "graph"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRunner result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void jsonHasTheIssuesShapeAndWhatExplainsIt() throws IOException {
        JsonNode graph = json(graph("-a", "--upstream-specs", snapshot.toString(), "-O", "json"));
        List<String> keys = new ArrayList<>();
        graph.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(0, 7))
                .containsExactly("components", "edges", "nodes", "unresolved", "cycles", "layers", "criticalPath");
        assertThat(graph.get("components").asInt()).isEqualTo(7);
        assertThat(graph.get("nodes").toString())
                .contains("{\"component\":\"app\",\"dependsOn\":[\"greeter\",\"libwidget\"]}")
                .contains("{\"component\":\"greeter\",\"dependsOn\":[\"gcc\",\"libwidget\"]}")
                .contains("{\"component\":\"nosnapshot\",\"dependsOn\":[]}")
                .contains("{\"component\":\"rebar@stage1\",\"dependsOn\":[]}");
        assertThat(graph.get("unresolved").toString())
                .isEqualTo("[{\"component\":\"greeter\",\"requires\":\"no-such-thing\"}]");
        assertThat(graph.get("cycles").toString()).isEqualTo("[[\"gcc\"]]");
        assertThat(graph.get("cycleEdges").toString())
                .isEqualTo("[[{\"from\":\"gcc\",\"to\":\"gcc\",\"requires\":[\"gcc >= 0.9\"]}]]");
        assertThat(graph.get("layers").toString())
                .isEqualTo("[[\"gcc\",\"nosnapshot\",\"rebar@stage1\"],[\"erlang-doc\",\"libwidget\"],"
                        + "[\"greeter\",\"rebar\"],[\"app\"]]");
        assertThat(graph.get("criticalPath").toString()).isEqualTo("[\"gcc\",\"libwidget\",\"greeter\",\"app\"]");
        assertThat(graph.get("edges").asInt()).isEqualTo(7);
        assertThat(graph.get("bootstrap").toString())
                .isEqualTo(
                        "[{\"node\":\"rebar@stage1\",\"component\":\"rebar\",\"with\":[\"bootstrap\"],\"without\":[]}]");
        assertThat(graph.get("expensive").toString()).isEqualTo("[\"rebar\"]");
        assertThat(graph.get("because").get("greeter").get("libwidget").toString())
                .isEqualTo("[\"pkgconfig(widget)\"]");
        assertThat(graph.get("unreadable").get(0).get("component").asText()).isEqualTo("nosnapshot");
    }

    @Test
    void theRenderedTreeGivesTheSameGraphAsTheInMemoryRender() throws IOException {
        CliRunner render = CliRunner.run(
                "-C", project.toString(), "component", "render", "-a", "--upstream-specs", snapshot.toString());
        assertThat(render.exitCode()).as(render.err()).isZero();
        // The bootstrap build is the graph's (and the builder's) business: the rendered spec does not change.
        assertThat(project.resolve("specs/r/rebar/rebar.azl.macros")).doesNotExist();
        String fromTree = graph("-a", "-O", "json").out();
        String inMemory = graph("-a", "--upstream-specs", snapshot.toString(), "-O", "json")
                .out();
        JsonNode tree = new ObjectMapper().readTree(fromTree);
        JsonNode memory = new ObjectMapper().readTree(inMemory);
        assertThat(tree.get("nodes")).isEqualTo(memory.get("nodes"));
        assertThat(tree.get("layers")).isEqualTo(memory.get("layers"));
        assertThat(tree.get("unreadable").get(0).get("reason").asText()).contains("no rendered spec n/nosnapshot");
    }

    @Test
    void distComesFromTheMockConfigurationUnlessDefined() throws IOException {
        JsonNode graph = json(graph("app", "--upstream-specs", snapshot.toString(), "-O", "json"));
        assertThat(graph.get("outside").toString()).contains("libwidget-devel = 1.0-1.kl1");
        JsonNode other =
                json(graph("app", "--upstream-specs", snapshot.toString(), "-O", "json", "--define", "dist=.x"));
        assertThat(other.get("unresolved").toString()).contains("(ruby or libwidget-devel = 1.0-1.kl1)");
    }

    @Test
    void theSameInputsGiveTheSameBytesWhateverTheThreadCount() {
        String one = graph("-a", "--upstream-specs", snapshot.toString(), "-O", "json", "-j", "1")
                .out();
        String four = graph("-a", "--upstream-specs", snapshot.toString(), "-O", "json", "-j", "4")
                .out();
        assertThat(four).isEqualTo(one).isNotEmpty();
    }

    @Test
    void aSelectionIsOrderedAmongItselfAndNamesWhatOthersProvide() throws IOException {
        JsonNode graph = json(graph("greeter", "app", "--upstream-specs", snapshot.toString(), "-O", "json"));
        assertThat(graph.get("components").asInt()).isEqualTo(2);
        assertThat(graph.get("nodes").toString())
                .isEqualTo(
                        "[{\"component\":\"app\",\"dependsOn\":[\"greeter\"]},{\"component\":\"greeter\",\"dependsOn\":[]}]");
        assertThat(graph.get("outside").toString())
                .contains("{\"component\":\"greeter\",\"requires\":\"gcc\",\"providers\":[\"gcc\"]}");
    }

    @Test
    void dotDrawsEdgesWithTheirRequirementsAndCycles() {
        CliRunner result = graph("-a", "--upstream-specs", snapshot.toString(), "-O", "dot");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("digraph keel {\n")
                .contains("  \"greeter\" -> \"libwidget\" [label=\"pkgconfig(widget)\"];\n")
                .contains("  \"gcc\" -> \"gcc\" [label=\"gcc >= 0.9\", color=red, style=dashed];\n")
                .contains("subgraph \"cluster_cycle_0\"")
                .contains("  \"rebar@stage1\" [shape=box];\n")
                .endsWith("}\n");
        assertThat(GraphOutput.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void csvAndMarkdownHoldTheTablesRows() {
        CliRunner csv = graph("-a", "--upstream-specs", snapshot.toString(), "-O", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines().toList().get(0)).isEqualTo("layer,component,cycle,depends on,unresolved");
        assertThat(csv.out()).contains("greeter");
        CliRunner markdown = graph("-a", "--upstream-specs", snapshot.toString(), "-O", "markdown");
        assertThat(markdown.out().lines().toList().get(0)).startsWith("| layer | component |");
    }

    @Test
    void theTableListsEachComponentByLayerAndTheSummaryCountsEverything() {
        CliRunner result = graph("-a", "--upstream-specs", snapshot.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList().get(0)).startsWith("layer  component");
        assertThat(result.out()).contains("greeter").contains("no-such-thing").contains("rebar (expensive)");
        assertThat(result.err())
                .contains("7 components, 7 edges, 4 layers, 1 cycle, critical path 4, 1 unresolved build requirement");
    }

    @Test
    void withoutARenderedTreeOrSnapshotItSaysWhatToDo() {
        CliRunner result = graph("-a");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no rendered specs").contains("specs").contains("--upstream-specs");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badInputIsALocatedErrorNeverAStackTrace() throws IOException {
        CliRunner missing =
                graph("-a", "--upstream-specs", dir.resolve("nothere").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .contains("nothere")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        Path garbage = dir.resolve("garbage.tar.gz");
        Files.writeString(garbage, "not a tarball");
        CliRunner broken = graph("-a", "--upstream-specs", garbage.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("garbage.tar.gz").doesNotContain("Exception");
        for (String[] usage : new String[][] {
            {"-a", "-O", "xml"},
            {"-a", "--define", "bad"},
            {"-a", "--define", "a b=c"},
            {"-a", "--target", "x y"},
            {},
            {"-a", "app"}
        }) {
            CliRunner result = graph(usage);
            assertThat(result.exitCode()).as(String.join(" ", usage)).isEqualTo(2);
            assertThat(result.out()).isEmpty();
        }
        CliRunner unknown = graph("nothing-matches", "--upstream-specs", snapshot.toString());
        assertThat(unknown.exitCode()).as("an unknown name is a usage error").isEqualTo(2);
        assertThat(unknown.err()).contains("nothing-matches").doesNotContain("Exception");
    }

    @Test
    void aHostileSpecDoesNotStopTheGraph() throws IOException {
        write(
                snapshot.resolve("app.spec"),
                "Name: app\n%if\n%{lua: while true do end}\nBuildRequires: " + "(".repeat(10_000));
        JsonNode graph = json(graph("-a", "--upstream-specs", snapshot.toString(), "-O", "json"));
        assertThat(graph.get("unreadable").toString()).contains("app");
    }

    @Test
    void aRenderedSpecThatIsALinkIsNotReadThrough() throws IOException {
        CliRunner render = CliRunner.run(
                "-C", project.toString(), "component", "render", "-a", "--upstream-specs", snapshot.toString());
        assertThat(render.exitCode()).as(render.err()).isZero();
        Path outside = dir.resolve("outside.spec");
        write(outside, spec("app", "BuildRequires: secret-from-outside\n", ""));
        Path app = project.resolve("specs/a/app/app.spec");
        Files.delete(app);
        Files.createSymbolicLink(app, outside);
        Path greeter = project.resolve("specs/g/greeter");
        Path moved = dir.resolve("greeter-elsewhere");
        Files.move(greeter, moved);
        Files.createSymbolicLink(greeter, moved);

        JsonNode graph = json(graph("-a", "-O", "json"));
        assertThat(graph.toString()).doesNotContain("secret-from-outside");
        assertThat(graph.get("unreadable").toString()).contains("\"app\"").contains("\"greeter\"");
    }
}
