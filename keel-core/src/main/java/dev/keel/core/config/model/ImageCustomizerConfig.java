package dev.keel.core.config.model;

/** Image Customizer settings. */
public record ImageCustomizerConfig(
        @Key("containerTag") @Doc("Container image tag.") String containerTag) {}
