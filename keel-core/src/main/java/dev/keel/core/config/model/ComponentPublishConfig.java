package dev.keel.core.config.model;

/** Where a component's packages are published. */
public record ComponentPublishConfig(
        @Doc("Channel for binary RPMs.") String rpmChannel,
        @Doc("Channel for the source RPM.") String srpmChannel,
        @Doc("Channel for debuginfo RPMs.") String debuginfoChannel) {}
