package dev.keel.core.config.model;

/** Where a component's spec comes from. */
public record SpecSource(
        @Doc("upstream (a distro's dist-git) or local (a spec in this project).")
        SpecType type,

        @PathValue @Doc("Path of a local spec, relative to the file that declares it.")
        String path,

        @Doc("The upstream distro to take the spec from.") DistroReference upstreamDistro,

        @Doc("The upstream package name when it differs from the component's.")
        String upstreamName,

        @Doc("Pin to an upstream commit (7 to 40 hex digits).")
        String upstreamCommit) {}
