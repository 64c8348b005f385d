package dev.keel.core.config.model;

import dev.keel.core.config.Doc;

/** A build known to fail. */
public record FailureConfig(
        @Doc("The build is expected to fail.") Boolean expected,
        @Doc("Why (required when expected is true).") String expectedReason) {}
