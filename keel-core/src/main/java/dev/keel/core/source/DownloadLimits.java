package dev.keel.core.source;

import java.time.Duration;

/**
 * Bounds on every download, so a slow, silent, endless or oversized answer ends in a clear error:
 * {@code connectTimeout} to open the connection, {@code headerTimeout} from the request to the
 * response headers, at least {@code minimumBytes} in every {@code stallWindow} of the body (a
 * silent or trickling server fails after one window), and at most {@code maxBytes} in all. A body
 * that keeps the minimum pace is bounded by the size: it ends within {@code maxBytes /
 * minimumBytes} windows.
 */
public record DownloadLimits(
        Duration connectTimeout, Duration headerTimeout, Duration stallWindow, long minimumBytes, long maxBytes) {

    /** 4 GiB: more than any Fedora lookaside archive. */
    public static final long DEFAULT_MAX_BYTES = 4L << 30;

    /** 30 s to connect, 60 s to the headers, at least 30 KiB every 30 s (1 KiB/s, as dnf), 4 GiB. */
    public static final DownloadLimits DEFAULT = new DownloadLimits(
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), 30 << 10, DEFAULT_MAX_BYTES);

    public DownloadLimits {
        if (maxBytes < 1 || minimumBytes < 1) {
            throw new IllegalArgumentException("download limits must be positive");
        }
    }

    /** The same limits with another size cap. */
    public DownloadLimits withMaxBytes(long bytes) {
        return new DownloadLimits(connectTimeout, headerTimeout, stallWindow, minimumBytes, bytes);
    }

    /** The failure of a download past {@link #maxBytes}: not worth retrying. */
    DownloadException tooLarge() {
        return new DownloadException(
                "larger than the download limit of " + format(maxBytes) + " (--max-download-size)", false);
    }

    /** A byte count as people read it: {@code 4 GiB}, {@code 512 KiB}, {@code 100 bytes}. */
    public static String format(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        for (int i = units.length; i > 0; i--) {
            long unit = 1L << (10 * i);
            if (bytes >= unit) {
                long tenths = bytes * 10 / unit;
                return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10) + " "
                        + units[i - 1];
            }
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
}
