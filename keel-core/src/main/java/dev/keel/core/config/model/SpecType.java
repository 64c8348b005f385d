package dev.keel.core.config.model;

/** Where a component's spec comes from. */
public enum SpecType {
    @Key("upstream")
    UPSTREAM,
    @Key("local")
    LOCAL
}
