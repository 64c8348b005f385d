package dev.keel.core.config.model;

/** A test suite for images. */
public record TestSuiteConfig(
        @Doc("What the suite tests.") String description,
        @Doc("pytest or lisa.") String type,
        @Doc("pytest settings.") PytestConfig pytest,
        @Doc("LISA settings.") LisaConfig lisa) {}
