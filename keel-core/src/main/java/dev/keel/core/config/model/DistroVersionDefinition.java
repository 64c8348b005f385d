package dev.keel.core.config.model;

/** One version of a distro. */
public record DistroVersionDefinition(
        @Doc("What the version is.") String description,
        @Required @Doc("The value of $releasever.") String releaseVer,
        @Doc("dist-git branch of this version.") String distGitBranch,
        @Doc("Defaults for components of this version.") ComponentConfig defaultComponentConfig,
        @PathValue @Doc("mock configuration file.") String mockConfig,

        @PathValue @Key("mock-config-x86_64") @Doc("mock configuration file on x86_64 hosts.")
        String mockConfigX8664,

        @PathValue @Key("mock-config-aarch64") @Doc("mock configuration file on aarch64 hosts.")
        String mockConfigAarch64,

        @Doc("Build inputs.") DistroInputs inputs,

        @Doc("Keel only: the Koji build target of this version's builds (e.g. \"f43-build\"); no whitespace.")
        String kojiTarget) {}
