package dev.keel.core.config.model;

import java.util.List;
import java.util.Map;

/** A component: one source package, with where its spec comes from and how Keel changes and builds it. */
public record ComponentConfig(
        @Doc("Where the spec comes from.") SpecSource spec,
        @Doc("Release calculation.") ReleaseConfig release,
        @Doc("Overlays, applied in order.") List<Overlay> overlays,

        @PathValue(glob = true) @Doc("Globs of per-file overlay files, relative to the declaring file.")
        List<String> overlayFiles,

        @Doc("Build settings.") BuildConfig build,
        @Doc("Render settings.") RenderConfig render,
        @Doc("Source files with hashes and origins.") List<SourceFileRef> sourceFiles,
        @Doc("Per binary package settings.") Map<String, PackageConfig> packages,
        @Doc("Publish channels.") ComponentPublishConfig publish) {}
