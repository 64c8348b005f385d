package dev.keel.audit.sbom;

import dev.keel.core.config.model.OverlayCategory;
import dev.keel.core.config.model.OverlayMetadata;
import dev.keel.core.config.model.UpstreamStatus;
import java.util.Optional;

/**
 * CycloneDX's classification of a patch, from an overlay's metadata: a change upstream made (the
 * {@code upstream-backport} category, or any change whose {@code upstream-status} is
 * {@code upstreamed}) is a backport; every other change, Keel's own steps included, is unofficial
 * (made by the distro, not by upstream's maintainers). No overlay is a monkey patch (a change of
 * behaviour at run time), and Keel cannot tell a cherry-pick from a backport.
 */
enum PatchType {
    BACKPORT("backport"),
    UNOFFICIAL("unofficial");

    private final String key;

    PatchType(String key) {
        this.key = key;
    }

    /** CycloneDX's (and Keel's SPDX annotations') name of the type. */
    String key() {
        return key;
    }

    static PatchType of(Optional<OverlayMetadata> metadata) {
        return metadata.filter(m -> m.category() == OverlayCategory.UPSTREAM_BACKPORT
                                || m.upstreamStatus() == UpstreamStatus.UPSTREAMED)
                        .isPresent()
                ? BACKPORT
                : UNOFFICIAL;
    }
}
