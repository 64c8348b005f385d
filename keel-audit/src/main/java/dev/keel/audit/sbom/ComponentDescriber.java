package dev.keel.audit.sbom;

import dev.keel.core.autospec.AutospecExpansion;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Names;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.LinkRef;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayMetadata;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.render.EditTrail;
import dev.keel.core.render.RenderEvidence;
import dev.keel.core.render.SkippedOverlay;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.Remote;
import dev.keel.spec.Spec;
import dev.keel.spec.macro.ExpandedTags;
import dev.keel.spec.macro.ExpandedValue;
import dev.keel.spec.macro.MacroContext;
import dev.keel.spec.macro.MacroExpander;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Describes a rendered component for an SBOM: its rendered spec's name, version, release and
 * License as rpm reads them (the distro's macros, the Fedora macros of its upstream release, its
 * macros file), its upstream ancestor, and every change of its render as a patch. Safe for
 * concurrent use.
 */
final class ComponentDescriber {

    /** Where the rendered spec's load line finds the macros file: mock's {@code %{_sourcedir}}. */
    private static final String SOURCE_DIR = "/builddir/build/SOURCES";

    /** How much of an added patch is read for CVE ids: its header, before the first diff. */
    private static final int HEADER_BYTES = 64 * 1024;

    private final Project project;
    private final Map<String, String> defines;
    private final DistroName distro;
    private final PathDisplay paths;

    /**
     * @param defines the distro's macros ({@code dist}), as builds define them
     */
    ComponentDescriber(Project project, Map<String, String> defines) {
        this.project = project;
        this.defines = Map.copyOf(defines);
        this.distro = DistroName.of(project);
        this.paths = PathDisplay.machineIndependent(project.root());
    }

    SbomComponent describe(RenderEvidence.Rendered rendered) throws IOException {
        ResolvedComponent component = rendered.resolved();
        List<String> notes = new ArrayList<>();
        byte[] spec =
                rendered.rendered().files().get(rendered.plan().specPath()).content();
        Optional<String> macros = Optional.ofNullable(
                        rendered.rendered().files().get(component.name() + ".azl.macros"))
                .map(file -> new String(file.content(), StandardCharsets.UTF_8));
        OptionalInt fedora = fedoraRelease(component);
        Spec parsed = Spec.parse(spec);
        ExpandedTags tags = MacroExpander.evaluate(parsed, context(component, fedora, macros));
        Optional<String> version = value("Version", tags.version(), notes);
        Optional<String> release = value("Release", tags.release(), notes);
        Optional<String> epoch = Optional.ofNullable(tags.epoch()).flatMap(e -> Optional.ofNullable(e.value()));
        Optional<LicenseCheck.LicenseExpression> license =
                value("License", tags.license(), notes).map(LicenseCheck::check);
        String name = tags.name().isDeterminable() ? tags.name().value() : component.name();
        Optional<String> summary = Optional.ofNullable(parsed.expandLiteral(
                        Optional.ofNullable(parsed.tagValue("Summary")).orElse("")))
                .map(String::strip)
                .filter(text -> !text.isEmpty() && !text.contains("%"));
        Optional<SbomComponent.Ancestor> ancestor =
                component.specType() == SpecType.LOCAL ? Optional.empty() : Optional.of(ancestor(rendered, fedora));
        for (SkippedOverlay skip : rendered.plan().skipped()) {
            notes.add(skip.overlay().label() + " is not applied here: " + skip.note());
        }
        List<SbomComponent.Patch> patches = new ArrayList<>();
        for (EditTrail.Change change : rendered.changes()) {
            patches.add(patch(change));
        }
        String purl = purl(
                distro.vendor(),
                name,
                version.map(v -> release.map(r -> v + "-" + r).orElse(v)),
                epoch,
                distro.qualifier());
        return new SbomComponent(
                component.name(),
                summary,
                version,
                release,
                epoch,
                purl,
                license,
                Sha256Records.hex(spec),
                ancestor,
                patches,
                notes);
    }

