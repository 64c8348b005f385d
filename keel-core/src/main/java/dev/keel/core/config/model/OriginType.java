package dev.keel.core.config.model;

import dev.keel.core.config.Key;

/** How a source file is obtained. */
public enum OriginType {
    @Key("download")
    DOWNLOAD,
    @Key("custom")
    CUSTOM,
    @Key("overlay")
    OVERLAY
}
