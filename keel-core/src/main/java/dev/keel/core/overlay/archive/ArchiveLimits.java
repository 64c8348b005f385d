package dev.keel.core.overlay.archive;

/**
 * Bounds on what an archive may unpack to, so a hostile archive (a "bomb") fails cleanly.
 *
 * @param maxEntries most entries
 * @param maxTotalBytes most uncompressed bytes of all files together
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes) {

    /** 200,000 entries and 2 GiB: far above real source archives. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(200_000, 2L << 30);
}
