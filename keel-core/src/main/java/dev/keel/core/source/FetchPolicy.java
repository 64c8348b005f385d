package dev.keel.core.source;

/**
 * How Keel may reach the network: {@code offline} (only what Keel's cache holds; nothing is
 * fetched or downloaded, and what is missing is an error naming it), else within {@code limits},
 * retrying downloads by {@code retry}.
 */
public record FetchPolicy(boolean offline, DownloadLimits limits, RetryPolicy retry) {

    public static final FetchPolicy DEFAULT = new FetchPolicy(false, DownloadLimits.DEFAULT, RetryPolicy.DEFAULT);
}
