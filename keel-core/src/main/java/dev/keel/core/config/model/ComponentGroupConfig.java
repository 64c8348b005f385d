package dev.keel.core.config.model;

import java.util.List;

/** A named group of components with shared defaults. */
public record ComponentGroupConfig(
        @Doc("What the group is.") String description,
        @Doc("Why the group exists.") OverlayMetadata metadata,
        @Doc("Member components (each must be defined).") List<String> components,

        @PathValue(glob = true) @Doc("Globs of local spec files; each match becomes a local component.")
        List<String> specs,

        @PathValue(glob = true) @Doc("Globs of paths excluded from specs.")
        List<String> excludedPaths,

        @Doc("Defaults for members.") ComponentConfig defaultComponentConfig) {}
