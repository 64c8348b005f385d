package dev.keel.build;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.build.backend.LocalBackend;
import dev.keel.build.tool.HostTool;
import java.util.List;
import java.util.Optional;

/** Skips a test, saying exactly what to install, when the RPM tools it runs are missing. */
final class RpmTools {

    private RpmTools() {}

    static void assume(HostTool... tools) {
        Optional<String> missing = HostTool.missing(List.of(tools));
        assumeTrue(missing.isEmpty(), () -> missing.orElse("") + " (this test runs them)");
    }

    /** The tools of a local build, and root, which its mount namespace needs. */
    static void assumeLocalBuild(HostTool... more) {
        Optional<String> why = LocalBackend.unavailable(List.of(more));
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds RPMs)");
    }
}
