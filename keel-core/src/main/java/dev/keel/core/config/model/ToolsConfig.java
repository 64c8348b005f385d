package dev.keel.core.config.model;

/** Settings of external tools. */
public record ToolsConfig(
        @Key("imageCustomizer") @Doc("Image Customizer.") ImageCustomizerConfig imageCustomizer) {}
