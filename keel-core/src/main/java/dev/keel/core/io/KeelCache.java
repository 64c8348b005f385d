package dev.keel.core.io;

import java.nio.file.Path;

/**
 * Keel's cache directory for data it can always recompute (render fingerprints, later clone
 * mirrors and lookaside blobs): {@code $KEEL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/keel}, else
 * {@code ~/.cache/keel}. Never inside a project, which may be read-only or checked into git.
 */
public final class KeelCache {

    private KeelCache() {}

    public static Path directory() {
        String explicit = System.getenv("KEEL_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "keel");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "keel");
    }
}
