package dev.keel.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.keel.testing.Architecture;
import org.junit.jupiter.api.Test;

/** keel-audit's packages: no cycles, in layers, documented, and only keel-core and keel-spec below them. */
class AuditArchitectureTest {

    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.keel.audit");

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    @Test
    void lowerPackagesNeverUseHigherOnes() {
        Architecture.layers("dev.keel.audit.verify", "dev.keel.audit.attest", "dev.keel.audit.sbom")
                .check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Architecture.everyPackageHasPackageInfo().check(CLASSES);
    }

    @Test
    void usesNeitherTheBuildNorTheCli() {
        Architecture.moduleUsesOnly("dev.keel.audit..", "dev.keel.spec..", "dev.keel.core..", "dev.keel.audit..")
                .check(CLASSES);
    }
}
