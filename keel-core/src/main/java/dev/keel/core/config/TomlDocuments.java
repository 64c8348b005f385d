package dev.keel.core.config;

import java.nio.file.Path;
import java.util.List;

/** Reads TOML documents other than project files (lock files, overlay files) into located trees. */
public final class TomlDocuments {

    private TomlDocuments() {}

    /** The document's root table; a syntax error is added to {@code errors} (and an empty table returned). */
    public static ConfigNode.Table read(Path file, byte[] bytes, List<ConfigError> errors) {
        return TomlReader.read(file, bytes, errors);
    }
}
