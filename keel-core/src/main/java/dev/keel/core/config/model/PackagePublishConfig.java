package dev.keel.core.config.model;

/** Where a binary package is published. */
public record PackagePublishConfig(
        @Doc("Channel for the RPM.") String rpmChannel,
        @Doc("Channel for its debuginfo.") String debuginfoChannel,

        @Superseded("rpm-channel") @Doc("Deprecated: use rpm-channel.")
        String channel) {}
