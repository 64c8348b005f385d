package dev.keel.core.config.model;

import dev.keel.core.config.Key;

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
