package dev.keel.build.graph;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A selection's dependency graph and what explains it.
 *
 * @param graph the build order
 * @param components how many components were selected (the graph's nodes also hold their stage-1 builds)
 * @param because for each node and each node it depends on, the build requirements that make the edge
 * @param closing for each cycle of the graph (same order), the edges that close it, with their requirements
 * @param outside build requirements only components outside the selection provide
 * @param expensive the selected components whose builds are expensive ({@code build.hints.expensive})
 * @param undeterminable what Keel could not determine about a component's requirements or packages
 * @param unreadable components with no facts (no rendered spec, a failed render, a spec rpm rejects):
 *     what they provide is unknown, so requirements on them may show as unresolved
 * @param dynamic components whose {@code %generate_buildrequires} adds requirements only the build computes
 */
public record DependencyGraph(
        BuildGraph graph,
        int components,
        SortedMap<String, SortedMap<String, SortedSet<String>>> because,
        List<List<Edge>> closing,
        List<Outside> outside,
        SortedSet<String> expensive,
        List<Note> undeterminable,
        List<Note> unreadable,
        SortedSet<String> dynamic) {

    /** An edge, {@code from} needs {@code to} built first, for these build requirements. */
    public record Edge(String from, String to, List<String> requires) {
        public Edge {
            requires = List.copyOf(requires);
        }
    }

    /** A build requirement that only components outside the selection provide. */
    public record Outside(String component, String requires, List<String> providers) {
        public Outside {
            providers = List.copyOf(providers);
        }
    }

    /** Something said about a component. */
    public record Note(String component, String text) {}

    public DependencyGraph {
        SortedMap<String, SortedMap<String, SortedSet<String>>> copy = new TreeMap<>();
        because.forEach((from, targets) -> {
            SortedMap<String, SortedSet<String>> inner = new TreeMap<>();
            targets.forEach(
                    (to, requires) -> inner.put(to, Collections.unmodifiableSortedSet(new TreeSet<>(requires))));
            copy.put(from, Collections.unmodifiableSortedMap(inner));
        });
        because = Collections.unmodifiableSortedMap(copy);
        closing = closing.stream().map(List::copyOf).toList();
        outside = List.copyOf(outside);
        expensive = Collections.unmodifiableSortedSet(new TreeSet<>(expensive));
        undeterminable = List.copyOf(undeterminable);
        unreadable = List.copyOf(unreadable);
        dynamic = Collections.unmodifiableSortedSet(new TreeSet<>(dynamic));
    }
}
