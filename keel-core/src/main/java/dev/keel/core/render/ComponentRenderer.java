package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.BuildConfig;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.ReleaseConfig;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.CheckSkip;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.spec.SourceRef;
import dev.keel.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders one component: the macros file and its load lines, the configured overlays, check
 * skipping and the header, the merged {@code sources} file, and only the sidecar files the spec
 * references. A pure function of the resolved configuration and the upstream sources.
 */
public final class ComponentRenderer {

    /** A URL: scheme, host, path, optional query and fragment, as Go's url.Parse splits them. */
    private static final Pattern URL =
            Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)([^?#]*)(?:\\?[^#]*)?(?:#(.*))?$");

    private static final String MACROS_FILE = "render: macros file";

    private final Project project;
    private final Context context;

    public ComponentRenderer(Project project) {
        this.project = project;
        this.context = new Context(
                project.root(),
                Location.of(project.configFile()),
                RenderedComments.autospecVersion(project.renderTexts(), project.rpmautospecVersion()));
    }

    /** Renders a component: builds its plan and applies it. */
    public RenderedComponent render(ResolvedComponent component, RenderInput input) throws RenderException {
        Spec pristine = upstreamSpec(component, input);
        return new RenderRun(plan(component, input, pristine), component, input, Optional.of(pristine), context)
                .apply();
    }

    /**
     * Renders a component from its plan and the trail of its edit steps, for a caller that has
     * applied the edits already: the result steps only, on the trail's last state.
     */
    public RenderedComponent render(
            ResolvedComponent component, RenderInput input, RenderPlan plan, EditTrail.Trail trail)
            throws RenderException {
        return new RenderRun(plan, component, input, Optional.empty(), context)
                .finish(trail.edited(), trail.editedSpec());
    }

    /** The plan of a component's render: what it will do, step by step, and which overlays it skips. */
    public RenderPlan plan(ResolvedComponent component, RenderInput input) throws RenderException {
        return plan(component, input, upstreamSpec(component, input));
    }

    /**
     * The upstream sources after the plan's edit steps, each changed line and file knowing the step
     * or overlay that made it: what {@code diff-sources} shows.
     *
     * @throws OverlayException for the first overlay that cannot be applied
     * @throws RenderException when the release cannot be bumped
     */
    public OverlayResult edited(RenderPlan plan, RenderInput input) throws OverlayException, RenderException {
        return PlanEdits.apply(plan, input.upstream(), context.sourceRoot());
    }

    /** The upstream spec the component renders from, parsed: what its plan is made from. */
    public static Spec upstreamSpec(ResolvedComponent component, RenderInput input) throws RenderException {
        String specPath = component.name() + ".spec";
        SourceFile upstreamSpec = input.upstream()
                .get(specPath)
                .orElseThrow(
                        () -> RenderException.of(Failure.Kind.SOURCES, "the upstream sources have no " + specPath));
        return Spec.parse(upstreamSpec.content());
    }

    /**
     * The plan of a component's render, from its configuration, its upstream spec and the render's
     * inputs: the macros file and its load lines, the component's overlays, check skipping, the
     * release bump for project changes, the header, then rpmautospec, the sources file and the
     * sidecar filter.
     */
    public RenderPlan plan(ResolvedComponent component, RenderInput input, Spec pristine) throws RenderException {
        List<String> notes = new ArrayList<>();
        Optional<String> macros = MacrosFile.contents(
                component,
                UpstreamProvenance.macros(project, component, pristine, input.history(), notes),
                project.renderTexts());
        List<RenderStep> steps = new ArrayList<>();
        if (macros.isPresent()) {
            String file = MacrosFile.fileName(component.name());
            SourceFile content = new SourceFile(macros.get().getBytes(StandardCharsets.UTF_8), false);
            steps.add(new RenderStep.Generate(MACROS_FILE, file, content, context.renderLocation()));
            steps.add(new RenderStep.Edits(MACROS_FILE, macrosFileEdits(file)));
        }
        List<SkippedOverlay> skipped = skipped(component, input);
        skipped.forEach(skip -> notes.add(skip.note()));
        List<LocatedOverlay> overlays = new ArrayList<>(component.overlays());
        skipped.forEach(skip -> overlays.remove(skip.overlay()));
        steps.add(new RenderStep.Edits(RenderPlan.OVERLAYS, overlays));
        steps.add(new RenderStep.Edits(CheckSkip.LABEL, checkSkip(component, pristine, notes)));
        if (!input.changes().isEmpty()) {
            ReleaseConfig release = component.config().release();
            steps.add(new RenderStep.ReleaseBump(
                    input.changes().size(), release == null ? null : release.calculation(), context.renderLocation()));
        }
        steps.add(new RenderStep.Edits(
                "render: header",
                List.of(context.keel(
                        "render: header",
                        Overlay.SpecPrependLines.atTop(RenderedComments.specHeader(project.renderTexts()))))));
        steps.add(new RenderStep.ArchiveHashes(component.config().sourceFiles()));
        steps.add(new RenderStep.Autospec());
        steps.add(new RenderStep.MergeSources(component.config().sourceFiles()));
        steps.add(new RenderStep.FilterSidecars(input.keepUnreferenced()
                || (component.config().render() != null
                        && Boolean.TRUE.equals(component.config().render().skipFileFilter()))));
        return new RenderPlan(component.name(), component.name() + ".spec", steps, skipped, notes);
    }

    /** The macros file's load lines at the top of the spec, and its {@code Source9999}. */
    private List<LocatedOverlay> macrosFileEdits(String file) {
        return List.of(
                context.keel(
                        MACROS_FILE,
                        Overlay.SpecPrependLines.atTop(List.of(
                                RenderedComments.macrosLoad(project.renderTexts()),
                                "%{load:%{_sourcedir}/" + file + "}",
                                ""))),
                context.keel(MACROS_FILE, Overlay.SpecInsertTag.inMainPackage("Source9999", file)));
    }

    /**
     * The component's overlays that render does not apply: those that edit sidecar files when only
     * the spec is at hand, and those inside an archive the sources do not have (a lookaside archive,
     * or one a spec snapshot cannot tell).
     *
     * @throws RenderException when an archive overlay's archive exists nowhere ({@link ArchiveOrigins})
     */
    private static List<SkippedOverlay> skipped(ResolvedComponent component, RenderInput input) throws RenderException {
        ArchiveOrigins archives = new ArchiveOrigins(component, input.upstream(), input.specOnly());
        List<SkippedOverlay> skipped = new ArrayList<>();
        for (LocatedOverlay overlay : component.overlays()) {
            Optional<ArchiveOrigins.Origin> origin = archives.of(overlay);
            if (origin.isPresent() && origin.get() != ArchiveOrigins.Origin.UPSTREAM) {
                // As azldev: render does not download lookaside archives; prepare-sources applies these.
                SkippedOverlay.Reason reason = origin.get() == ArchiveOrigins.Origin.LOOKASIDE
                        ? SkippedOverlay.Reason.ARCHIVE_NOT_FETCHED
                        : SkippedOverlay.Reason.ARCHIVE_UNKNOWN;
                skipped.add(new SkippedOverlay(
                        overlay, reason, overlay.overlay().archive().orElseThrow()));
            } else if (input.specOnly() && overlay.overlay() instanceof Overlay.SidecarEdit) {
                skipped.add(new SkippedOverlay(overlay, SkippedOverlay.Reason.SPEC_ONLY, ""));
            }
        }
        return skipped;
    }

    /** {@code build.check.skip}: lines that disable every {@code %check} section of the upstream spec. */
    private List<LocatedOverlay> checkSkip(ResolvedComponent component, Spec pristine, List<String> notes) {
        BuildConfig build = component.config().build();
        if (build == null
                || build.check() == null
                || !Boolean.TRUE.equals(build.check().skip())) {
            return List.of();
        }
        List<String> checks = CheckSkip.sectionNames(pristine);
        if (checks.isEmpty()) {
            notes.add("warning: " + CheckSkip.NOTHING_TO_SKIP);
        }
        List<LocatedOverlay> edits = new ArrayList<>();
        for (String section : checks) {
            edits.add(context.keel(
                    CheckSkip.LABEL,
                    Overlay.SpecPrependLines.inSection(
                            section, CheckSkip.lines(build.check().skipReason()))));
        }
        return edits;
    }

    /**
     * The top-level names of the files the spec's sources and patches name, as azldev derives them
     * from spectool's output: a URL gives the base name of its path, or of a {@code #/name} or
     * {@code #./name} fragment; a local path keeps its directories, so {@code tests/run.sh} keeps
     * {@code tests}. Absolute paths and paths leaving the directory name nothing. Null when a name
     * cannot be determined without expanding macros, in which case nothing is filtered.
     */
    static Set<String> referencedFiles(Spec spec) {
        Set<String> names = new HashSet<>();
        for (SourceRef reference : spec.references()) {
            String expanded = spec.expandLiteral(reference.value());
            if (expanded == null || expanded.contains("%")) {
                return null;
            }
            String name = referencedName(expanded.strip());
            if (name != null) {
                names.add(name.contains("/") ? name.substring(0, name.indexOf('/')) : name);
            }
        }
        return names;
    }

    /** The file a source value names, relative to the spec's directory, or null for none. */
    private static String referencedName(String value) {
        Matcher url = URL.matcher(value);
        if (url.matches()) {
            String fragment = url.group(3);
            boolean rename = fragment != null && (fragment.startsWith("/") || fragment.startsWith("./"));
            String name = baseName(rename ? fragment : url.group(2));
            return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
        }
        List<String> segments = new ArrayList<>();
        if (value.startsWith("/")) {
            return null;
        }
        for (String segment : value.split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    private static String baseName(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** What a render run needs from the renderer besides the plan. */
    record Context(Path sourceRoot, Location renderLocation, String autospecVersion) {

        /** One of Keel's own edits, named for provenance. */
        LocatedOverlay keel(String name, Overlay overlay) {
            return new LocatedOverlay(-1, overlay, renderLocation, name);
        }
    }
}
