package dev.keel.core.config.model;

import java.util.List;

/** An overlay file used outside a project ({@code keel overlay apply}): [metadata] is optional. */
@Doc("A Keel overlay file applied on its own.")
public record StandaloneOverlayFile(
        @Doc("Why these overlays exist.") OverlayMetadata metadata,
        @Required @Doc("The overlays, in order.") List<Overlay> overlays) {}
