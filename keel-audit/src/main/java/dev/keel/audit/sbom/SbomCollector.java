package dev.keel.audit.sbom;

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

/**
 * Collects the SBOM of the selected components from the rendered tree, rendering each again to
 * account for it ({@link RenderEvidence}): the rendered ones are described; those that render to
 * nothing (and have nothing in the tree) are listed as not rendered; a stale tree or an upstream
 * that cannot be read is a problem, and an SBOM with problems must not be written.
 */
public final class SbomCollector {

    /**
     * What collecting found.
     *
     * @param sbom the rendered components' SBOM
     * @param notRendered the components that render to nothing, with why
     * @param problems the components the SBOM cannot vouch for
     */
    public record Result(Sbom sbom, List<NotRendered> notRendered, List<Problem> problems) {
        public Result {
            notRendered = List.copyOf(notRendered);
            problems = List.copyOf(problems);
        }
    }

    /** A component that renders to nothing, and why. */
    public record NotRendered(String component, String reason) {}

    /** A component the SBOM cannot describe. */
    public record Problem(String component, Failure failure) {}

    private final ComponentDescriber describer;
    private final DistroName distro;
    private final String tool;
    private final Instant created;

    /**
     * @param defines the distro's macros ({@code dist}), as builds define them
     * @param tool the tool that makes the document ({@code keel 0.1.0})
     * @param created when the document says it was made ({@link DocumentTime})
     */
    public SbomCollector(Project project, Map<String, String> defines, String tool, Instant created) {
        this.describer = new ComponentDescriber(project, defines);
        this.distro = DistroName.of(project);
        this.tool = tool;
        this.created = created;
    }

    /** The SBOM of {@code components}, on {@code jobs} threads; the same whatever their number. */
    public Result collect(RenderEvidence evidence, Collection<ResolvedComponent> components, int jobs)
            throws IOException, InterruptedException {
        List<Object> results = evidence.each(components, jobs, result -> describe(result, evidence.root()));
        List<SbomComponent> described = new ArrayList<>();
        List<NotRendered> notRendered = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof SbomComponent component) {
                described.add(component);
            } else if (result instanceof NotRendered skipped) {
                notRendered.add(skipped);
            } else {
                problems.add((Problem) result);
            }
        }
        return new Result(new Sbom(distro, tool, created, described), notRendered, problems);
    }

    /** One component's part, made on the worker thread so that only the description is kept. */
    private Object describe(RenderEvidence.Result result, Path renderedRoot) throws IOException {
        if (result instanceof RenderEvidence.Rendered rendered) {
            return describer.describe(rendered);
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
}
