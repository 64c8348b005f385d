package dev.keel.core.config.model;

import dev.keel.core.config.Doc;

/** Release calculation settings. */
public record ReleaseConfig(
        @Doc("auto (default), autorelease, static or manual.")
        ReleaseCalculation calculation) {}
