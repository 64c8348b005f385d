package dev.keel.core.outcome;

import java.nio.file.Path;

/** How a report shows a path: relative to a root where it can, so reports do not depend on the machine. */
@FunctionalInterface
public interface PathDisplay {

    String show(Path path);

    /** Paths inside {@code root} relative to it; others as they are. */
    static PathDisplay relativeTo(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return path -> {
            Path absolute = path.isAbsolute() ? path.normalize() : null;
            Path shown = absolute != null && absolute.startsWith(base) ? base.relativize(absolute) : path;
            String text = shown.toString().replace('\\', '/');
            return text.isEmpty() ? "." : text;
        };
    }

    /**
     * Paths inside {@code root} relative to it; others by their file name only, for text that
     * must be the same on every machine (a marker file checked into git).
     */
    static PathDisplay machineIndependent(Path root) {
        Path base = root.toAbsolutePath().normalize();
        PathDisplay inside = relativeTo(base);
        return path -> !path.isAbsolute() || path.normalize().startsWith(base)
                ? inside.show(path)
                : String.valueOf(path.getFileName());
    }
}
