package dev.keel.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that paths from configuration stay inside their root, symbolic links included. */
public final class Confinement {

    private Confinement() {}

    /** Whether {@code path} (absolute, normalised) lies inside {@code root}, following links that exist. */
    public static boolean isInside(Path root, Path path) {
        if (!path.normalize().startsWith(root.normalize())) {
            return false;
        }
        try {
            Path realRoot = root.toRealPath();
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
