package dev.keel.build.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Tarjan's strongly connected components, without recursion (an explicit stack), so no graph can
 * overflow the thread's stack. Nodes are visited in sorted order and their edges in sorted order,
 * so the result depends only on the graph.
 */
final class StronglyConnected {

    private StronglyConnected() {}

    /**
     * The components, each sorted, in the order Tarjan's algorithm completes them: every component
     * comes after the components its nodes depend on (a reverse topological order of the edges).
     *
     * @param graph each node to the nodes it has edges to; every target must be a key
     */
    static List<List<String>> of(SortedMap<String, SortedSet<String>> graph) {
        List<String> names = new ArrayList<>(graph.keySet());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        int[][] edges = new int[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            edges[i] = graph.get(names.get(i)).stream().mapToInt(ids::get).toArray();
        }
        int[] index = new int[names.size()];
        int[] low = new int[names.size()];
        boolean[] onStack = new boolean[names.size()];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<List<String>> components = new ArrayList<>();
        int counter = 0;
        // Each frame: a node and how many of its edges were followed.
        Deque<int[]> frames = new ArrayDeque<>();
        for (int root = 0; root < names.size(); root++) {
            if (index[root] >= 0) {
                continue;
            }
            frames.push(new int[] {root, 0});
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            while (!frames.isEmpty()) {
                int[] frame = frames.peek();
                int node = frame[0];
                if (frame[1] < edges[node].length) {
                    int next = edges[node][frame[1]++];
                    if (index[next] < 0) {
                        index[next] = low[next] = counter++;
                        stack.push(next);
                        onStack[next] = true;
                        frames.push(new int[] {next, 0});
                    } else if (onStack[next]) {
                        low[node] = Math.min(low[node], index[next]);
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    int parent = frames.peek()[0];
                    low[parent] = Math.min(low[parent], low[node]);
                }
                if (low[node] == index[node]) {
                    List<String> component = new ArrayList<>();
                    int member;
                    do {
                        member = stack.pop();
                        onStack[member] = false;
                        component.add(names.get(member));
                    } while (member != node);
                    component.sort(null);
                    components.add(List.copyOf(component));
                }
            }
        }
        return components;
    }
}
