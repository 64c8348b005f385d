package dev.keel.build.graph;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.BootstrapConfig;
import dev.keel.core.config.model.BuildConfig;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.io.Parallel;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.render.MacrosFile;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.RenderedComponent;
import dev.keel.core.render.RenderedTree;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The facts of every component of a project (and of the stage-1 build of those with
 * {@code build.bootstrap}), read in parallel from its rendered specs: the rendered tree
 * ({@code <letter>/<name>/<name>.spec} and {@code <name>.azl.macros}), or an in-memory render from
 * an upstream source such as a spec snapshot, which writes nothing.
 *
 * @param normal each component's facts, by name
 * @param stage1 the stage-1 facts of the components that have a bootstrap build, by name
 * @param stages their stage-1 build conditionals, by name
 */
public record GraphFacts(
        SortedMap<String, ComponentFacts> normal,
        SortedMap<String, ComponentFacts> stage1,
        SortedMap<String, FactExtractor.Stage> stages) {

    /** One component's facts, normal and stage 1. */
    private record Both(ComponentFacts normal, ComponentFacts stage1, FactExtractor.Stage stage) {}

    /** Reads the rendered tree at {@code root}. */
    public static GraphFacts fromRenderedTree(Project project, RenderedTree tree, FactExtractor extractor, int jobs)
            throws IOException, InterruptedException {
        return collect(Parallel.map(project.components().values(), jobs, component -> {
            Optional<byte[]> spec = tree.file(component.name(), component.name() + ".spec");
            if (spec.isEmpty()) {
                return unreadable(
                        component,
                        "no rendered spec " + RenderedTree.relativeDir(component.name()) + "/" + component.name()
                                + ".spec (render it first, or use --upstream-specs)");
            }
            Optional<String> macros = tree.file(component.name(), MacrosFile.fileName(component.name()))
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
            return extract(project, component, extractor, spec.get(), macros);
        }));
    }

    /** Renders every component in memory from {@code upstream} (nothing is written) and reads the result. */
    public static GraphFacts fromRender(Project project, UpstreamSource upstream, FactExtractor extractor, int jobs)
            throws IOException, InterruptedException {
        RenderPipeline pipeline =
                new RenderPipeline(project, upstream, new RenderPipeline.Options(null, true, false, false, jobs, null));
        PathDisplay paths = PathDisplay.relativeTo(project.root());
        Collection<ResolvedComponent> components = project.components().values();
        return collect(pipeline.renderInMemory(components, result -> {
            ResolvedComponent component = project.components().get(result.component());
            if (result.rendered().isEmpty()) {
                return unreadable(component, notRendered(result.outcome(), paths));
            }
            RenderedComponent rendered = result.rendered().get();
            Optional<byte[]> spec = content(rendered, component.name() + ".spec");
            if (spec.isEmpty()) {
                return unreadable(component, "the render has no " + component.name() + ".spec");
            }
            Optional<String> macros = content(rendered, MacrosFile.fileName(component.name()))
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
            return extract(project, component, extractor, spec.get(), macros);
        }));
    }

    private static Optional<byte[]> content(RenderedComponent rendered, String name) {
        return Optional.ofNullable(rendered.files().get(name)).map(SourceFile::content);
    }

    private static String notRendered(Outcome outcome, PathDisplay paths) {
        if (outcome instanceof Outcome.Skipped skipped) {
            return "not rendered: " + skipped.reason();
        }
        if (outcome instanceof Outcome.Failed failed) {
            return "the render fails: " + FailureFormat.line(failed.failure(), paths);
        }
        return "not rendered";
    }

    private static Both unreadable(ResolvedComponent component, String reason) {
        return new Both(ComponentFacts.unreadable(component.name(), reason), null, null);
    }

    private static Both extract(
            Project project,
            ResolvedComponent component,
            FactExtractor extractor,
            byte[] spec,
            Optional<String> macros) {
        Integer fedora = fedoraRelease(project, component);
        ComponentFacts normal = extractor.extract(component.name(), spec, macros, fedora, null);
        FactExtractor.Stage stage = stage(component);
        ComponentFacts stage1 = stage == null ? null : extractor.extract(component.name(), spec, macros, fedora, stage);
        return new Both(normal, stage1, stage);
    }

    /** The Fedora release of the component's upstream distro version, for the Fedora macros, or null. */
    private static Integer fedoraRelease(Project project, ResolvedComponent component) {
        return project.distroVersion(component)
                .flatMap(version -> {
                    DistroVersionDefinition definition = version.definition();
                    var release =
                            Project.fedoraRelease(version.name(), definition == null ? null : definition.releaseVer());
                    return release.isPresent() ? Optional.of(release.getAsInt()) : Optional.empty();
                })
                .orElse(null);
    }

    private static FactExtractor.Stage stage(ResolvedComponent component) {
        BuildConfig build = component.config().build();
        BootstrapConfig bootstrap = build == null ? null : build.bootstrap();
        if (bootstrap == null) {
            return null;
        }
        return new FactExtractor.Stage(
                bootstrap.with() == null ? List.of() : bootstrap.with(),
                bootstrap.without() == null ? List.of() : bootstrap.without());
    }

    private static GraphFacts collect(List<Both> all) {
        SortedMap<String, ComponentFacts> normal = new TreeMap<>();
        SortedMap<String, ComponentFacts> stage1 = new TreeMap<>();
        SortedMap<String, FactExtractor.Stage> stages = new TreeMap<>();
        for (Both both : all) {
            normal.put(both.normal().component(), both.normal());
            if (both.stage1() != null) {
                stage1.put(both.normal().component(), both.stage1());
                stages.put(both.normal().component(), both.stage());
            }
        }
        return new GraphFacts(normal, stage1, stages);
    }
}
