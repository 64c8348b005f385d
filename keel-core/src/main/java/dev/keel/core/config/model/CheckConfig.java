package dev.keel.core.config.model;

/** Whether the %check section runs. */
public record CheckConfig(
        @Doc("Skip the %check section.") Boolean skip,

        @Key("skip_reason") @Doc("Why %check is skipped (required when skip is true).")
        String skipReason) {}
