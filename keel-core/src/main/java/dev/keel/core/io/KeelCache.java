package dev.keel.core.io;

import java.nio.file.Path;

/**
 * Keel's cache directory for data it can always recompute (render fingerprints, later clone
 * mirrors and lookaside blobs): the {@code keel.cache.dir} system property (for tests and embedding,
 * e.g. {@code -Dkeel.cache.dir=/tmp/keel-cache}), else {@code $KEEL_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/keel}, else {@code ~/.cache/keel}. Never inside a project, which may be
 * read-only or checked into git.
 */
public final class KeelCache {

    /** The system property that overrides the cache directory. */
    public static final String PROPERTY = "keel.cache.dir";

    private KeelCache() {}

    public static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
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
