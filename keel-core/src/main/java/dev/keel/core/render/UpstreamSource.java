package dev.keel.core.render;

import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.util.Optional;

/** Where a component's upstream sources come from (a spec snapshot, dist-git, a local directory). */
public interface UpstreamSource {

    /** The component's upstream sources with its spec at {@code <component>.spec}, or empty when there is none. */
    Optional<SourceTree> fetch(ResolvedComponent component) throws IOException;

    /** Whether only the spec is available (no sidecar files, no history). */
    boolean specOnly();

    /** Identifies the upstream content for fingerprints: a hash or commit of what {@link #fetch} returns. */
    String identity(ResolvedComponent component) throws IOException;
}
