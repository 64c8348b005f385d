package dev.keel.build.graph;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The build order of a set of components: which in-distro components each one needs built first,
 * what nothing in the distro provides, the cycles, and the layers to build in (every component of
 * a layer depends only on earlier layers, so a layer builds in parallel). All collections are
 * sorted, so the graph of the same inputs is the same whatever the thread count.
 *
 * @param dependsOn each component (every one of the set, even with no dependency) to the
 *     components it needs built first
 * @param unresolved build requirements nothing in the distro provides and no input repository is
 *     known to provide, by component
 * @param cycles the strongly connected components of more than one component (or a component that
 *     needs itself), each sorted; sorted by their first member
 * @param layers the build order: each layer's components depend only on earlier layers (the
 *     members of a cycle share a layer)
 * @param criticalPath the longest chain of dependencies, first to last
 * @param bootstrap the stage-1 builds among the nodes, by node name ({@code NAME@stage1}): a
 *     component built first with other build conditionals, to break a cycle (see
 *     {@code build.bootstrap}); its normal build is the node {@code NAME}
 */
public record BuildGraph(
        SortedMap<String, SortedSet<String>> dependsOn,
        List<Unresolved> unresolved,
        List<List<String>> cycles,
        List<List<String>> layers,
        List<String> criticalPath,
        SortedMap<String, Bootstrap> bootstrap) {

    /** The suffix of a stage-1 node's name: {@code rebar3@stage1}. */
    public static final String STAGE1 = "@stage1";

    /** A build requirement of a component that nothing known provides. */
    public record Unresolved(String component, String requires) {}

    /** A stage-1 build: the component, built with these build conditionals. */
    public record Bootstrap(String component, List<String> with, List<String> without) {
        public Bootstrap {
            with = List.copyOf(with);
            without = List.copyOf(without);
        }
    }

    /** A graph without stage-1 builds. */
    public BuildGraph(
            SortedMap<String, SortedSet<String>> dependsOn,
            List<Unresolved> unresolved,
            List<List<String>> cycles,
            List<List<String>> layers,
            List<String> criticalPath) {
        this(dependsOn, unresolved, cycles, layers, criticalPath, new TreeMap<>());
    }

    /** A graph of independent components: no edges, one layer. */
    public static BuildGraph independent(Set<String> components) {
        SortedMap<String, SortedSet<String>> none = new TreeMap<>();
        components.forEach(c -> none.put(c, new TreeSet<>()));
        return new BuildGraph(none, List.of(), List.of(), List.of(List.copyOf(none.keySet())), List.of());
    }

    public BuildGraph {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        dependsOn.forEach(
                (component, needs) -> copy.put(component, Collections.unmodifiableSortedSet(new TreeSet<>(needs))));
        dependsOn = Collections.unmodifiableSortedMap(copy);
        unresolved = List.copyOf(unresolved);
        cycles = cycles.stream().map(List::copyOf).toList();
        layers = layers.stream().map(List::copyOf).toList();
        criticalPath = List.copyOf(criticalPath);
        bootstrap = Collections.unmodifiableSortedMap(new TreeMap<>(bootstrap));
    }

    /**
     * The nodes that build {@code components}: each of them, and the stage-1 node of each that
     * has one.
     */
    public SortedSet<String> nodes(Collection<String> components) {
        SortedSet<String> nodes = new TreeSet<>(components);
        bootstrap.forEach((node, stage) -> {
            if (components.contains(stage.component())) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    /** The number of dependency edges between components. */
    public int edges() {
        return dependsOn.values().stream().mapToInt(SortedSet::size).sum();
    }

    /** The components that need {@code component} built first, directly or through others. */
    public SortedSet<String> dependents(String component) {
        SortedSet<String> found = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var entry : dependsOn.entrySet()) {
                if (!found.contains(entry.getKey())
                        && (entry.getValue().contains(component)
                                || entry.getValue().stream().anyMatch(found::contains))) {
                    found.add(entry.getKey());
                    grew = true;
                }
            }
        }
        found.remove(component);
        return found;
    }
}
