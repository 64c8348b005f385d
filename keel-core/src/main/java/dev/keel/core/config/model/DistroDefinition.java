package dev.keel.core.config.model;

import java.util.List;
import java.util.Map;

/** A distro: where its sources live and its versions. */
public record DistroDefinition(
        @Doc("What the distro is.") String description,
        @Doc("The version used when none is given.") String defaultVersion,
        @Doc("dist-git URI template with $pkg.") String distGitBaseUri,

        @Doc("Lookaside URI template with $pkg, $filename, $hashtype and $hash.")
        String lookasideBaseUri,

        @Doc("RPM repositories.") List<PackageRepository> repos,

        @Doc("Do not fall back from the lookaside to origin URIs.")
        Boolean disableOrigins,

        @Doc("Versions by name.") Map<String, DistroVersionDefinition> versions) {}
