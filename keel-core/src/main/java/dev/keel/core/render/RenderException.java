package dev.keel.core.render;

/** A component that cannot be rendered, with the reason in words. */
public final class RenderException extends Exception {

    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message, null, false, false);
    }
}
