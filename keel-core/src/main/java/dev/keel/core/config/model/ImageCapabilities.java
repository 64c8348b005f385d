package dev.keel.core.config.model;

/** What an image can do. */
public record ImageCapabilities(
        @Doc("Boots on a machine.") Boolean machineBootable,
        @Doc("Is a container image.") Boolean container,
        @Doc("Runs systemd.") Boolean systemd,
        @Doc("Can install packages at run time.") Boolean runtimePackageManagement) {}
