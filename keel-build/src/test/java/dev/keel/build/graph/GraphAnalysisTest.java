package dev.keel.build.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphAnalysisTest {

    @Test
    void layersPutEachNodeAfterItsDependenciesAndCyclesTogether() {
        GraphAnalysis.Result result = GraphAnalysis.of(
                StronglyConnectedTest.graph(Map.of(
                        "app", List.of("lib", "tool"),
                        "lib", List.of("gcc"),
                        "gcc", List.of("glibc"),
                        "glibc", List.of("gcc", "kernel-headers"),
                        "tool", List.of(),
                        "kernel-headers", List.of())),
                Set.of(),
                Set.of());
        assertThat(result.layers())
                .containsExactly(
                        List.of("kernel-headers", "tool"), List.of("gcc", "glibc"), List.of("lib"), List.of("app"));
        assertThat(result.cycles()).containsExactly(List.of("gcc", "glibc"));
        assertThat(result.closing()).containsExactly(List.of(new GraphAnalysis.Edge("glibc", "gcc")));
        assertThat(result.criticalPath()).containsExactly("kernel-headers", "gcc", "glibc", "lib", "app");
    }

    @Test
    void aNodeThatNeedsItselfIsACycleOfOne() {
        GraphAnalysis.Result result =
                GraphAnalysis.of(StronglyConnectedTest.graph(Map.of("rust", List.of())), Set.of("rust"), Set.of());
        assertThat(result.cycles()).containsExactly(List.of("rust"));
        assertThat(result.closing()).containsExactly(List.of(new GraphAnalysis.Edge("rust", "rust")));
    }

    @Test
    void theBackEdgesOfAWalkInNameOrderCloseACycle() {
        GraphAnalysis.Result result = GraphAnalysis.of(
                StronglyConnectedTest.graph(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a", "b"))),
                Set.of(),
                Set.of());
        assertThat(result.closing().get(0))
                .containsExactly(new GraphAnalysis.Edge("c", "a"), new GraphAnalysis.Edge("c", "b"));
    }

    @Test
    void amongEquallyLongChainsTheCriticalPathHasTheMostExpensiveBuilds() {
        Map<String, List<String>> edges = Map.of("z", List.of("a1", "b1"), "a1", List.of("a0"), "b1", List.of("b0"));
        assertThat(GraphAnalysis.of(StronglyConnectedTest.graph(edges), Set.of(), Set.of())
                        .criticalPath())
                .containsExactly("a0", "a1", "z");
        assertThat(GraphAnalysis.of(StronglyConnectedTest.graph(edges), Set.of(), Set.of("b0"))
                        .criticalPath())
                .containsExactly("b0", "b1", "z");
    }

    @Test
    void theResultDependsOnlyOnTheGraph() {
        Map<String, List<String>> edges = Map.of(
                "a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"), "d", List.of("a"), "e", List.of("c"));
        GraphAnalysis.Result first = GraphAnalysis.of(StronglyConnectedTest.graph(edges), Set.of(), Set.of());
        for (int i = 0; i < 5; i++) {
            assertThat(GraphAnalysis.of(StronglyConnectedTest.graph(Map.copyOf(edges)), Set.of(), Set.of()))
                    .isEqualTo(first);
        }
    }
}
