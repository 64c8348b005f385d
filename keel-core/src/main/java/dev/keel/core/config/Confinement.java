package dev.keel.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks that paths from configuration stay inside their root, symbolic links included. */
public final class Confinement {

    /**
     * Real paths of the roots asked about (a project has one or two), so that checking many paths
     * costs one {@code realpath} each instead of two; a pure cache of what the file system says.
     */
    private static final Map<Path, Path> REAL_ROOTS = new ConcurrentHashMap<>();

    private Confinement() {}

    /** Whether {@code path} (absolute, normalised) lies inside {@code root}, following links that exist. */
    public static boolean isInside(Path root, Path path) {
        if (!path.normalize().startsWith(root.normalize())) {
            return false;
        }
        try {
            Path realRoot = REAL_ROOTS.get(root);
            if (realRoot == null) {
                realRoot = root.toRealPath();
                REAL_ROOTS.put(root, realRoot);
            }
            Path existing = path;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null || existing.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
