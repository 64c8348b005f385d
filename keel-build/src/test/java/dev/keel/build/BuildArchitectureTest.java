package dev.keel.build;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.keel.testing.Architecture;
import org.junit.jupiter.api.Test;

/** keel-build's packages: no cycles, in layers, documented, and never the CLI. */
class BuildArchitectureTest {

    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.keel.build");

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    /**
     * The order the imports have: host tools, the graph, then the local build's backend,
     * repositories and mock; Koji above them; the pipeline that runs them all on top.
     */
    @Test
    void lowerPackagesNeverUseHigherOnes() {
        Architecture.layers(
                        "dev.keel.build.tool",
                        "dev.keel.build.graph",
                        "dev.keel.build.backend",
                        "dev.keel.build.repo",
                        "dev.keel.build.mock",
                        "dev.keel.build.koji.xmlrpc",
                        "dev.keel.build.koji",
                        "dev.keel.build")
                .check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Architecture.everyPackageHasPackageInfo().check(CLASSES);
    }

    @Test
    void usesNoCli() {
        Architecture.moduleUsesOnly("dev.keel.build..", "dev.keel.spec..", "dev.keel.core..", "dev.keel.build..")
                .check(CLASSES);
    }
}
