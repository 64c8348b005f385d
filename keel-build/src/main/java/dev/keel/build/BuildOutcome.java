package dev.keel.build;

import dev.keel.core.outcome.Failure;
import java.util.List;

/**
 * How one component's build ended: built, unchanged (its fingerprint and published files are as
 * the last build left them), skipped (not attempted, for a reason that is no failure), failed, or
 * blocked (not attempted because something it needs failed or is not built).
 */
public sealed interface BuildOutcome {

    /** Built and published. */
    record Built() implements BuildOutcome {
        @Override
        public String key() {
            return "built";
        }
    }

    /** Nothing to do: the same inputs were built into the files still published. */
    record Unchanged() implements BuildOutcome {
        @Override
        public String key() {
            return "unchanged";
        }
    }

    /** Not attempted, e.g. after another component failed without {@code -k}. */
    record Skipped(String reason) implements BuildOutcome {
        @Override
        public String key() {
            return "skipped";
        }
    }

    /** The build failed. */
    record Failed(Failure failure) implements BuildOutcome {
        @Override
        public String key() {
            return "failed";
        }
    }

    /**
     * Not attempted: the components it needs, directly or through others, that failed or are not
     * built (sorted).
     */
    record Blocked(List<String> by, String reason) implements BuildOutcome {
        public Blocked {
            by = by.stream().sorted().distinct().toList();
        }

        @Override
        public String key() {
            return "blocked";
        }
    }

    /** The spelling used in reports: {@code built}, {@code unchanged}, {@code skipped}, {@code failed}, {@code blocked}. */
    String key();

    /** Whether what depends on the component can be built: it was built or is unchanged. */
    default boolean usable() {
        return this instanceof Built || this instanceof Unchanged;
    }
}
