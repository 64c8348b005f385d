package dev.keel.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.keel.testing.Architecture;
import org.junit.jupiter.api.Test;

/**
 * The rules across modules, checked here because keel-cli's class path holds every module but the
 * benchmarks: no package cycles anywhere, modules depend one way (keel-spec <- keel-core <-
 * keel-build, keel-audit <- keel-cli), top-level class names are unique and every package says
 * what it is for.
 */
class ModuleArchitectureTest {

    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.keel");

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    @Test
    void specUsesNoOtherKeelModule() {
        Architecture.moduleUsesOnly("dev.keel.spec..", "dev.keel.spec..").check(CLASSES);
    }

    @Test
    void coreUsesNeitherTheBuildNorTheCli() {
        Architecture.moduleUsesOnly("dev.keel.core..", "dev.keel.spec..", "dev.keel.core..")
                .check(CLASSES);
    }

    @Test
    void buildUsesNoCli() {
        Architecture.moduleUsesOnly("dev.keel.build..", "dev.keel.spec..", "dev.keel.core..", "dev.keel.build..")
                .check(CLASSES);
    }

    @Test
    void auditUsesNeitherTheBuildNorTheCli() {
        Architecture.moduleUsesOnly("dev.keel.audit..", "dev.keel.spec..", "dev.keel.core..", "dev.keel.audit..")
                .check(CLASSES);
    }

    @Test
    void topLevelClassNamesAreUnique() {
        Architecture.topLevelClassNamesAreUnique().check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Architecture.everyPackageHasPackageInfo().check(CLASSES);
    }
}
