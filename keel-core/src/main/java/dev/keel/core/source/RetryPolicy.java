package dev.keel.core.source;

import java.time.Duration;

/**
 * How often downloads are retried: {@code attempts} tries in all, waiting {@code initialBackoff}
 * after the first failure and doubling after each.
 */
public record RetryPolicy(int attempts, Duration initialBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500));

    Duration backoff(int failures) {
        return initialBackoff.multipliedBy(1L << Math.min(failures - 1, 10));
    }
}
