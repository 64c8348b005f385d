package dev.keel.core.config.model;

import java.util.List;

/** A named group of binary packages with shared settings. */
public record PackageGroupConfig(
        @Doc("What the group is.") String description,

        @Doc("Exact package names; a package may be in one group only.")
        List<String> packages,

        @Doc("Settings for members.") PackageConfig defaultPackageConfig) {}
