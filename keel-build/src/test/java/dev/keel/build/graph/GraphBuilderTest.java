package dev.keel.build.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    private static GraphFacts facts(ComponentFacts... all) {
        SortedMap<String, ComponentFacts> normal = new TreeMap<>();
        for (ComponentFacts facts : all) {
            normal.put(facts.component(), facts);
        }
        return new GraphFacts(normal, new TreeMap<>(), new TreeMap<>());
    }

    private static final GraphFacts CHAIN = facts(
            Specs.facts(
                    "libwidget",
                    Specs.spec(
                                    "libwidget",
                                    "BuildRequires: gcc",
                                    "%files devel\n%{_includedir}/widget.h\n%{_libdir}/pkgconfig/widget.pc")
                            .replace(
                                    "%description\nd\n",
                                    "%description\nd\n%package devel\nSummary: h\n%description devel\nh\n")),
            Specs.needs("greeter", "pkgconfig(widget)", "gcc", "missing-tool >= 2"),
            Specs.needs("app", "/usr/share/greeter/README", "(nothing or libwidget-devel)"),
            Specs.needs("gcc", "gcc"));

    @Test
    void requirementsBecomeEdgesWithTheirReasons() {
        DependencyGraph graph = GraphBuilder.build(CHAIN, CHAIN.normal().keySet(), Set.of());
        assertThat(graph.graph().dependsOn())
                .containsEntry("libwidget", new java.util.TreeSet<>(List.of("gcc")))
                .containsEntry("greeter", new java.util.TreeSet<>(List.of("gcc", "libwidget")))
                .containsEntry("app", new java.util.TreeSet<>(List.of("greeter", "libwidget")))
                .containsEntry("gcc", new java.util.TreeSet<>());
        assertThat(graph.because().get("greeter").get("libwidget")).containsExactly("pkgconfig(widget)");
        assertThat(graph.graph().unresolved())
                .containsExactly(new BuildGraph.Unresolved("greeter", "missing-tool >= 2"));
        assertThat(graph.graph().cycles()).containsExactly(List.of("gcc"));
        assertThat(graph.closing().get(0)).containsExactly(new DependencyGraph.Edge("gcc", "gcc", List.of("gcc")));
        assertThat(graph.graph().layers())
                .containsExactly(List.of("gcc"), List.of("libwidget"), List.of("greeter"), List.of("app"));
        assertThat(graph.graph().criticalPath()).containsExactly("gcc", "libwidget", "greeter", "app");
    }

    @Test
    void aSelectionKeepsItsOwnEdgesAndNamesWhatOnlyOthersProvide() {
        DependencyGraph graph = GraphBuilder.build(CHAIN, Set.of("greeter", "app"), Set.of());
        assertThat(graph.components()).isEqualTo(2);
        assertThat(graph.graph().dependsOn()).containsOnlyKeys("app", "greeter");
        assertThat(graph.graph().dependsOn().get("app")).containsExactly("greeter");
        assertThat(graph.outside())
                .contains(new DependencyGraph.Outside("greeter", "pkgconfig(widget)", List.of("libwidget")));
    }

    @Test
    void componentsWithoutFactsAreListed() {
        GraphFacts facts = facts(ComponentFacts.unreadable("ghost", "no rendered spec"), Specs.needs("a", "ghost"));
        DependencyGraph graph = GraphBuilder.build(facts, facts.normal().keySet(), Set.of());
        assertThat(graph.unreadable()).containsExactly(new DependencyGraph.Note("ghost", "no rendered spec"));
        assertThat(graph.graph().unresolved()).containsExactly(new BuildGraph.Unresolved("a", "ghost"));
    }

    @Test
    void aBootstrapBuildBreaksTheCycleItsConditionalsDrop() {
        String rebar = """
                %bcond bootstrap 0
                Name: rebar
                Version: 3
                Release: 1
                Summary: s
                License: MIT
                %if %{without bootstrap}
                BuildRequires: rebar
                BuildRequires: erlang-doc
                %endif
                BuildRequires: erlang
                %description
                d
                %files
                /usr/bin/rebar
                """;
        FactExtractor.Stage stage = new FactExtractor.Stage(List.of("bootstrap"), List.of());
        ComponentFacts normal = Specs.facts("rebar", rebar);
        ComponentFacts stage1 =
                Specs.EXTRACTOR.extract("rebar", rebar.getBytes(StandardCharsets.UTF_8), Optional.empty(), 43, stage);
        SortedMap<String, ComponentFacts> all = new TreeMap<>();
        all.put("rebar", normal);
        all.put("erlang", Specs.needs("erlang"));
        all.put("erlang-doc", Specs.needs("erlang-doc", "rebar"));
        GraphFacts facts = new GraphFacts(
                all, new TreeMap<>(java.util.Map.of("rebar", stage1)), new TreeMap<>(java.util.Map.of("rebar", stage)));

        DependencyGraph graph = GraphBuilder.build(facts, all.keySet(), Set.of());

        String node = "rebar" + BuildGraph.STAGE1;
        assertThat(graph.graph().bootstrap())
                .containsEntry(node, new BuildGraph.Bootstrap("rebar", List.of("bootstrap"), List.of()));
        assertThat(graph.graph().dependsOn().get(node)).containsExactly("erlang");
        assertThat(graph.graph().dependsOn().get("erlang-doc")).containsExactly(node);
        assertThat(graph.graph().dependsOn().get("rebar")).containsExactly("erlang", "erlang-doc", node);
        assertThat(graph.graph().cycles()).isEmpty();
        assertThat(graph.graph().layers())
                .containsExactly(List.of("erlang"), List.of(node), List.of("erlang-doc"), List.of("rebar"));
    }

    @Test
    void theSameFactsGiveTheSameGraph() {
        DependencyGraph first = GraphBuilder.build(CHAIN, CHAIN.normal().keySet(), Set.of("gcc"));
        assertThat(GraphBuilder.build(CHAIN, Set.copyOf(CHAIN.normal().keySet()), Set.of("gcc")))
                .isEqualTo(first);
    }
}
