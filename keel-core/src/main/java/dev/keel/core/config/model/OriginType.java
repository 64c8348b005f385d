package dev.keel.core.config.model;

/** How a source file is obtained. */
public enum OriginType {
    @Key("download")
    DOWNLOAD,
    @Key("custom")
    CUSTOM,
    @Key("overlay")
    OVERLAY
}
