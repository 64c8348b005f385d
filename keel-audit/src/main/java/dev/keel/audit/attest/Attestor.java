package dev.keel.audit.attest;

import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.RenderedTree;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes the provenance statement of each component. Each is rendered in memory from the same
 * inputs as {@code component render} (nothing is written), and its statement is made only when
 * the project's rendered directory holds exactly those files: an attestation says which inputs
 * made its subjects, so a directory rendered from other inputs gets none. Nor does a component
 * whose last build ({@link BuiltOutputs}) is not of its rendered files ({@link BuildLink}), or
 * whose build files are no longer as the build published them: its RPMs would be subjects. Components
 * are handled in parallel; the results are in the components' order.
 */
public final class Attestor {

    /**
     * How to run.
     *
     * @param keelVersion Keel's version, the builder's
     * @param jobs parallel workers
     */
    public record Options(String keelVersion, int jobs) {}

    private final Project project;
    private final RenderPipeline pipeline;
    private final UpstreamSource upstream;
    private final BuiltOutputs built;
    private final Options options;
    private final ProjectFiles files;

    public Attestor(Project project, UpstreamSource upstream, BuiltOutputs built, Options options) {
        this.project = project;
        this.upstream = upstream;
        this.built = built;
        this.options = options;
        this.files = new ProjectFiles(project.root());
        this.pipeline = new RenderPipeline(
                project, upstream, new RenderPipeline.Options(null, true, false, false, options.jobs(), null));
    }

    /** The components' attestations, in their order. */
    public List<Attestation> attest(Collection<ResolvedComponent> components) throws IOException, InterruptedException {
        try (ProjectRevision revision = ProjectRevision.of(project.root())) {
            return pipeline.renderInMemory(components, result -> attest(result, revision));
        }
    }

    private Attestation attest(RenderPipeline.InMemory result, ProjectRevision revision) {
        String name = result.component();
        if (result.rendered().isEmpty() || result.plan().isEmpty()) {
            return new Attestation(name, Optional.empty(), result.outcome());
        }
        ResolvedComponent component = project.components().get(name);
        try {
            Path directory = project.renderedSpecsDir().resolve(RenderedTree.relativeDir(name));
            RenderedDirectory rendered = RenderedDirectory.read(directory);
            List<String> differences =
                    rendered.differences(result.rendered().get().files());
            if (!differences.isEmpty()) {
                return failed(
                        name,
                        Failure.of(
                                        Failure.Kind.CONFIGURATION,
                                        "the rendered files are not what a render makes from the inputs now: "
                                                + String.join(", ", differences))
                                .at(Location.of(rendered.directory()))
                                .withHint("render it (keel component render " + name
                                        + "), then attest: an attestation names the inputs that made its subjects"));
            }
            BuiltOutputs.LastBuild last = built.of(name);
            if (last instanceof BuiltOutputs.Damaged damaged) {
                return failed(
                        name,
                        Failure.of(
                                        Failure.Kind.FILESYSTEM,
                                        "the last build's files are not as it published them: "
                                                + String.join("; ", damaged.problems()))
                                .at(Location.of(project.outputDir()))
                                .withHint(rebuildHint(name)));
            }
            List<Path> builtFiles = last instanceof BuiltOutputs.Published published ? published.files() : List.of();
            if (!builtFiles.isEmpty()) {
                List<String> problems = BuildLink.problems(
                        builtFiles.get(0),
                        builtFiles.subList(1, builtFiles.size()),
                        topLevel(rendered),
                        name + ".spec");
                if (!problems.isEmpty()) {
                    return failed(
                            name,
                            Failure.of(
                                            Failure.Kind.CONFIGURATION,
                                            "the last build is not of the rendered files: "
                                                    + String.join("; ", problems))
                                    .at(Location.of(builtFiles.get(0)))
                                    .withHint(rebuildHint(name)));
                }
            }
            Statement statement = ComponentProvenance.of(
                    project,
                    component,
                    files,
                    revision,
                    rendered,
                    result.plan().get(),
                    builtFiles,
                    upstream,
                    options.keelVersion());
            return new Attestation(name, Optional.of(statement), Outcome.ok());
        } catch (RenderException e) {
            return failed(name, e.failure());
        } catch (IOException | RuntimeException e) {
            return failed(name, Failures.of(e, Failure.Kind.FILESYSTEM));
        }
    }

    /** What to do about a last build that cannot be attested. */
    private static String rebuildHint(String component) {
        return "build it again (keel component build " + component
                + "), or attest the rendered files alone (--rendered-only)";
    }

    /** The rendered directory's top-level files, by name: what a source RPM can hold. */
    private static Map<String, Path> topLevel(RenderedDirectory rendered) {
        Map<String, Path> files = new TreeMap<>();
        rendered.files().keySet().stream()
                .filter(file -> !file.contains("/"))
                .forEach(file -> files.put(file, rendered.directory().resolve(file)));
        return files;
    }

    private static Attestation failed(String component, Failure failure) {
        return new Attestation(component, Optional.empty(), Outcome.failed(failure));
    }
}
