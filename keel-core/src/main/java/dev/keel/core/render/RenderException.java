package dev.keel.core.render;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureCarrier;

/** A component that cannot be rendered, with the typed reason. */
public final class RenderException extends Exception implements FailureCarrier {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public RenderException(Failure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    /** A failure with only a kind and a message. */
    static RenderException of(Failure.Kind kind, String message) {
        return new RenderException(Failure.of(kind, message));
    }

    @Override
    public Failure failure() {
        return failure;
    }
}
