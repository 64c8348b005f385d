package dev.keel.build.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The build order of a dependency graph: its cycles (strongly connected components) with the edges
 * that close them, the layers of its condensation (a cycle's members share a layer), and the
 * critical path. Every choice is by sorted names, so the result depends only on the graph.
 */
final class GraphAnalysis {

    /** An edge: {@code from} needs {@code to} built first. */
    record Edge(String from, String to) {}

    /**
     * @param cycles the strongly connected components of more than one node, and the nodes that
     *     need themselves, each sorted, sorted by their first member
     * @param closing per cycle (same order), the edges that close it: the back edges of a
     *     depth-first walk from its first member in sorted order (without them it has no cycle)
     * @param layers the nodes by layer, each sorted: a node's dependencies are all in earlier layers
     *     or in its own cycle
     * @param criticalPath the longest chain of dependencies, first built first; a cycle on it
     *     contributes all its members; among chains as long, the one with the most expensive
     *     components, then the first by name
     */
    record Result(
            List<List<String>> cycles,
            List<List<Edge>> closing,
            List<List<String>> layers,
            List<String> criticalPath) {}

    private GraphAnalysis() {}

    /**
     * @param dependsOn each node to the nodes it needs first (no node to itself)
     * @param selfNeeding the nodes that need themselves (an earlier build of their own)
     * @param expensive the nodes whose builds are expensive ({@code build.hints.expensive})
     */
    static Result of(SortedMap<String, SortedSet<String>> dependsOn, Set<String> selfNeeding, Set<String> expensive) {
        List<List<String>> sccs = StronglyConnected.of(dependsOn);
        Map<String, Integer> sccOf = new HashMap<>();
        for (int i = 0; i < sccs.size(); i++) {
            for (String member : sccs.get(i)) {
                sccOf.put(member, i);
            }
        }
        int[] layer = new int[sccs.size()];
        int[] weight = new int[sccs.size()];
        int[] previous = new int[sccs.size()];
        for (int i = 0; i < sccs.size(); i++) {
            previous[i] = -1;
            for (String member : sccs.get(i)) {
                for (String dependency : dependsOn.get(member)) {
                    int other = sccOf.get(dependency);
                    if (other != i && better(other, previous[i], layer, weight, sccs)) {
                        layer[i] = layer[other] + 1;
                        previous[i] = other;
                    }
                }
            }
            weight[i] = (previous[i] < 0 ? 0 : weight[previous[i]])
                    + (int) sccs.get(i).stream().filter(expensive::contains).count();
        }
        SortedMap<Integer, List<String>> byLayer = new TreeMap<>();
        for (int i = 0; i < sccs.size(); i++) {
            byLayer.computeIfAbsent(layer[i], l -> new ArrayList<>()).addAll(sccs.get(i));
        }
        List<List<String>> layers = new ArrayList<>();
        byLayer.values().forEach(members -> layers.add(members.stream().sorted().toList()));

        List<List<String>> cycles = new ArrayList<>();
        for (List<String> scc : sccs) {
            if (scc.size() > 1 || selfNeeding.contains(scc.get(0))) {
                cycles.add(scc);
            }
        }
        cycles.sort(Comparator.comparing(cycle -> cycle.get(0)));
        List<List<Edge>> closing = new ArrayList<>();
        for (List<String> cycle : cycles) {
            closing.add(
                    cycle.size() == 1 ? List.of(new Edge(cycle.get(0), cycle.get(0))) : backEdges(cycle, dependsOn));
        }
        return new Result(cycles, closing, layers, criticalPath(sccs, layer, weight, previous));
    }

    /** Whether SCC {@code candidate} is a better predecessor than {@code current} for a node. */
    private static boolean better(int candidate, int current, int[] layer, int[] weight, List<List<String>> sccs) {
        if (current < 0) {
            return true;
        }
        if (layer[candidate] != layer[current]) {
            return layer[candidate] > layer[current];
        }
        if (weight[candidate] != weight[current]) {
            return weight[candidate] > weight[current];
        }
        return sccs.get(candidate).get(0).compareTo(sccs.get(current).get(0)) < 0;
    }

    private static List<String> criticalPath(List<List<String>> sccs, int[] layer, int[] weight, int[] previous) {
        int end = -1;
        for (int i = 0; i < sccs.size(); i++) {
            if (end < 0
                    || layer[i] > layer[end]
                    || (layer[i] == layer[end] && weight[i] > weight[end])
                    || (layer[i] == layer[end]
                            && weight[i] == weight[end]
                            && sccs.get(i).get(0).compareTo(sccs.get(end).get(0)) < 0)) {
                end = i;
            }
        }
        List<String> path = new ArrayList<>();
        for (int i = end; i >= 0; i = previous[i]) {
            path.addAll(0, sccs.get(i));
        }
        return path;
    }

    /** The back edges of a depth-first walk of one cycle's members, from its first, in sorted order. */
    private static List<Edge> backEdges(List<String> cycle, SortedMap<String, SortedSet<String>> dependsOn) {
        Set<String> members = new HashSet<>(cycle);
        Set<String> visited = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        SortedSet<Edge> back = new TreeSet<>(Comparator.comparing(Edge::from).thenComparing(Edge::to));
        Deque<Map.Entry<String, Iterator<String>>> frames = new ArrayDeque<>();
        String start = cycle.get(0);
        visited.add(start);
        onPath.add(start);
        frames.push(Map.entry(start, dependsOn.get(start).iterator()));
        while (!frames.isEmpty()) {
            Map.Entry<String, Iterator<String>> frame = frames.peek();
            if (!frame.getValue().hasNext()) {
                onPath.remove(frame.getKey());
                frames.pop();
                continue;
            }
            String next = frame.getValue().next();
            if (!members.contains(next)) {
                continue;
            }
            if (onPath.contains(next)) {
                back.add(new Edge(frame.getKey(), next));
            } else if (visited.add(next)) {
                onPath.add(next);
                frames.push(Map.entry(next, dependsOn.get(next).iterator()));
            }
        }
        return List.copyOf(back);
    }
}
