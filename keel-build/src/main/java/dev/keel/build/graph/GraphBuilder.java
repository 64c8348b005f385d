package dev.keel.build.graph;

import dev.keel.spec.dependency.Dependency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the dependency graph of a selection of components from the facts of the whole project:
 * each selected component's build requirements are resolved ({@link Resolver}) against what every
 * component of the project builds; requirements met inside the selection are edges, those met only
 * outside it are listed apart, those nothing meets are unresolved.
 *
 * <p>A component of a cycle with a bootstrap build ({@code build.bootstrap}) gets a stage-1 node
 * {@code NAME@stage1}, built with the stage's conditionals: every edge into the component from its
 * own cycle (itself included) whose requirements the stage-1 packages also meet is moved to the
 * stage-1 node, whose own requirements are resolved like any other. The cycle is broken when the
 * stage-1 build needs nothing of it.
 */
public final class GraphBuilder {

    private final GraphFacts facts;
    private final Resolver resolver;
    private final SortedSet<String> selection;
    private final SortedMap<String, SortedMap<String, SortedSet<String>>> because = new TreeMap<>();
    private final List<BuildGraph.Unresolved> unresolved = new ArrayList<>();
    private final SortedMap<String, SortedMap<String, SortedSet<String>>> outside = new TreeMap<>();

    private GraphBuilder(GraphFacts facts, SortedSet<String> selection) {
        this.facts = facts;
        this.resolver = new Resolver(new ProviderIndex(facts.normal().values()));
        this.selection = selection;
    }

    /**
     * @param facts the facts of every component of the project
     * @param selection the components to order
     * @param expensive the components whose builds are expensive
     */
    public static DependencyGraph build(GraphFacts facts, Set<String> selection, Set<String> expensive) {
        return new GraphBuilder(facts, new TreeSet<>(selection)).run(expensive);
    }

    private DependencyGraph run(Set<String> expensive) {
        List<DependencyGraph.Note> undeterminable = new ArrayList<>();
        List<DependencyGraph.Note> unreadable = new ArrayList<>();
        SortedSet<String> dynamic = new TreeSet<>();
        for (String component : selection) {
            ComponentFacts facts = this.facts.normal().get(component);
            because.put(component, new TreeMap<>());
            if (facts.unreadable() != null) {
                unreadable.add(new DependencyGraph.Note(component, facts.unreadable()));
                continue;
            }
            facts.undeterminable().forEach(text -> undeterminable.add(new DependencyGraph.Note(component, text)));
            if (facts.dynamicBuildRequires()) {
                dynamic.add(component);
            }
            resolve(component, component, facts, true);
        }
        SortedMap<String, BuildGraph.Bootstrap> bootstrap = bootstrap();
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        Set<String> selfNeeding = new TreeSet<>();
        because.forEach((node, targets) -> {
            SortedSet<String> needs = new TreeSet<>(targets.keySet());
            if (needs.remove(node)) {
                selfNeeding.add(node);
            }
            dependsOn.put(node, needs);
        });
        GraphAnalysis.Result analysis = GraphAnalysis.of(dependsOn, selfNeeding, expensive);
        List<List<DependencyGraph.Edge>> closing = new ArrayList<>();
        for (List<GraphAnalysis.Edge> edges : analysis.closing()) {
            closing.add(edges.stream()
                    .map(edge -> new DependencyGraph.Edge(
                            edge.from(),
                            edge.to(),
                            List.copyOf(because.get(edge.from()).get(edge.to()))))
                    .toList());
        }
        List<DependencyGraph.Outside> outsideList = new ArrayList<>();
        outside.forEach((component, requirements) -> requirements.forEach((requirement, providers) ->
                outsideList.add(new DependencyGraph.Outside(component, requirement, List.copyOf(providers)))));
        BuildGraph graph = new BuildGraph(
                dependsOn, unresolved, analysis.cycles(), analysis.layers(), analysis.criticalPath(), bootstrap);
        SortedSet<String> expensiveSelected = new TreeSet<>(expensive);
        expensiveSelected.retainAll(selection);
        return new DependencyGraph(
                graph,
                selection.size(),
                because,
                closing,
                outsideList,
                expensiveSelected,
                undeterminable,
                unreadable,
                dynamic);
    }

