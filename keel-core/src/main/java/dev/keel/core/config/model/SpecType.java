package dev.keel.core.config.model;

import dev.keel.core.config.Key;

/** Where a component's spec comes from. */
public enum SpecType {
    @Key("upstream")
    UPSTREAM,
    @Key("local")
    LOCAL
}
