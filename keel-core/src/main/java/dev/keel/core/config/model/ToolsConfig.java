package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import dev.keel.core.config.Key;

/** Settings of external tools. */
public record ToolsConfig(
        @Key("imageCustomizer") @Doc("Image Customizer.") ImageCustomizerConfig imageCustomizer) {}
