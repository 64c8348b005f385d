package dev.keel.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.keel.testing.Architecture;
import org.junit.jupiter.api.Test;

/** keel-core's packages: no cycles, in layers, documented, and only keel-spec below them (never build, audit or the CLI). */
class CoreArchitectureTest {

    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.keel.core");

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    /** The order the imports have: files and configuration first, rendering and updating last. */
    @Test
    void lowerPackagesNeverUseHigherOnes() {
        Architecture.layers(
                        "dev.keel.core.io",
                        "dev.keel.core.config.model",
                        "dev.keel.core.config",
                        "dev.keel.core.outcome",
                        "dev.keel.core.autospec",
                        "dev.keel.core.overlay.archive",
                        "dev.keel.core.overlay",
                        "dev.keel.core.lock",
                        "dev.keel.core.source",
                        "dev.keel.core.render",
                        "dev.keel.core.update")
                .check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Architecture.everyPackageHasPackageInfo().check(CLASSES);
    }

    @Test
    void usesNeitherTheBuildNorTheCli() {
        Architecture.moduleUsesOnly("dev.keel.core..", "dev.keel.spec..", "dev.keel.core..")
                .check(CLASSES);
    }
}
