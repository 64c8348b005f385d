package dev.keel.build.graph;

import java.util.Collections;
import java.util.List;
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
 */
public record BuildGraph(
        SortedMap<String, SortedSet<String>> dependsOn,
        List<Unresolved> unresolved,
        List<List<String>> cycles,
        List<List<String>> layers,
        List<String> criticalPath) {

    /** A build requirement of a component that nothing known provides. */
    public record Unresolved(String component, String requires) {}

    public BuildGraph {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        dependsOn.forEach(
                (component, needs) -> copy.put(component, Collections.unmodifiableSortedSet(new TreeSet<>(needs))));
        dependsOn = Collections.unmodifiableSortedMap(copy);
        unresolved = List.copyOf(unresolved);
        cycles = cycles.stream().map(List::copyOf).toList();
        layers = layers.stream().map(List::copyOf).toList();
        criticalPath = List.copyOf(criticalPath);
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
