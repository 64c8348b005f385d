package dev.keel.audit.attest;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.Names;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.Digests;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.RenderPlan;
import dev.keel.core.render.RenderStep;
import dev.keel.core.render.SkippedOverlay;
import dev.keel.core.render.SourcesFile;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.LookasideEntry;
import dev.keel.core.source.Remote;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One component's provenance: the subjects (its rendered files as they are in the project, and
 * what its last build published) and the build definition (the parameters the user chose, the
 * render plan's steps, and every input with its digest: the upstream at its commit, the lookaside
 * files, the overlays' input files, the configuration files and the lock).
 */
final class ComponentProvenance {

    /** The roles of dependencies, in the {@value ResourceDescriptor#ROLE} annotation. */
    static final String ROLE_DIST_GIT = "dist-git";

    static final String ROLE_UPSTREAM_SPEC = "upstream-spec";
    static final String ROLE_LOCAL_SPEC = "local-spec";
    static final String ROLE_LOOKASIDE = "lookaside";
    static final String ROLE_OVERLAY_INPUT = "overlay-input";
    static final String ROLE_CONFIGURATION = "configuration";
    static final String ROLE_LOCK = "lock";

    /** The annotation of an overlay input: the overlays that read it. */
    static final String USED_BY = "keel_usedBy";

    private final Project project;
    private final ResolvedComponent component;
    private final ProjectFiles files;
    private final SortedMap<String, ResourceDescriptor> dependencies = new TreeMap<>();

    private ComponentProvenance(Project project, ResolvedComponent component, ProjectFiles files) {
        this.project = project;
        this.component = component;
        this.files = files;
    }

    /**
     * The statement of a component.
     *
     * @param rendered the component's rendered files (checked to be those in the project)
     * @param plan the plan the render applied
     * @param builtFiles what its last build published, source RPM first; empty when not built
     * @param upstream where the render read the upstream sources from
     */
    static Statement of(
            Project project,
            ResolvedComponent component,
            ProjectFiles files,
            ProjectRevision revision,
            RenderedDirectory rendered,
            RenderPlan plan,
            List<Path> builtFiles,
            UpstreamSource upstream,
            String keelVersion)
            throws IOException, RenderException {
        ComponentProvenance provenance = new ComponentProvenance(project, component, files);
        String upstreamKind = provenance.upstream(upstream);
        provenance.lookaside(rendered);
        provenance.overlayInputs(plan, !builtFiles.isEmpty());
        for (Path file : ConfigurationFiles.of(project, component)) {
            provenance.add(files.describe(file), ROLE_CONFIGURATION);
        }
        Path lock = project.lockDir().resolve(component.name() + ".lock");
        if (Files.isRegularFile(lock)) {
            provenance.add(files.describe(lock), ROLE_LOCK);
        }
        List<ResourceDescriptor> subjects = new ArrayList<>();
        for (Map.Entry<Path, String> file : rendered.digests().entrySet()) {
            subjects.add(ResourceDescriptor.file(files.name(file.getKey()), file.getValue()));
        }
        for (Path file : builtFiles) {
            subjects.add(files.describe(file));
        }
        subjects.sort(Comparator.comparing(ResourceDescriptor::label));
        Provenance.BuildDefinition definition = new Provenance.BuildDefinition(
                Provenance.BUILD_TYPE,
                provenance.externalParameters(upstreamKind, revision),
                internalParameters(plan),
                List.copyOf(provenance.dependencies.values()));
        Provenance.RunDetails run = new Provenance.RunDetails(new Provenance.Builder(
                Provenance.BUILDER_ID_PREFIX + keelVersion, new TreeMap<>(Map.of("keel", keelVersion))));
        return new Statement(Statement.TYPE, subjects, Statement.PREDICATE_TYPE, new Provenance(definition, run));
    }

    /** The upstream the render read: a dist-git repository at its commit, a snapshot's spec, a local directory. */
    private String upstream(UpstreamSource upstream) throws IOException {
        if (component.specType() == SpecType.LOCAL) {
            Path directory = Path.of(component.config().spec().path()).getParent();
            for (String file : SourceTree.read(directory).files().keySet()) {
                add(files.describe(directory.resolve(file)), ROLE_LOCAL_SPEC);
            }
            return "local";
        }
        if (upstream instanceof DistGitSource distGit) {
            DistGitSource.Checkout checkout = distGit.checkout(component);
            add(
                    new ResourceDescriptor(
                            null,
                            "git+" + Remote.withoutUserinfo(checkout.uri()) + "@refs/heads/" + checkout.branch(),
                            new TreeMap<>(Map.of("gitCommit", checkout.commit())),
                            null,
                            null),
                    ROLE_DIST_GIT);
            return "dist-git";
        }
        String spec = component.name() + ".spec";
        SourceFile file = upstream.fetch(component)
                .flatMap(tree -> tree.get(spec))
                .orElseThrow(() -> new IOException("the upstream has no " + spec));
        add(
                ResourceDescriptor.file(component.upstreamName() + ".spec", Digests.hex("SHA-256", file.content())),
                ROLE_UPSTREAM_SPEC);
        return "spec-snapshot";
    }

    /** Every file of the rendered {@code sources} file, with its hash and where a build downloads it. */
    private void lookaside(RenderedDirectory rendered) throws RenderException {
        Optional<byte[]> sources = rendered.file("sources");
        if (sources.isEmpty()) {
            return;
        }
        Map<String, String> origins = new TreeMap<>();
        List<SourceFileRef> sourceFiles = component.config().sourceFiles();
        for (SourceFileRef file : sourceFiles == null ? List.<SourceFileRef>of() : sourceFiles) {
            if (file.origin() != null && file.origin().type() == OriginType.DOWNLOAD) {
                origins.put(file.filename(), file.origin().uri());
            }
        }
        String lookasideTemplate = project.distroVersion(component)
                .map(Project.DistroVersion::distro)
                .map(distro -> distro.lookasideBaseUri())
                .filter(uri -> !uri.isEmpty())
                .orElse(null);
        for (LookasideEntry entry : SourcesFile.parse(new String(sources.get(), StandardCharsets.UTF_8))
                .lookasideEntries()) {
            String template = origins.getOrDefault(entry.filename(), lookasideTemplate);
            String location = template == null
                    ? null
                    : Remote.withoutUserinfo(LookasideCache.url(template, component.upstreamName(), entry));
            add(
                    new ResourceDescriptor(
                            entry.filename(),
                            null,
                            new TreeMap<>(Map.of(entry.hashType().toLowerCase(Locale.ROOT), entry.hash())),
                            location,
                            null),
                    ROLE_LOOKASIDE);
        }
    }

    /**
     * The files the plan's overlays copy into the sources (patches, added files); with a build, also
     * those of the overlays render skips because they edit inside a lookaside archive, which the
     * build's prepared sources apply.
     */
    private void overlayInputs(RenderPlan plan, boolean built) throws FailureException {
        for (RenderStep.EditStep step : plan.editSteps()) {
            if (step instanceof RenderStep.Edits edits) {
                for (LocatedOverlay overlay : edits.overlays()) {
                    overlayInput(overlay, "");
                }
            }
        }
        if (built) {
            for (SkippedOverlay skipped : plan.skipped()) {
                if (skipped.reason() == SkippedOverlay.Reason.ARCHIVE_NOT_FETCHED) {
                    overlayInput(skipped.overlay(), " (in " + skipped.archive() + ", applied by the build)");
                }
            }
        }
    }

    private void overlayInput(LocatedOverlay overlay, String note) throws FailureException {
        if (!(overlay.overlay() instanceof Overlay.FromSource added)) {
            return;
        }
        ResourceDescriptor input = files.describe(Path.of(added.source()));
        String key = key(input, ROLE_OVERLAY_INPUT);
        SortedSet<String> usedBy = new TreeSet<>();
        ResourceDescriptor known = dependencies.get(key);
        if (known != null && known.annotations().get(USED_BY) instanceof List<?> list) {
            list.forEach(item -> usedBy.add(String.valueOf(item)));
        }
        usedBy.add(overlay.label() + " at " + where(overlay.location()) + note);
        dependencies.put(
                key,
                input.annotated(ResourceDescriptor.ROLE, ROLE_OVERLAY_INPUT).annotated(USED_BY, List.copyOf(usedBy)));
    }

    private String where(Location location) throws FailureException {
        if (location == null || location.file() == null) {
            return "?";
        }
        return new Location(Path.of(files.name(location.file())), location.line(), location.column()).toString();
    }

    private void add(ResourceDescriptor dependency, String role) {
        dependencies.putIfAbsent(key(dependency, role), dependency.annotated(ResourceDescriptor.ROLE, role));
    }

    /** Dependencies sort by name (or URI), then role: the same inputs, the same order. */
    private static String key(ResourceDescriptor dependency, String role) {
        return dependency.label() + "\u0000" + role;
    }

    /** What the user chose: the component, its distro version, release calculation, upstream, project commit. */
    private SortedMap<String, Object> externalParameters(String upstreamKind, ProjectRevision revision)
            throws IOException {
        SortedMap<String, Object> parameters = new TreeMap<>();
        parameters.put("component", component.name());
        parameters.put("upstream", upstreamKind);
        project.distroVersion(component).ifPresent(distro -> {
            parameters.put("distro", distro.name());
            if (distro.version() != null) {
                parameters.put("distroVersion", distro.version());
            }
        });
        if (component.config().release() != null && component.config().release().calculation() != null) {
            parameters.put(
                    "releaseCalculation",
                    Names.enumKey(component.config().release().calculation()));
        }
        Optional<String> commit = revision.commit();
        if (commit.isEmpty()) {
            parameters.put("projectState", ProjectRevision.State.NOT_IN_GIT.key());
            return parameters;
        }
        parameters.put("projectCommit", commit.get());
        List<String> uncommitted = new ArrayList<>();
        for (ResourceDescriptor dependency : dependencies.values()) {
            if (isProjectFile(dependency) && !revision.isCommitted(files.root().resolve(dependency.name()))) {
                uncommitted.add(dependency.name());
            }
        }
        parameters.put(
                "projectState",
                (uncommitted.isEmpty() ? ProjectRevision.State.COMMITTED : ProjectRevision.State.UNCOMMITTED).key());
        if (!uncommitted.isEmpty()) {
            parameters.put("uncommittedInputs", uncommitted);
        }
        return parameters;
    }

    /** Whether the dependency is a file of the project (named by its project-relative path). */
    static boolean isProjectFile(ResourceDescriptor dependency) {
        return switch (dependency.role()) {
            case ROLE_LOCAL_SPEC, ROLE_OVERLAY_INPUT, ROLE_CONFIGURATION, ROLE_LOCK -> true;
            default -> false;
        };
    }

    /** What Keel decided: the render plan's steps, and the overlays it did not apply. */
    private static SortedMap<String, Object> internalParameters(RenderPlan plan) {
        SortedMap<String, Object> parameters = new TreeMap<>();
        parameters.put("renderSteps", plan.stepNames());
        if (!plan.skipped().isEmpty()) {
            parameters.put(
                    "skippedOverlays",
                    plan.skipped().stream().map(SkippedOverlay::note).toList());
        }
        return parameters;
    }
}
