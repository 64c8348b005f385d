package dev.keel.core.config.model;

/** A reference to a test suite. */
public record TestSuiteRef(
        @Required @Doc("A key of [test-suites].") String name) {}
