package dev.keel.core.config.model;

/** Scheduling hints for builds. */
public record BuildHints(
        @Doc("The build is expensive; schedule it early.") Boolean expensive) {}
