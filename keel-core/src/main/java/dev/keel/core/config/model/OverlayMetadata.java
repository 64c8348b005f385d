package dev.keel.core.config.model;

import java.util.List;

/** Why an overlay exists and whether it is upstream (documentation; not part of fingerprints). */
public record OverlayMetadata(
        @Required @Doc("Why the overlay exists.") OverlayCategory category,

        @Required @Doc("Whether the change is or could be upstream.")
        UpstreamStatus upstreamStatus,

        @Doc("Upstream commits (required for upstream-backport).")
        List<LinkRef> commits,

        @Doc("Related bugs.") List<LinkRef> bugs) {}
