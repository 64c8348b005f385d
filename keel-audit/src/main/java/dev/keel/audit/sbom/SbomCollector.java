package dev.keel.audit.sbom;

import dev.keel.audit.attest.BuiltOutputs;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.render.RenderEvidence;
import dev.keel.core.render.RenderedTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the SBOM of the selected components from the rendered tree, rendering each again to
 * account for it ({@link RenderEvidence}): the rendered ones are described; those that render to
 * nothing (and have nothing in the tree) are listed as not rendered; a stale tree or an upstream
 * that cannot be read is a problem, and an SBOM with problems must not be written. A rendered
 * component's last complete build ({@link BuiltOutputs}) is described too when it is of the
 * rendered files ({@link BuildDescriber}); one that is not, or whose files are not as it published
 * them, is left out and listed.
 */
public final class SbomCollector {

    /**
     * What collecting found.
     *
     * @param sbom the rendered components' SBOM
     * @param notRendered the components that render to nothing, with why
     * @param problems the components the SBOM cannot vouch for
     * @param unlinkedBuilds the builds left out because they are not of the rendered files or their
     *     files are not as they were published, with why
     */
    public record Result(
            Sbom sbom, List<NotRendered> notRendered, List<Problem> problems, List<UnlinkedBuild> unlinkedBuilds) {
        public Result {
            notRendered = List.copyOf(notRendered);
            problems = List.copyOf(problems);
            unlinkedBuilds = List.copyOf(unlinkedBuilds);
        }
    }

    /** A component that renders to nothing, and why. */
    public record NotRendered(String component, String reason) {}

    /** A component the SBOM cannot describe. */
    public record Problem(String component, Failure failure) {}

    /**
     * A component whose last build the SBOM leaves out.
     *
     * @param problems why: what links it to other files than the rendered ones, which of its files are
     *     not as it published them, or what cannot be read
     */
    public record UnlinkedBuild(String component, List<String> problems) {
        public UnlinkedBuild {
            problems = List.copyOf(problems);
        }
    }

    /** A rendered component's part: its description, and its build's when it has one. */
    private record Described(SbomComponent component, Optional<BuildDescriber.Result> build) {}

    private final ComponentDescriber describer;
    private final BuildDescriber builds;
    private final BuiltOutputs built;
    private final DistroName distro;
    private final String tool;
    private final Instant created;

    /**
     * @param defines the distro's macros ({@code dist}), as builds define them
     * @param tool the tool that makes the document ({@code keel 0.1.0})
     * @param created when the document says it was made ({@link DocumentTime})
     * @param built where the components' last complete builds are ({@link BuiltOutputs#NONE}: not described)
     */
    public SbomCollector(
            Project project, Map<String, String> defines, String tool, Instant created, BuiltOutputs built) {
        this.describer = new ComponentDescriber(project, defines);
        this.distro = DistroName.of(project);
        this.builds = new BuildDescriber(distro);
        this.built = built;
        this.tool = tool;
        this.created = created;
    }

    /**
     * The SBOM of {@code components}, on {@code jobs} threads (the same whatever their number), each
     * described component handed to {@code document} on the calling thread while the threads go on:
     * finish it with the result's SBOM when the result has no problems.
     */
    public Result collect(
            RenderEvidence evidence, Collection<ResolvedComponent> components, int jobs, SbomWriter document)
            throws IOException, InterruptedException {
        List<SbomComponent> described = new ArrayList<>();
        List<ComponentBuild> componentBuilds = new ArrayList<>();
        List<UnlinkedBuild> unlinked = new ArrayList<>();
        List<NotRendered> notRendered = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        evidence.each(components, jobs, result -> describe(result, evidence.root()), result -> {
            if (result instanceof Described part) {
                Optional<ComponentBuild> linked = Optional.empty();
                if (part.build().isPresent() && part.build().get() instanceof BuildDescriber.Linked build) {
                    linked = Optional.of(build.build());
                    componentBuilds.add(build.build());
                } else if (part.build().isPresent()) {
                    unlinked.add(new UnlinkedBuild(
                            part.component().name(),
                            ((BuildDescriber.NotLinked) part.build().get()).problems()));
                }
                described.add(part.component());
                if (problems.isEmpty()) {
                    document.add(part.component(), linked);
                }
            } else if (result instanceof NotRendered skipped) {
                notRendered.add(skipped);
            } else {
                problems.add((Problem) result);
            }
        });
        return new Result(new Sbom(distro, tool, created, described, componentBuilds), notRendered, problems, unlinked);
    }

    /** A writer of a document of the SBOM this collector makes, in {@code format}. */
    public SbomWriter writer(SbomFormat format) {
        return format.writer(distro, tool, created);
    }

    /** One component's part, made on the worker thread so that only the description is kept. */
    private Object describe(RenderEvidence.Result result, Path renderedRoot) throws IOException {
        if (result instanceof RenderEvidence.Rendered rendered) {
            return new Described(describer.describe(rendered), build(rendered, renderedRoot));
        }
        if (result instanceof RenderEvidence.NotRendered skipped) {
            return new NotRendered(skipped.component(), skipped.reason());
        }
        if (result instanceof RenderEvidence.Failed failed) {
            return new Problem(failed.component(), failed.failure());
        }
        RenderEvidence.Stale stale = (RenderEvidence.Stale) result;
        Failure failure = Failure.of(
                        Failure.Kind.CONFIGURATION,
                        "the rendered specs are not what Keel renders now ("
                                + (stale.files().isEmpty() ? "nothing rendered" : String.join(", ", stale.files()))
                                + " differ)")
                .at(Location.of(renderedRoot.resolve(RenderedTree.relativeDir(stale.component()))))
                .withHint("run 'keel component render " + stale.component() + "' and commit the result");
        if (stale.failure().isPresent()) {
            failure = failure.causedBy(stale.failure().get());
        }
        return new Problem(stale.component(), failure);
    }

    /**
     * The component's last build, checked against its rendered files as the tree holds them (the
     * render evidence has shown that they are what it renders to); empty when it has none. A
     * build whose files are not as it published them is left out with the reasons, as one that
     * is not of the rendered files is: the SBOM does not take it for no build.
     */
    private Optional<BuildDescriber.Result> build(RenderEvidence.Rendered rendered, Path renderedRoot) {
        String name = rendered.component();
        BuiltOutputs.LastBuild last;
        try {
            last = built.of(name);
        } catch (IOException e) {
            return Optional.of(new BuildDescriber.NotLinked(
                    List.of("cannot read what its last build published: " + e.getMessage())));
        }
        if (last instanceof BuiltOutputs.Damaged damaged) {
            return Optional.of(new BuildDescriber.NotLinked(damaged.problems()));
        }
        if (!(last instanceof BuiltOutputs.Published published)) {
            return Optional.empty();
        }
        List<Path> files = published.files();
        Path directory = renderedRoot.resolve(RenderedTree.relativeDir(name));
        Map<String, Path> topLevel = new TreeMap<>();
        rendered.rendered().files().keySet().stream()
                .filter(file -> !file.contains("/"))
                .forEach(file -> topLevel.put(file, directory.resolve(file)));
        return Optional.of(
                builds.describe(name, files, topLevel, rendered.plan().specPath()));
    }
}
