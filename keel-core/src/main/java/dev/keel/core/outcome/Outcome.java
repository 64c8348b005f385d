package dev.keel.core.outcome;

/**
 * How one unit of work (a component's render, a lock update...) ended: it did its work, found
 * nothing to do, was skipped for a reason, or failed with a typed {@link Failure}.
 */
public sealed interface Outcome {

    /** The work was done (something was written or would be). */
    record Ok() implements Outcome {
        @Override
        public String key() {
            return "ok";
        }
    }

    /** Nothing needed doing. */
    record Unchanged() implements Outcome {
        @Override
        public String key() {
            return "unchanged";
        }
    }

    /** The work was not attempted, for a reason that is not a failure. */
    record Skipped(String reason) implements Outcome {
        @Override
        public String key() {
            return "skipped";
        }
    }

    /** The work failed. */
    record Failed(Failure failure) implements Outcome {
        @Override
        public String key() {
            return "failed";
        }
    }

    static Outcome ok() {
        return new Ok();
    }

    static Outcome unchanged() {
        return new Unchanged();
    }

    static Outcome skipped(String reason) {
        return new Skipped(reason);
    }

    static Outcome failed(Failure failure) {
        return new Failed(failure);
    }

    /** The spelling used in reports: {@code ok}, {@code unchanged}, {@code skipped}, {@code failed}. */
    String key();

    default boolean isFailed() {
        return this instanceof Failed;
    }
}
