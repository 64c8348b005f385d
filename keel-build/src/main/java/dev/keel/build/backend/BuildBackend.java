package dev.keel.build.backend;

import java.io.IOException;

/**
 * Turns one component's prepared sources into a source RPM and binary RPMs. A backend knows
 * nothing of the dependency graph: the scheduler tells it which already built RPMs the build may
 * use.
 */
public interface BuildBackend {

    /**
     * The backend's name and every option that changes what it builds, for build fingerprints: two
     * backends with the same identity build the same inputs into the same RPMs.
     */
    String identity() throws IOException;

    /** Builds one component; a build that fails is a result, not an exception. */
    BackendResult build(BuildRequest request) throws IOException, InterruptedException;
}
