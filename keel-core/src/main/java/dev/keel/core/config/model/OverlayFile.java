package dev.keel.core.config.model;

import java.util.List;

/** A per-file overlay file: one [metadata] for all its [[overlays]]. */
@Doc("A Keel (azldev-compatible) overlay file.")
public record OverlayFile(
        @Required @Doc("Why these overlays exist.") OverlayMetadata metadata,
        @Required @Doc("The overlays, in order.") List<Overlay> overlays) {}
