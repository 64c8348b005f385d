package dev.keel.core.config.model;

import java.util.List;

/** A LISA suite. */
public record LisaConfig(
        @Doc("The framework.") LisaFramework framework,
        @Doc("Test cases (non-empty).") List<String> testCases,
        @Doc("Packages to pip-install first.") List<String> pipPreInstall,
        @Doc("pip extras.") List<String> pipExtras,
        @Doc("Extra arguments.") List<String> extraArgs) {}
