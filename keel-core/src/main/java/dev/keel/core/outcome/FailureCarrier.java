package dev.keel.core.outcome;

/** An exception that carries a typed {@link Failure} (so it travels through {@code throws} clauses). */
public interface FailureCarrier {

    Failure failure();
}
