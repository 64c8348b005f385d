package dev.keel.core.config.model;

import java.util.List;

/** Tests of an image. */
public record ImageTestsConfig(@Doc("Test suites to run.") List<TestSuiteRef> testSuites) {}
