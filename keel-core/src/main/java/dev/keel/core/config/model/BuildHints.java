package dev.keel.core.config.model;

import dev.keel.core.config.Doc;

/** Scheduling hints for builds. */
public record BuildHints(
        @Doc("The build is expensive; schedule it early.") Boolean expensive) {}
