package dev.keel.core.overlay;

import com.google.re2j.Pattern;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Archive-scoped overlays of one application: each archive is extracted once, edited by all of
 * its overlays, and repacked deterministically once at the end.
 */
final class ArchiveStage {

    private final OverlayEngine.Workspace workspace;
    private final Map<String, TarArchive> open = new LinkedHashMap<>();
    private final Map<String, String> digests = new LinkedHashMap<>();

    ArchiveStage(OverlayEngine.Workspace workspace) {
        this.workspace = workspace;
    }

    /** Applies a {@code file-search-replace} inside the archive {@code name}. */
    void searchReplace(LocatedOverlay located, Overlay.FileSearchReplace overlay, String name) throws OverlayException {
        TarArchive archive = open(located, name);
        Pattern regex = workspace.regex(located, overlay.regex());
        edit(located, name, archive, overlay, Optional.of(new ArchiveEdits.Replacement(regex, overlay.replacement())));
    }

    /** Applies a {@code file-remove} inside the archive {@code name}. */
    void remove(LocatedOverlay located, Overlay.FileRemove overlay, String name) throws OverlayException {
        edit(located, name, open(located, name), overlay, Optional.empty());
    }

    /** The archive as the earlier overlays left it, extracted on first use. */
    private TarArchive open(LocatedOverlay located, String name) throws OverlayException {
        TarArchive archive = open.get(name);
        if (archive != null) {
            return archive;
        }
        SourceFile file = workspace.file(name);
        if (file == null) {
            throw workspace.failure(
                    located, OverlayFailure.Reason.SOURCE_NOT_FOUND, "the sources have no archive " + name);
        }
        try {
            return TarArchive.read(file.content(), ArchiveLimits.DEFAULT);
        } catch (ArchiveException e) {
            throw workspace.failure(located, OverlayFailure.Reason.UNSAFE_ARCHIVE, e.about(name));
        } catch (IOException e) {
            throw workspace.failure(located, OverlayFailure.Reason.UNSAFE_ARCHIVE, name + ": " + e.getMessage());
        }
    }

    private void edit(
            LocatedOverlay located,
            String name,
            TarArchive archive,
            Overlay.SidecarEdit overlay,
            Optional<ArchiveEdits.Replacement> replacement)
            throws OverlayException {
        try {
            open.put(
                    name,
                    ArchiveEdits.apply(archive, overlay.file(), workspace.glob(located, overlay.file()), replacement));
        } catch (ArchiveEdits.NoMatchException e) {
            OverlayFailure.Reason reason =
                    e.noFile() ? OverlayFailure.Reason.NO_MATCHING_FILE : OverlayFailure.Reason.PATTERN_NOT_FOUND;
            throw workspace.failure(located, reason, name + ": " + e.getMessage());
        }
    }

    /** Writes every edited archive back into the sources. */
    void repackAll() {
        for (Map.Entry<String, TarArchive> entry : open.entrySet()) {
            try {
                byte[] bytes = entry.getValue().write();
                SourceFile old = workspace.file(entry.getKey());
                workspace.putFile(entry.getKey(), new SourceFile(bytes, old != null && old.executable()));
                digests.put(
                        entry.getKey(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-512").digest(bytes)));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot repack " + entry.getKey(), e);
            }
        }
        open.clear();
    }

    Map<String, String> digests() {
        return digests;
    }
}
