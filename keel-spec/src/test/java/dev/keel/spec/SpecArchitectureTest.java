package dev.keel.spec;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.keel.testing.Architecture;
import org.junit.jupiter.api.Test;

/** keel-spec's packages: no cycles, in layers, documented, and no other Keel module used. */
class SpecArchitectureTest {

    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.keel.spec");

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    @Test
    void lowerPackagesNeverUseHigherOnes() {
        Architecture.layers("dev.keel.spec.dependency", "dev.keel.spec", "dev.keel.spec.macro")
                .check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Architecture.everyPackageHasPackageInfo().check(CLASSES);
    }

    @Test
    void usesNoOtherKeelModule() {
        Architecture.moduleUsesOnly("dev.keel.spec..", "dev.keel.spec..").check(CLASSES);
    }
}
