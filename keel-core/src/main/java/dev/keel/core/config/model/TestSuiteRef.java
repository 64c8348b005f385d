package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import dev.keel.core.config.Required;

/** A reference to a test suite. */
public record TestSuiteRef(
        @Required @Doc("A key of [test-suites].") String name) {}
