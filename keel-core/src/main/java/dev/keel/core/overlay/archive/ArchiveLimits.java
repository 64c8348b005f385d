package dev.keel.core.overlay.archive;

import dev.keel.core.io.InputFiles;

/**
 * Bounds on what an archive may unpack to, so a hostile archive (a "bomb") fails cleanly, before
 * its content is read into memory.
 *
 * @param maxEntries most entries
 * @param maxEntryBytes most uncompressed bytes of one file
 * @param maxTotalBytes most uncompressed bytes of all files together
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {

    public ArchiveLimits {
        if (maxEntryBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a file of an archive is held in one array: at most 2 GiB");
        }
    }

    /**
     * 200,000 entries, 1 GiB per file (as much as any file Keel reads, {@link
     * InputFiles.Kind#SOURCE}) and 2 GiB in all: far above real source archives.
     */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(200_000, InputFiles.Kind.SOURCE.maxBytes(), 2L << 30);
}
