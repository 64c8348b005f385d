package dev.keel.core.overlay;

import com.google.re2j.Pattern;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.model.OverlayType;
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

    void apply(LocatedOverlay located) throws OverlayException {
        String name = located.overlay().archive();
        TarArchive archive = open.get(name);
        if (archive == null) {
            SourceFile file = workspace.file(name);
            if (file == null) {
                throw workspace.failure(
                        located, OverlayFailure.Reason.SOURCE_NOT_FOUND, "the sources have no archive " + name);
            }
            try {
                archive = TarArchive.read(file.content(), ArchiveLimits.DEFAULT);
            } catch (ArchiveException e) {
                throw workspace.failure(located, OverlayFailure.Reason.UNSAFE_ARCHIVE, e.about(name));
            } catch (IOException e) {
                throw workspace.failure(located, OverlayFailure.Reason.UNSAFE_ARCHIVE, name + ": " + e.getMessage());
            }
        }
        Pattern regex = located.overlay().type() == OverlayType.FILE_SEARCH_REPLACE ? workspace.regex(located) : null;
        try {
            open.put(name, ArchiveEdits.apply(archive, located, workspace.glob(located), regex));
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
