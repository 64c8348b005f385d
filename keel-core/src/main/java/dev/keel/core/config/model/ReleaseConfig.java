package dev.keel.core.config.model;

/** Release calculation settings. */
public record ReleaseConfig(
        @Doc("auto (default), autorelease, static or manual.")
        ReleaseCalculation calculation) {}
