package dev.keel.cli;

import dev.keel.build.graph.BuildGraph;
import dev.keel.build.graph.DependencyGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** How {@code keel component graph} prints a graph: JSON, Graphviz dot, a table and a summary. */
final class GraphOutput {

    private GraphOutput() {}

    /**
     * The JSON object: {@code components}, {@code edges}, {@code nodes} ({@code component},
     * {@code dependsOn}), {@code unresolved} ({@code component}, {@code requires}), {@code cycles},
     * {@code layers}, {@code criticalPath}, then what explains them.
     */
    static Map<String, Object> json(DependencyGraph dependencies) {
        BuildGraph graph = dependencies.graph();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("components", dependencies.components());
        result.put("edges", graph.edges());
        List<Map<String, Object>> nodes = new ArrayList<>();
        graph.dependsOn().forEach((node, needs) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("component", node);
            entry.put("dependsOn", List.copyOf(needs));
            nodes.add(entry);
        });
        result.put("nodes", nodes);
        List<Map<String, Object>> unresolved = new ArrayList<>();
        for (BuildGraph.Unresolved item : graph.unresolved()) {
            unresolved.add(pair("component", item.component(), "requires", item.requires()));
        }
        result.put("unresolved", unresolved);
        result.put("cycles", graph.cycles());
        result.put("layers", graph.layers());
        result.put("criticalPath", graph.criticalPath());
        List<List<Map<String, Object>>> closing = new ArrayList<>();
        for (List<DependencyGraph.Edge> edges : dependencies.closing()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DependencyGraph.Edge edge : edges) {
                Map<String, Object> row = pair("from", edge.from(), "to", edge.to());
                row.put("requires", edge.requires());
                rows.add(row);
            }
            closing.add(rows);
        }
        result.put("cycleEdges", closing);
        result.put("because", dependencies.because());
        List<Map<String, Object>> bootstrap = new ArrayList<>();
        graph.bootstrap().forEach((node, stage) -> {
            Map<String, Object> row = pair("node", node, "component", stage.component());
            row.put("with", stage.with());
            row.put("without", stage.without());
            bootstrap.add(row);
        });
        result.put("bootstrap", bootstrap);
        result.put("expensive", dependencies.expensive());
        List<Map<String, Object>> outside = new ArrayList<>();
        for (DependencyGraph.Outside item : dependencies.outside()) {
            Map<String, Object> row = pair("component", item.component(), "requires", item.requires());
            row.put("providers", item.providers());
            outside.add(row);
        }
        result.put("outside", outside);
        result.put("dynamicBuildRequires", dependencies.dynamic());
        result.put("undeterminable", notes(dependencies.undeterminable()));
        result.put("unreadable", notes(dependencies.unreadable()));
        return result;
    }

    private static List<Map<String, Object>> notes(List<DependencyGraph.Note> notes) {
        return notes.stream()
                .map(note -> pair("component", note.component(), "reason", note.text()))
                .toList();
    }

    private static Map<String, Object> pair(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(key1, value1);
        row.put(key2, value2);
        return row;
    }

    /**
     * Graphviz: an edge from each node to what it needs first, labelled with the requirements that
     * make it; each cycle a cluster, the edges that close it (a node's edge to itself included) red
     * and dashed; stage-1 nodes boxed.
     */
    static String dot(DependencyGraph dependencies) {
        BuildGraph graph = dependencies.graph();
        Map<String, String> closing = new HashMap<>();
        for (List<DependencyGraph.Edge> edges : dependencies.closing()) {
            edges.forEach(edge -> closing.put(edge.from() + "\n" + edge.to(), ""));
        }
        StringBuilder out = new StringBuilder("digraph keel {\n  rankdir=LR;\n  node [shape=ellipse];\n");
        for (int i = 0; i < graph.cycles().size(); i++) {
            out.append("  subgraph \"cluster_cycle_")
                    .append(i)
                    .append("\" {\n    label=\"cycle ")
                    .append(i + 1)
                    .append("\";\n    color=red;\n");
            for (String member : graph.cycles().get(i)) {
                out.append("    ").append(quote(member)).append(";\n");
            }
            out.append("  }\n");
        }
        graph.bootstrap()
                .keySet()
                .forEach(node -> out.append("  ").append(quote(node)).append(" [shape=box];\n"));
        for (List<DependencyGraph.Edge> edges : dependencies.closing()) {
            for (DependencyGraph.Edge edge : edges) {
                if (edge.from().equals(edge.to())) {
                    out.append("  ")
                            .append(quote(edge.from()))
                            .append(" -> ")
                            .append(quote(edge.to()))
                            .append(" [label=")
                            .append(quote(String.join(", ", edge.requires())))
                            .append(", color=red, style=dashed];\n");
                }
            }
        }
        graph.dependsOn().forEach((node, needs) -> {
            out.append("  ").append(quote(node)).append(";\n");
            for (String need : needs) {
                SortedSet<String> requires = dependencies.because().get(node).get(need);
                out.append("  ").append(quote(node)).append(" -> ").append(quote(need));
                out.append(" [label=").append(quote(requires == null ? "" : String.join(", ", requires)));
                if (closing.containsKey(node + "\n" + need)) {
                    out.append(", color=red, style=dashed");
                }
                out.append("];\n");
            }
        });
        return out.append("}\n").toString();
    }

    /** A dot identifier: double-quoted, with quotes, backslashes and line breaks escaped. */
    static String quote(String text) {
        return "\""
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r") + "\"";
    }

    /** One row per node, in build order: its layer, what it needs, what nothing provides. */
    static Table table(DependencyGraph dependencies) {
        BuildGraph graph = dependencies.graph();
        Map<String, List<String>> unresolved = new HashMap<>();
        graph.unresolved()
                .forEach(item -> unresolved
                        .computeIfAbsent(item.component(), c -> new ArrayList<>())
                        .add(item.requires()));
        Map<String, Integer> cycleOf = new HashMap<>();
        for (int i = 0; i < graph.cycles().size(); i++) {
            for (String member : graph.cycles().get(i)) {
                cycleOf.put(member, i + 1);
            }
        }
        Table table = new Table("layer", "component", "cycle", "depends on", "unresolved");
        for (int layer = 0; layer < graph.layers().size(); layer++) {
            for (String node : graph.layers().get(layer)) {
                String name = dependencies.expensive().contains(node) ? node + " (expensive)" : node;
                table.row(
                        layer,
                        name,
                        cycleOf.containsKey(node) ? cycleOf.get(node) : "",
                        String.join(" ", graph.dependsOn().get(node)),
                        String.join(", ", unresolved.getOrDefault(node, List.of())));
            }
        }
        return table;
    }

    /** The stderr summary line. */
    static String summary(DependencyGraph dependencies) {
        BuildGraph graph = dependencies.graph();
        int largest = graph.cycles().stream().mapToInt(List::size).max().orElse(0);
        List<String> parts = new ArrayList<>();
        parts.add(Reports.count(dependencies.components(), "component"));
        parts.add(Reports.count(graph.edges(), "edge"));
        parts.add(Reports.count(graph.layers().size(), "layer"));
        parts.add(Reports.count(graph.cycles().size(), "cycle") + (largest > 1 ? " (largest " + largest + ")" : ""));
        parts.add("critical path " + graph.criticalPath().size());
        parts.add(Reports.count(graph.unresolved().size(), "unresolved build requirement"));
        if (!dependencies.undeterminable().isEmpty()) {
            parts.add(Reports.count(
                            dependencies.undeterminable().stream()
                                    .map(DependencyGraph.Note::component)
                                    .distinct()
                                    .count(),
                            "component")
                    + " partly undeterminable");
        }
        if (!dependencies.unreadable().isEmpty()) {
            parts.add(Reports.count(dependencies.unreadable().size(), "component") + " without facts");
        }
        if (!graph.bootstrap().isEmpty()) {
            parts.add(Reports.count(graph.bootstrap().size(), "stage-1 build"));
        }
        return String.join(", ", parts);
    }
}
