package dev.keel.core.source;

import java.io.IOException;
import java.util.Optional;

/**
 * A download that failed, with a message naming what and from where; {@code retryable} when trying
 * again may help; {@link #mismatch} when the bytes arrived whole but with another hash.
 */
public final class DownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Bytes that arrived whole but do not have the recorded hash.
     *
     * @param hashType the algorithm, as the manifest names it ({@code SHA512})
     * @param expected the recorded hash, lower-case hex
     * @param actual the hash of the bytes received, lower-case hex
     */
    public record HashMismatch(String hashType, String expected, String actual) {}

    private final boolean retryable;
    private final transient HashMismatch mismatch;

    DownloadException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    private DownloadException(String message, boolean retryable, HashMismatch mismatch) {
        super(message);
        this.retryable = retryable;
        this.mismatch = mismatch;
    }

    /** Wrong bytes: worth retrying (a broken mirror or proxy may answer better next time). */
    static DownloadException mismatch(String message, HashMismatch mismatch) {
        return new DownloadException(message, true, mismatch);
    }

    /** The same failure (retryable or not, mismatch or not) told with another message. */
    DownloadException withMessage(String message) {
        return new DownloadException(message, retryable, mismatch);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The hashes, when the download failed because its bytes have another hash. */
    public Optional<HashMismatch> mismatch() {
        return Optional.ofNullable(mismatch);
    }
}
