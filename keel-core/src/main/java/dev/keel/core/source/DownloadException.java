package dev.keel.core.source;

import java.io.IOException;

/** A download that failed, with a message naming what and from where; {@code retryable} when trying again may help. */
public final class DownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    DownloadException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
