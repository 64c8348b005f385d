package dev.keel.build.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StronglyConnectedTest {

    static SortedMap<String, SortedSet<String>> graph(Map<String, List<String>> edges) {
        SortedMap<String, SortedSet<String>> graph = new TreeMap<>();
        edges.forEach((node, targets) -> {
            graph.computeIfAbsent(node, n -> new TreeSet<>()).addAll(targets);
            targets.forEach(target -> graph.computeIfAbsent(target, n -> new TreeSet<>()));
        });
        return graph;
    }

    @Test
    void findsCyclesAndListsDependenciesFirst() {
        List<List<String>> sccs = StronglyConnected.of(graph(Map.of(
                "app", List.of("lib", "tool"),
                "lib", List.of("gcc"),
                "gcc", List.of("glibc"),
                "glibc", List.of("gcc"),
                "tool", List.of("tool2"),
                "tool2", List.of("tool"))));
        assertThat(sccs)
                .containsExactly(List.of("gcc", "glibc"), List.of("lib"), List.of("tool", "tool2"), List.of("app"));
    }

    @Test
    void nestedAndOverlappingCyclesAreOneComponent() {
        List<List<String>> sccs = StronglyConnected.of(graph(Map.of(
                "a", List.of("b"), "b", List.of("c", "a"), "c", List.of("d"), "d", List.of("b", "e"), "e", List.of())));
        assertThat(sccs).containsExactly(List.of("e"), List.of("a", "b", "c", "d"));
    }

    @Test
    void aLongChainAndALongCycleNeedNoRecursion() {
        SortedMap<String, SortedSet<String>> chain = new TreeMap<>();
        int length = 200_000;
        for (int i = 0; i < length; i++) {
            String node = String.format("n%06d", i);
            chain.put(node, new TreeSet<>(i + 1 < length ? List.of(String.format("n%06d", i + 1)) : List.of()));
        }
        assertThat(StronglyConnected.of(chain)).hasSize(length);
        chain.get(String.format("n%06d", length - 1)).add("n000000");
        List<List<String>> cycle = StronglyConnected.of(chain);
        assertThat(cycle).hasSize(1);
        assertThat(cycle.get(0)).hasSize(length);
    }
}
