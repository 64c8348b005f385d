package dev.keel.core.outcome;

import java.io.IOException;

/**
 * A typed failure thrown through code that declares {@link IOException} (reading inputs, talking
 * to the upstream): the CLI and the pipelines read the {@link Failure}, never the message.
 */
public final class FailureException extends IOException implements FailureCarrier {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public FailureException(Failure failure) {
        super(failure.message());
        this.failure = failure;
    }

    @Override
    public Failure failure() {
        return failure;
    }
}
