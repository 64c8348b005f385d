package dev.keel.core.overlay;

import dev.keel.core.config.LocatedOverlay;
import java.util.Objects;

/** Where a line of an overlaid file comes from: an upstream line, or an overlay. */
public sealed interface LineSource permits LineSource.Upstream, LineSource.FromOverlay {

    /** An upstream line, unchanged, with its 1-based line number in the upstream file. */
    record Upstream(int line) implements LineSource {}

    /** A line an overlay added or changed. */
    record FromOverlay(LocatedOverlay overlay) implements LineSource {
        public FromOverlay {
            Objects.requireNonNull(overlay, "overlay");
        }
    }
}