    /** Resolves a node's build requirements into edges (the requiring component is {@code component}). */
    private void resolve(String node, String component, ComponentFacts facts, boolean reportUnresolved) {
        for (Dependency requirement : facts.buildRequires()) {
            Resolver.Resolution resolution = resolver.resolve(component, requirement);
            if (!resolution.satisfied()) {
                if (reportUnresolved) {
                    unresolved.add(new BuildGraph.Unresolved(component, requirement.toString()));
                }
                continue;
            }
            for (String provider : resolution.components()) {
                if (selection.contains(provider)) {
                    because.get(node)
                            .computeIfAbsent(provider, p -> new TreeSet<>())
                            .add(requirement.toString());
                } else {
                    outside.computeIfAbsent(node, n -> new TreeMap<>())
                            .computeIfAbsent(requirement.toString(), r -> new TreeSet<>())
                            .add(provider);
                }
            }
        }
    }

    /**
     * Adds the stage-1 nodes of the selected components that are in a cycle and have a bootstrap
     * build, moving to them the edges of their cycle that the stage-1 packages satisfy.
     */
    private SortedMap<String, BuildGraph.Bootstrap> bootstrap() {
        SortedMap<String, BuildGraph.Bootstrap> stages = new TreeMap<>();
        if (facts.stage1().isEmpty()) {
            return stages;
        }
        Map<String, Integer> sccOf = new HashMap<>();
        SortedMap<String, SortedSet<String>> plain = new TreeMap<>();
        because.forEach((node, targets) -> plain.put(node, new TreeSet<>(targets.keySet())));
        plain.forEach((node, targets) -> targets.remove(node));
        List<List<String>> sccs = StronglyConnected.of(plain);
        for (int i = 0; i < sccs.size(); i++) {
            for (String member : sccs.get(i)) {
                sccOf.put(member, i);
            }
        }
        for (Map.Entry<String, ComponentFacts> entry : facts.stage1().entrySet()) {
            String component = entry.getKey();
            if (!selection.contains(component) || entry.getValue().unreadable() != null) {
                continue;
            }
            Resolver stage = new Resolver(new ProviderIndex(List.of(entry.getValue())));
            String node = component + BuildGraph.STAGE1;
            boolean moved = false;
            for (String from : List.copyOf(because.keySet())) {
                SortedSet<String> requirements = because.get(from).get(component);
                boolean sameCycle = from.equals(component)
                        || (sccOf.containsKey(from) && sccOf.get(from).equals(sccOf.get(component)));
                if (requirements == null || !sameCycle || !satisfiedBy(stage, from, requirements)) {
                    continue;
                }
                because.get(from).remove(component);
                because.get(from).put(node, requirements);
                moved = true;
            }
            if (moved) {
                because.put(node, new TreeMap<>());
                resolve(node, component, entry.getValue(), false);
                FactExtractor.Stage flags = facts.stages().get(component);
                stages.put(node, new BuildGraph.Bootstrap(component, flags.with(), flags.without()));
            }
        }
        return stages;
    }

    private boolean satisfiedBy(Resolver stage, String from, SortedSet<String> requirements) {
        for (String text : requirements) {
            Dependency requirement = buildRequirement(from, text);
            if (requirement == null || !stage.resolve(from, requirement).satisfied()) {
                return false;
            }
        }
        return true;
    }

    /** The requirement of a node's facts printed as {@code text}. */
    private Dependency buildRequirement(String node, String text) {
        ComponentFacts of = facts.normal().get(node);
        if (of == null) {
            return null;
        }
        return of.buildRequires().stream()
                .filter(d -> d.toString().equals(text))
                .findFirst()
                .orElse(null);
    }
}
