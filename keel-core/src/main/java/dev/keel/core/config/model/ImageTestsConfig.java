package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import java.util.List;

/** Tests of an image. */
public record ImageTestsConfig(@Doc("Test suites to run.") List<TestSuiteRef> testSuites) {}
