package dev.keel.core.overlay.archive;

/**
 * One entry of a tar archive kept for repacking: a regular file, a directory, or a symbolic link
 * whose target stays inside the archive.
 *
 * @param name the path inside the archive, normalised, without a trailing slash
 * @param kind what the entry is
 * @param content the bytes of a file (empty otherwise)
 * @param mode the permission bits
 * @param linkTarget the target of a symbolic link (null otherwise)
 */
public record ArchiveEntry(String name, Kind kind, byte[] content, int mode, String linkTarget) {

    /** Entry kinds Keel accepts; hard links, devices and FIFOs are refused. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK
    }
}