    /** The upstream package the component renders from, at its commit (or as the snapshot has it). */
    private SbomComponent.Ancestor ancestor(RenderEvidence.Rendered rendered, OptionalInt fedora) throws IOException {
        ResolvedComponent component = rendered.resolved();
        byte[] spec = rendered.input()
                .upstream()
                .get(rendered.plan().specPath())
                .map(SourceFile::content)
                .orElseThrow();
        Optional<PackageHistory> history = rendered.input().history();
        Spec readable = history.isPresent()
                ? Spec.parse(AutospecExpansion.expand(rendered.upstreamSpec(), history.get(), "## (rpmautospec)"))
                : rendered.upstreamSpec();
        MacroContext.Builder context = MacroContext.builder();
        fedora.ifPresent(release -> context.fedora(release).define("dist", ".fc" + release));
        ExpandedTags tags = MacroExpander.evaluate(readable, context.build());
        Optional<String> version = Optional.ofNullable(tags.version().value());
        Optional<String> release = Optional.ofNullable(tags.release().value());
        Optional<String> epoch = Optional.ofNullable(tags.epoch()).flatMap(e -> Optional.ofNullable(e.value()));
        String upstreamDistro = project.distroVersion(component)
                .map(v -> v.name())
                .orElse("upstream")
                .toLowerCase(Locale.ROOT);
        String upstreamVersion = project.distroVersion(component)
                .map(v -> v.definition() != null && v.definition().releaseVer() != null
                        ? v.definition().releaseVer()
                        : v.version())
                .orElse("");
        Optional<String> vcsUrl = Optional.empty();
        Optional<String> commit = Optional.empty();
        if (rendered.source() instanceof DistGitSource distGit) {
            DistGitSource.Checkout checkout = distGit.checkout(component);
            vcsUrl = Optional.of(Remote.withoutUserinfo(checkout.uri()));
            commit = Optional.of(checkout.commit());
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (!upstreamVersion.isEmpty()) {
            qualifiers.put("distro", upstreamDistro + "-" + upstreamVersion);
        }
        if (vcsUrl.isPresent()) {
            qualifiers.put("vcs_url", "git+" + vcsUrl.get() + "@" + commit.get());
        }
        String purl = purl(
                upstreamDistro,
                component.upstreamName(),
                version.map(v -> release.map(r -> v + "-" + r).orElse(v)),
                epoch,
                qualifiers);
        return new SbomComponent.Ancestor(
                component.upstreamName(),
                version,
                release,
                upstreamDistro,
                upstreamVersion,
                purl,
                vcsUrl,
                commit,
                Sha256Records.hex(spec));
    }

    private SbomComponent.Patch patch(EditTrail.Change change) {
        String diff = change.diff();
        if (change.overlay().isEmpty()) {
            return new SbomComponent.Patch(
                    change.name(),
                    PatchType.UNOFFICIAL,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    diff,
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    new TreeSet<>());
        }
        LocatedOverlay located = change.overlay().get();
        Overlay overlay = located.overlay();
        Optional<OverlayMetadata> metadata = overlay.notes().metadata();
        List<String> commits = urls(metadata.map(OverlayMetadata::commits));
        List<String> bugs = urls(metadata.map(OverlayMetadata::bugs));
        SortedSet<String> cves = new TreeSet<>();
        overlay.description().ifPresent(text -> cves.addAll(CveIds.in(text)));
        commits.forEach(url -> cves.addAll(CveIds.in(url)));
        bugs.forEach(url -> cves.addAll(CveIds.in(url)));
        if (overlay instanceof Overlay.PatchAdd add) {
            cves.addAll(CveIds.in(add.source()));
            add.file().ifPresent(file -> cves.addAll(CveIds.in(file)));
            addedPatchHeaders(change).forEach(header -> cves.addAll(CveIds.in(header)));
        }
        return new SbomComponent.Patch(
                located.label(),
                PatchType.of(metadata),
                Optional.of(Names.enumKey(overlay.type())),
                overlay.description().filter(text -> !text.isBlank()),
                Optional.of(FailureFormat.location(located.location(), paths)),
                diff,
                metadata.map(m -> Names.enumKey(m.category()) + ", " + Names.enumKey(m.upstreamStatus())),
                commits,
                bugs,
                cves);
    }

    /** The headers (before the first diff) of the patch files a change added or changed. */
    private static List<String> addedPatchHeaders(EditTrail.Change change) {
        List<String> headers = new ArrayList<>();
        change.after().files().forEach((path, file) -> {
            if (!change.before().get(path).equals(Optional.of(file))) {
                byte[] content = file.content();
                String text =
                        new String(content, 0, Math.min(content.length, HEADER_BYTES), StandardCharsets.ISO_8859_1);
                int diff = firstDiffLine(text);
                headers.add(text.substring(0, diff));
            }
        });
        return headers;
    }

    private static int firstDiffLine(String text) {
        int start = 0;
        while (start < text.length()) {
            if (text.startsWith("diff ", start)
                    || text.startsWith("--- ", start)
                    || text.startsWith("Index: ", start)) {
                return start;
            }
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return text.length();
    }

    private static List<String> urls(Optional<List<LinkRef>> links) {
        return links.orElse(List.of()).stream().map(LinkRef::url).toList();
    }

    /** As a build reads the rendered spec: the Fedora macros, the distro's, then the component's macros file. */
    private MacroContext context(ResolvedComponent component, OptionalInt fedora, Optional<String> macros) {
        MacroContext.Builder context = MacroContext.builder().define("_sourcedir", SOURCE_DIR);
        fedora.ifPresent(context::fedora);
        defines.forEach(context::define);
        macros.ifPresent(text -> context.macroFile(SOURCE_DIR + "/" + component.name() + ".azl.macros", text));
        return context.build();
    }

    /** The Fedora release of the component's upstream distro version, for the Fedora macros. */
    private OptionalInt fedoraRelease(ResolvedComponent component) {
        return project.distroVersion(component)
                .filter(version -> version.definition() != null)
                .map(version -> Project.fedoraRelease(
                        version.name(), version.definition().releaseVer()))
                .orElse(OptionalInt.empty());
    }

    private static Optional<String> value(String tag, ExpandedValue value, List<String> notes) {
        if (value.isDeterminable()) {
            return Optional.of(value.value());
        }
        notes.add(tag + " cannot be computed: " + value.reason());
        return Optional.empty();
    }

    /** A source package's URL ({@link RpmPurl}, {@code arch=src}). */
    static String purl(
            String vendor,
            String name,
            Optional<String> versionRelease,
            Optional<String> epoch,
            Map<String, String> qualifiers) {
        return RpmPurl.of(vendor, name, versionRelease, epoch, "src", qualifiers);
    }
}
