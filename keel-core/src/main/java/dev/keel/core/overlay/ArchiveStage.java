package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.overlay.archive.ArchiveEdits;
import dev.keel.core.overlay.archive.ArchiveException;
import dev.keel.core.overlay.archive.ArchiveLimits;
import dev.keel.core.overlay.archive.TarArchive;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The overlays scoped to one archive, as one stage: the archive is extracted once, edited by each
 * overlay in order and repacked deterministically once. A function of its inputs: it gets the
 * archive and gives back the new one, which the caller puts in the sources.
 */
final class ArchiveStage {

    /**
     * The archive after the stage.
     *
     * @param name the archive's path in the sources
     * @param file its new bytes, executable as the old file was
     * @param sha512 the SHA-512 (hex) of the new bytes, for the {@code source-files} check
     */
    record Result(String name, SourceFile file, String sha512) {}

    private final OverlayFailures failures;

    ArchiveStage(OverlayFailures failures) {
        this.failures = failures;
    }

    /**
     * Applies {@code overlays}, all scoped to the archive {@code name} (empty when the sources have
     * no such file), in their order.
     *
     * @throws OverlayException for the first overlay that cannot be applied
     */
    Result apply(String name, Optional<SourceFile> archive, List<LocatedOverlay> overlays) throws OverlayException {
        LocatedOverlay first = overlays.get(0);
        if (archive.isEmpty()) {
            throw failures.fail(first, OverlayFailure.Reason.SOURCE_NOT_FOUND, "the sources have no archive " + name);
        }
        TarArchive edited = read(name, archive.get(), first);
        for (LocatedOverlay located : overlays) {
            edited = edit(name, edited, located);
        }
        return repack(name, edited, archive.get().executable());
    }

    private TarArchive read(String name, SourceFile archive, LocatedOverlay first) throws OverlayException {
        try {
            return TarArchive.read(archive.content(), ArchiveLimits.DEFAULT);
        } catch (ArchiveException e) {
            throw failures.fail(first, OverlayFailure.Reason.UNSAFE_ARCHIVE, e.about(name));
        } catch (IOException e) {
            throw failures.fail(first, OverlayFailure.Reason.UNSAFE_ARCHIVE, name + ": " + e.getMessage());
        }
    }

    /** The archive after one {@code file-remove} or {@code file-search-replace}. */
    private TarArchive edit(String name, TarArchive archive, LocatedOverlay located) throws OverlayException {
        Overlay overlay = located.overlay();
        Optional<ArchiveEdits.Replacement> replacement = Optional.empty();
        if (overlay instanceof Overlay.FileSearchReplace o) {
            replacement =
                    Optional.of(new ArchiveEdits.Replacement(failures.regex(located, o.regex()), o.replacement()));
        } else if (!(overlay instanceof Overlay.FileRemove)) {
            throw new IllegalStateException("no archive edit for a " + overlay.type() + " overlay");
        }
        String file = ((Overlay.SidecarEdit) overlay).file();
        try {
            return ArchiveEdits.apply(archive, file, failures.glob(located, file), replacement);
        } catch (ArchiveEdits.NoMatchException e) {
            OverlayFailure.Reason reason =
                    e.noFile() ? OverlayFailure.Reason.NO_MATCHING_FILE : OverlayFailure.Reason.PATTERN_NOT_FOUND;
            throw failures.fail(located, reason, name + ": " + e.getMessage());
        }
    }

    private static Result repack(String name, TarArchive archive, boolean executable) {
        try {
            byte[] bytes = archive.write();
            String sha512 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
            return new Result(name, new SourceFile(bytes, executable), sha512);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot repack " + name, e);
        }
    }
}
