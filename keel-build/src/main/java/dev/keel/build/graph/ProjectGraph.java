package dev.keel.build.graph;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.render.RenderedTree;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The dependency graph of a project's components, as {@code component graph} and {@code component build} use it. */
public final class ProjectGraph {

    private ProjectGraph() {}

    /** The graph of the selected components, with the project's scheduling hints. */
    public static DependencyGraph of(Project project, GraphFacts facts, Set<String> selection) {
        return GraphBuilder.build(
                facts, selection, expensive(project.components().values()));
    }

    /**
     * The facts of every component from the project's rendered tree when it has one (what {@code
     * component render} wrote), else from rendering every component in memory from {@code upstream}.
     */
    public static GraphFacts renderedOr(Project project, UpstreamSource upstream, FactExtractor extractor, int jobs)
            throws IOException, InterruptedException {
        RenderedTree tree = new RenderedTree(project.renderedSpecsDir());
        return Files.isDirectory(tree.root())
                ? GraphFacts.fromRenderedTree(project, tree, extractor, jobs)
                : GraphFacts.fromRender(project, upstream, extractor, jobs);
    }

    /** The components whose configuration marks them expensive to build ({@code build.hints.expensive}). */
    public static SortedSet<String> expensive(Collection<ResolvedComponent> components) {
        SortedSet<String> expensive = new TreeSet<>();
        for (ResolvedComponent component : components) {
            var build = component.config().build();
            if (build != null
                    && build.hints() != null
                    && Boolean.TRUE.equals(build.hints().expensive())) {
                expensive.add(component.name());
            }
        }
        return expensive;
    }
}
