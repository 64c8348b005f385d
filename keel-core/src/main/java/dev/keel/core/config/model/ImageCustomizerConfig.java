package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import dev.keel.core.config.Key;

/** Image Customizer settings. */
public record ImageCustomizerConfig(
        @Key("containerTag") @Doc("Container image tag.") String containerTag) {}
