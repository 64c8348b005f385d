package dev.keel.core.source;

import dev.keel.core.autospec.PackageHistory;
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

    /** The dist-git history behind what {@link #fetch} returns, or empty when the source has none. */
    default Optional<PackageHistory> history(ResolvedComponent component) throws IOException {
        return Optional.empty();
    }

    /** Identifies the upstream content for fingerprints: a hash or commit of what {@link #fetch} returns. */
    String identity(ResolvedComponent component) throws IOException;
}
