package dev.keel.core.overlay;

import java.nio.file.Path;

/** Paths named by overlays, confined to the sources directory. */
public final class OverlayPaths {

    private OverlayPaths() {}

    /**
     * The normalised relative form of a path an overlay names, or null when it is absolute, empty,
     * leaves the sources ({@code ..}), contains a NUL, or points into {@code .git}.
     */
    public static String confine(String path) {
        if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
            return null;
        }
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String segment : normalized.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") || segment.equals(".git")) {
                return null;
            }
            out.append(out.isEmpty() ? "" : "/").append(segment);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** {@code directory/relative}, refusing any relative path that would leave the directory. */
    static Path resolveInside(Path directory, String relative) {
        String confined = confine(relative);
        if (confined == null) {
            throw new IllegalArgumentException("path leaves its directory: " + relative);
        }
        Path resolved = directory.resolve(confined).normalize();
        if (!resolved.startsWith(directory.normalize())) {
            throw new IllegalArgumentException("path leaves its directory: " + relative);
        }
        return resolved;
    }
}
