package dev.keel.audit.verify;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.Digests;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.SourceDownloads;
import dev.keel.core.source.DownloadException;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.LookasideEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a component's lookaside files (and downloaded source files) against their recorded
 * hashes with Keel's downloader. From a scratch cache, a file is downloaded and hash-checked, then
 * removed at once (once the archive that overlays make from it, if any, is re-made), so a whole
 * distro needs the disk of one archive per worker. Offline, the user's cache is only read, and
 * each file in it is hashed again: a damaged cache makes the file unavailable, not the project
 * wrong.
 */
final class LookasideChecker {

    private final Project project;
    private final LookasideCache cache;
    private final boolean offline;

    LookasideChecker(Project project, LookasideCache cache, boolean offline) {
        this.project = project;
        this.cache = cache;
        this.offline = offline;
    }

    /**
     * Every download of the component whose upstream sources are {@code upstream}, checked in
     * order; each that {@code archives} wants is handed to it, once checked, to re-make the archive
     * that overlays make from it.
     */
    List<LookasideCheck> check(ResolvedComponent component, SourceTree upstream, OverlayArchives archives)
            throws IOException, RenderException, InterruptedException {
        List<LookasideCheck> checks = new ArrayList<>();
        for (SourceDownloads.Download download : SourceDownloads.of(project, component, upstream)) {
            checks.add(check(component, download, archives));
        }
        return checks;
    }

    private LookasideCheck check(
            ResolvedComponent component, SourceDownloads.Download download, OverlayArchives archives)
            throws InterruptedException {
        LookasideEntry entry = download.entry();
        Path file;
        try {
            file = cache.fetch(download.template(), component.upstreamName(), entry);
        } catch (DownloadException e) {
            if (e.mismatch().isPresent()) {
                return result(
                        entry,
                        LookasideCheck.Status.MISMATCH,
                        Optional.of(e.mismatch().get().actual()),
                        null);
            }
            return unavailable(entry, Failures.of(e, Failure.Kind.UPSTREAM));
        } catch (IOException e) {
            return unavailable(entry, Failures.of(e, Failure.Kind.UPSTREAM));
        }
        try {
            // the downloader has just checked a file of the scratch cache; one of the user's is hashed again
            LookasideCheck check =
                    offline ? rehashed(entry, file) : result(entry, LookasideCheck.Status.OK, Optional.empty(), null);
            if (check.status() == LookasideCheck.Status.OK && archives.wants(entry.filename())) {
                archives.remake(entry.filename(), file);
            }
            if (!offline) {
                // removed from the scratch cache at once: nothing reads it again
                Files.deleteIfExists(file);
            }
            return check;
        } catch (IOException e) {
            return unavailable(entry, Failures.of(e, Failure.Kind.FILESYSTEM));
        }
    }

    /** A file of the user's cache, hashed again: its bytes are what a build would use. */
    private static LookasideCheck rehashed(LookasideEntry entry, Path file) throws IOException {
        String actual = Digests.hex(algorithm(entry.hashType()), file);
        if (actual.equalsIgnoreCase(entry.hash())) {
            return result(entry, LookasideCheck.Status.OK, Optional.empty(), null);
        }
        return result(
                entry,
                LookasideCheck.Status.UNAVAILABLE,
                Optional.of(actual),
                Failure.of(
                                Failure.Kind.FILESYSTEM,
                                "Keel's cache holds other bytes for " + entry.filename() + " (" + entry.hashType() + " "
                                        + actual + ")")
                        .withHint("the cache is damaged: verify without --offline, or remove the file from the cache"));
    }

    private static String algorithm(String hashType) {
        return switch (hashType.toUpperCase(Locale.ROOT)) {
            case "SHA512" -> "SHA-512";
            case "SHA256" -> "SHA-256";
            default -> hashType.toUpperCase(Locale.ROOT);
        };
    }

    private static LookasideCheck unavailable(LookasideEntry entry, Failure failure) {
        return result(entry, LookasideCheck.Status.UNAVAILABLE, Optional.empty(), failure);
    }

    private static LookasideCheck result(
            LookasideEntry entry, LookasideCheck.Status status, Optional<String> actual, Failure failure) {
        return new LookasideCheck(
                entry.filename(),
                entry.hashType(),
                entry.hash().toLowerCase(Locale.ROOT),
                status,
                actual,
                Optional.ofNullable(failure));
    }
}
