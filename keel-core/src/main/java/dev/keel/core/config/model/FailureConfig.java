package dev.keel.core.config.model;

/** A build known to fail. */
public record FailureConfig(
        @Doc("The build is expected to fail.") Boolean expected,
        @Doc("Why (required when expected is true).") String expectedReason) {}
