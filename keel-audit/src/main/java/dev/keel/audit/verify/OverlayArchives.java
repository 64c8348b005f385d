package dev.keel.audit.verify;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.overlay.ArchiveHash;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.ArchiveOrigins;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.SourcePreparer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The archives of one component that archive overlays make from lookaside files, re-made with
 * {@link SourcePreparer} exactly as {@code component prepare-sources} makes them. {@link
 * LookasideChecker} hands each upstream archive over once its hash has checked, while it is on
 * disk, and the archive is re-made from it alone, so a worker holds one archive at a time.
 */
final class OverlayArchives {

    private final SourcePreparer preparer;
    private final ResolvedComponent component;
    private final SourceTree upstream;
    private final SortedMap<String, List<LocatedOverlay>> archives = new TreeMap<>();
    private final Map<String, ArchiveCheck> checks = new TreeMap<>();

    /**
     * @param upstream the component's upstream files; the archives its archive overlays name that
     *     are lookaside files ({@link ArchiveOrigins}), and those its {@code origin.type = "overlay"}
     *     entries name that these lack, are the lookaside's (the render repacked, and checked, the
     *     others)
     * @throws RenderException when an archive overlay's archive exists nowhere, or the upstream
     *     {@code sources} file does not parse
     */
    OverlayArchives(SourcePreparer preparer, ResolvedComponent component, SourceTree upstream) throws RenderException {
        this.preparer = preparer;
        this.component = component;
        this.upstream = upstream;
        ArchiveOrigins origins = new ArchiveOrigins(component, upstream, false);
        for (LocatedOverlay overlay : component.overlays()) {
            if (origins.of(overlay).equals(Optional.of(ArchiveOrigins.Origin.LOOKASIDE))) {
                archives.computeIfAbsent(overlay.overlay().archive().orElseThrow(), key -> new ArrayList<>())
                        .add(overlay);
            }
        }
        for (SourceFileRef file : sourceFiles()) {
            if (isOverlayEntry(file) && upstream.get(file.filename()).isEmpty()) {
                archives.putIfAbsent(file.filename(), List.of());
            }
        }
    }

    /** Whether the lookaside file {@code name} is an archive that overlays make. */
    boolean wants(String name) {
        return archives.containsKey(name);
    }

    /** Re-makes the archive {@code name} from its upstream bytes in {@code file}, whose hash has checked. */
    void remake(String name, Path file) {
        try {
            remake(name, new SourceFile(InputFiles.read(file, InputFiles.Kind.SOURCE), false));
        } catch (IOException e) {
            checks.put(name, failed(name, Failures.of(e, Failure.Kind.FILESYSTEM)));
        }
    }

    /**
     * Every archive's check, sorted by name: re-made when the lookaside handed it over; not checked
     * when its upstream archive failed its lookaside check; failed when Keel does not download it
     * (a {@code source-files} entry without a download origin lists it).
     */
    List<ArchiveCheck> checks(List<LookasideCheck> lookaside) {
        for (String name : archives.keySet()) {
            if (checks.containsKey(name)) {
                continue;
            }
            Optional<LookasideCheck> upstreamCheck = lookaside.stream()
                    .filter(check -> check.file().equals(name))
                    .reduce((first, last) -> last);
            checks.put(
                    name,
                    upstreamCheck.isPresent()
                            ? notChecked(name, upstreamCheck.get())
                            : failed(name, notDownloaded(name)));
        }
        return List.copyOf(checks.values());
    }

    private void remake(String name, SourceFile archive) {
        ArchiveCheck check;
        try {
            // with the archive in the sources, its overlays apply and an overlay entry finds it
            ArchiveHash hash =
                    preparer.edited(component, upstream.with(name, archive)).archiveHashes(sourceFiles()).stream()
                            .filter(made -> made.archive().equals(name))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no archive " + name + " after its overlays"));
            check = checked(hash);
        } catch (OverlayException e) {
            check = failed(name, e.failure().toFailure());
        } catch (RenderException e) {
            check = failed(name, e.failure());
        } catch (IOException e) {
            check = failed(name, Failures.of(e, Failure.Kind.UPSTREAM));
        }
        checks.put(name, check);
    }

    private ArchiveCheck checked(ArchiveHash hash) {
        return new ArchiveCheck(
                hash.archive(),
                hash.hashType().name(),
                hash.recordedHash().map(recorded -> recorded.toLowerCase(Locale.ROOT)),
                hash.matches() ? ArchiveCheck.Status.OK : ArchiveCheck.Status.MISMATCH,
                hash.matches() ? Optional.empty() : Optional.of(hash.actual()),
                archives.get(hash.archive()),
                Optional.empty());
    }

    /** Why a lookaside archive that Keel does not download cannot be re-made, at its first overlay. */
    private Failure notDownloaded(String name) {
        Failure why = Failure.of(
                        Failure.Kind.CONFIGURATION,
                        "not re-made: Keel does not download " + name
                                + ", which only a source-files entry without a download origin lists")
                .withHint("give its source-files entry origin = { type = \"download\", uri = \"...\" }");
        List<LocatedOverlay> overlays = archives.get(name);
        return overlays.isEmpty() ? why : why.at(overlays.get(0).location());
    }

    private ArchiveCheck notChecked(String name, LookasideCheck upstreamCheck) {
        Failure why = upstreamCheck.status() == LookasideCheck.Status.MISMATCH
                ? Failure.of(
                        Failure.Kind.SOURCES,
                        "not re-made: the upstream " + name + " has another hash than its sources file records")
                : Failure.of(Failure.Kind.UPSTREAM, "not re-made: the upstream " + name + " could not be obtained");
        return uncheckable(name, ArchiveCheck.Status.NOT_CHECKED, why);
    }

    private ArchiveCheck failed(String name, Failure why) {
        return uncheckable(name, ArchiveCheck.Status.FAILED, why);
    }

    private ArchiveCheck uncheckable(String name, ArchiveCheck.Status status, Failure why) {
        Optional<SourceFileRef> record = sourceFiles().stream()
                .filter(file -> isOverlayEntry(file) && file.filename().equals(name))
                .findFirst();
        return new ArchiveCheck(
                name,
                record.map(file -> file.hashType()).map(Enum::name).orElse("SHA512"),
                record.map(SourceFileRef::hash).map(hash -> hash.toLowerCase(Locale.ROOT)),
                status,
                Optional.empty(),
                archives.get(name),
                Optional.of(why));
    }

    private List<SourceFileRef> sourceFiles() {
        List<SourceFileRef> files = component.config().sourceFiles();
        return files == null ? List.of() : files;
    }

    private static boolean isOverlayEntry(SourceFileRef file) {
        return file.origin() != null && file.origin().type() == OriginType.OVERLAY;
    }
}
