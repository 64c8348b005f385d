package dev.keel.core.overlay.archive;

import java.io.IOException;

/** An archive that cannot be read safely: a path that leaves it, a refused entry type, a limit hit. */
public final class ArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    public ArchiveException(String message) {
        super(message);
    }
}
