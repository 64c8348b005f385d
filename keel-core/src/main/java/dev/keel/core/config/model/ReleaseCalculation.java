package dev.keel.core.config.model;

/** How a component's Release is computed when rendering. */
public enum ReleaseCalculation {
    @Key("auto")
    AUTO,
    @Key("autorelease")
    AUTORELEASE,
    @Key("static")
    STATIC,
    @Key("manual")
    MANUAL
}
