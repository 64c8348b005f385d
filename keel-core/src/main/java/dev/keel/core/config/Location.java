package dev.keel.core.config;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line and column (0 when unknown). */
public record Location(Path file, int line, int column) {

    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    /** {@code file:line:column}, or fewer parts when unknown. */
    @Override
    public String toString() {
        String name = file == null ? "<unknown>" : file.toString();
        if (line <= 0) {
            return name;
        }
        return column <= 0 ? name + ":" + line : name + ":" + line + ":" + column;
    }
}
