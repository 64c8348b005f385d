package dev.keel.core.config.model;

/** Whether an overlay's change is, or could be, upstream. */
public enum UpstreamStatus {
    @Key("upstreamed")
    UPSTREAMED,
    @Key("upstreamable")
    UPSTREAMABLE,
    @Key("needs-upstream-hook")
    NEEDS_UPSTREAM_HOOK,
    @Key("inapplicable")
    INAPPLICABLE,
    @Key("unknown")
    UNKNOWN
}
