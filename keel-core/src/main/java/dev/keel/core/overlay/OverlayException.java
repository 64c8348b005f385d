package dev.keel.core.overlay;

/** An overlay that could not be applied; nothing was written. */
public final class OverlayException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient OverlayFailure failure;

    public OverlayException(OverlayFailure failure) {
        super(
                failure.component() + ": " + failure.overlay().label() + " failed: " + failure.message(),
                null,
                false,
                false);
        this.failure = failure;
    }

    public OverlayFailure failure() {
        return failure;
    }
}
