package dev.keel.core.config.model;

/** Why an overlay exists. */
public enum OverlayCategory {
    @Key("upstream-backport")
    UPSTREAM_BACKPORT,
    @Key("azl-pruning")
    AZL_PRUNING,
    @Key("azl-compatibility")
    AZL_COMPATIBILITY,
    @Key("azl-temp-workaround")
    AZL_TEMP_WORKAROUND,
    @Key("azl-branding-policy")
    AZL_BRANDING_POLICY,
    @Key("azl-disable-flaky-tests")
    AZL_DISABLE_FLAKY_TESTS,
    @Key("azl-disable-unsupported-tests")
    AZL_DISABLE_UNSUPPORTED_TESTS,
    @Key("azl-security-compliance")
    AZL_SECURITY_COMPLIANCE,
    @Key("azl-release-management")
    AZL_RELEASE_MANAGEMENT,
    @Key("azl-platform-adaptation")
    AZL_PLATFORM_ADAPTATION
}
