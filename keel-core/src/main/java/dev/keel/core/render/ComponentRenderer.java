package dev.keel.core.render;

import dev.keel.core.autospec.AutospecExpansion;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.autospec.SpecFeatures;
import dev.keel.core.autospec.SpecVersion;
import dev.keel.core.autospec.SyntheticHistory;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.BuildConfig;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.CheckSkip;
import dev.keel.core.overlay.OverlayEngine;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.spec.SourceRef;
import dev.keel.spec.Spec;
import dev.keel.spec.macro.MacroContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    private final Project project;
    private final Path projectRoot;
    private final Location renderLocation;

    public ComponentRenderer(Project project) {
        this.project = project;
        this.projectRoot = project.root();
        this.renderLocation = Location.of(project.configFile());
    }

    /** Renders a component. */
    public RenderedComponent render(ResolvedComponent component, RenderInput input) throws RenderException {
        SourceTree upstream = input.upstream();
        boolean specOnly = input.specOnly();
        String specPath = component.name() + ".spec";
        SourceFile upstreamSpec = upstream.get(specPath)
                .orElseThrow(
                        () -> RenderException.of(Failure.Kind.SOURCES, "the upstream sources have no " + specPath));
        Spec pristine = Spec.parse(upstreamSpec.content());
        List<String> notes = new ArrayList<>();
        Optional<String> macros = MacrosFile.contents(
                component,
                UpstreamProvenance.macros(project, component, pristine, input.history(), notes),
                project.renderTexts());
        List<LocatedOverlay> overlays = new ArrayList<>();
        if (macros.isPresent()) {
            String file = MacrosFile.fileName(component.name());
            overlays.add(keel(
                    "render: macros file",
                    Overlay.SpecPrependLines.atTop(List.of(
                            RenderedComments.macrosLoad(project.renderTexts()),
                            "%{load:%{_sourcedir}/" + file + "}",
                            ""))));
            overlays.add(keel("render: macros file", Overlay.SpecInsertTag.inMainPackage("Source9999", file)));
            upstream = upstream.with(file, new SourceFile(macros.get().getBytes(StandardCharsets.UTF_8), false));
        }
        overlays.addAll(configuredOverlays(component, upstream, specOnly, notes));
        overlays.addAll(checkSkip(component, pristine, notes));
        if (!input.changes().isEmpty()) {
            OverlayResult overlaid = apply(component, upstream, specPath, overlays);
            Optional<String> release = ReleaseBump.value(
                    Spec.parse(overlaid.tree().get(specPath).orElseThrow().content()),
                    component.config().release() == null
                            ? null
                            : component.config().release().calculation(),
                    input.changes().size());
            if (release.isPresent()) {
                overlays.add(keel(
                        "render: release bump for " + input.changes().size()
                                + (input.changes().size() == 1 ? " project change" : " project changes"),
                        Overlay.SpecUpdateTag.inMainPackage("Release", release.get())));
            }
        }
        overlays.add(keel(
                "render: header", Overlay.SpecPrependLines.atTop(RenderedComments.specHeader(project.renderTexts()))));
        OverlayResult result = apply(component, upstream, specPath, overlays);
        List<String> hashProblems =
                result.verifyArchiveHashes(component.config().sourceFiles());
        if (!hashProblems.isEmpty()) {
            throw new RenderException(Failure.of(Failure.Kind.CONFIGURATION, String.join("; ", hashProblems))
                    .at(component.locationOf("source-files"))
                    .withHint("record the archive's new hash in source-files with origin.type = \"overlay\""));
        }
        TreeMap<String, SourceFile> files = new TreeMap<>();
        SourceFile overlaidSpec = result.tree().get(specPath).orElseThrow();
        Spec spec = Spec.parse(overlaidSpec.content());
        SpecFeatures features = SpecFeatures.of(spec.text());
        if (features.needsProcessing()) {
            if (input.history().isPresent()) {
                PackageHistory history = input.changes().isEmpty()
                        ? input.history().get()
                        : interleave(input, renderedVersion(pristine, spec), notes);
                spec = Spec.parse(AutospecExpansion.expand(
                        spec,
                        history,
                        RenderedComments.autospecVersion(project.renderTexts(), project.rpmautospecVersion())));
            } else if (features.hasAutorelease() || features.hasAutochangelog()) {
                notes.add("%autorelease/%autochangelog left as written: the upstream has no history");
            }
        }
        files.put(specPath, new SourceFile(spec.toBytes(), overlaidSpec.executable()));
        List<SourceFileRef> sourceFiles = component.config().sourceFiles();
        Optional<SourceFile> upstreamSources = result.tree().get("sources");
        SourcesFile manifest = sourcesFile(upstreamSources);
        manifest.verifyTracked(input.upstream());
        if (sourceFiles == null || sourceFiles.isEmpty()) {
            // nothing to merge: the upstream file, if any, is kept byte for byte (as azldev does)
            upstreamSources.ifPresent(file -> files.put("sources", file));
        } else {
            files.put(
                    "sources",
                    new SourceFile(
                            manifest.merge(sourceFiles, index -> component.locationOfItem("source-files", index))
                                    .toBytes(),
                            false));
        }
        Set<String> referenced = referencedFiles(spec);
        boolean skipFilter = input.keepUnreferenced()
                || referenced == null
                || (component.config().render() != null
                        && Boolean.TRUE.equals(component.config().render().skipFileFilter()));
        for (Map.Entry<String, SourceFile> file : result.tree().files().entrySet()) {
            String path = file.getKey();
            if (path.equals(specPath) || path.equals("sources")) {
                continue;
            }
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (skipFilter || referenced.contains(top)) {
                files.put(path, file.getValue());
            }
        }
        return new RenderedComponent(component.name(), files, notes);
    }

    /**
     * The component's overlays that render applies: not those that edit sidecar files when only the
     * spec is at hand, nor those inside an archive the sources do not have (each skip noted).
     */
    private static List<LocatedOverlay> configuredOverlays(
            ResolvedComponent component, SourceTree upstream, boolean specOnly, List<String> notes) {
        List<LocatedOverlay> applied = new ArrayList<>();
        for (LocatedOverlay overlay : component.overlays()) {
            Optional<String> archive = overlay.overlay().archive();
            if (specOnly && overlay.overlay() instanceof Overlay.SidecarEdit) {
                notes.add(overlay.label() + " skipped: the spec snapshot has no sidecar files (" + overlay.summary()
                        + ")");
            } else if (archive.isPresent() && upstream.get(archive.get()).isEmpty()) {
                // As azldev: render does not download lookaside archives; prepare-sources applies these.
                notes.add(overlay.label() + " skipped: " + archive.get()
                        + " is a lookaside archive, not fetched when rendering");
            } else {
                applied.add(overlay);
            }
        }
        return applied;
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
            edits.add(keel(
                    CheckSkip.LABEL,
                    Overlay.SpecPrependLines.inSection(
                            section, CheckSkip.lines(build.check().skipReason()))));
        }
        return edits;
    }

    private OverlayResult apply(
            ResolvedComponent component, SourceTree upstream, String specPath, List<LocatedOverlay> overlays)
            throws RenderException {
        try {
            return new OverlayEngine(projectRoot).apply(component.name(), upstream, specPath, overlays);
        } catch (OverlayException e) {
            throw new RenderException(e.failure().toFailure());
        }
    }

    /** The upstream history with a commit per project change (the release stays upstream's version). */
    private static PackageHistory interleave(
            RenderInput input, Optional<SpecVersion> renderedVersion, List<String> notes) throws RenderException {
        try {
            return SyntheticHistory.interleave(
                    input.history().get(),
                    input.importCommit(),
                    input.changes(),
                    renderedVersion,
                    warning -> notes.add("warning: " + warning));
        } catch (IllegalArgumentException e) {
            throw new RenderException(Failure.of(Failure.Kind.CONFIGURATION, e.getMessage())
                    .withHint("run 'keel component update' for this component"));
        }
    }

    /**
     * The rendered spec's version when overlays changed the Version, Epoch or Release tags (the last
     * synthetic commit carries it), else empty: the upstream head's stands.
     */
    private static Optional<SpecVersion> renderedVersion(Spec upstream, Spec rendered) {
        boolean same = Objects.equals(upstream.tagValue("Version"), rendered.tagValue("Version"))
                && Objects.equals(upstream.tagValue("Epoch"), rendered.tagValue("Epoch"))
                && Objects.equals(upstream.tagValue("Release"), rendered.tagValue("Release"));
        return same ? Optional.empty() : SpecVersion.read(rendered.toBytes(), MacroContext.defaults());
    }

    private static SourcesFile sourcesFile(Optional<SourceFile> file) throws RenderException {
        return file.isEmpty()
                ? SourcesFile.empty()
                : SourcesFile.parse(new String(file.get().content(), StandardCharsets.UTF_8));
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

    private LocatedOverlay keel(String name, Overlay overlay) {
        return new LocatedOverlay(-1, overlay, renderLocation, name);
    }
}
