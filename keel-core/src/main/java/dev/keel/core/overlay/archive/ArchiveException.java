package dev.keel.core.overlay.archive;

import java.io.IOException;

/** An archive that cannot be read safely: a path that leaves it, a refused entry type, a limit hit. */
public final class ArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What TarArchive says when the bytes stop before the archive ends. */
    static final String UNEXPECTED_END = "unexpected end of archive";

    public ArchiveException(String message) {
        super(message);
    }

    /** The message naming the archive file it is about ({@code unexpected end of archive in x.tar.gz}). */
    public String about(String file) {
        String message = getMessage();
        return message.equals(UNEXPECTED_END) ? UNEXPECTED_END + " in " + file : file + ": " + message;
    }
}
