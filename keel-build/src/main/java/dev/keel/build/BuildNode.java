package dev.keel.build;

import dev.keel.build.backend.BuildConditionals;
import dev.keel.build.graph.BuildGraph;
import dev.keel.core.config.ResolvedComponent;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One build of a run: a component's normal build (the node named as the component), or its
 * stage-1 build ({@code NAME@stage1}: the same sources with the bootstrap's conditionals, kept out
 * of the channels).
 *
 * @param name the node's name in the graph, which names its log, work directory and build record
 * @param component the component it builds
 * @param conditionals the build conditionals (none for a normal build)
 */
record BuildNode(String name, ResolvedComponent component, BuildConditionals conditionals) {

    /** The nodes that build {@code selected}: each component and its stage-1 build, if the graph has one. */
    static SortedMap<String, BuildNode> of(BuildGraph graph, SortedMap<String, ResolvedComponent> selected) {
        SortedMap<String, BuildNode> nodes = new TreeMap<>();
        for (String name : graph.nodes(selected.keySet())) {
            BuildGraph.Bootstrap stage = graph.bootstrap().get(name);
            nodes.put(
                    name,
                    stage == null
                            ? new BuildNode(name, selected.get(name), BuildConditionals.NONE)
                            : new BuildNode(
                                    name,
                                    selected.get(stage.component()),
                                    new BuildConditionals(stage.with(), stage.without())));
        }
        return nodes;
    }

    /** Whether this is a stage-1 build. */
    boolean stage1() {
        return !name.equals(component.name());
    }
}
