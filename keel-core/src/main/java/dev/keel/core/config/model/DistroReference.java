package dev.keel.core.config.model;

/** A distro, optionally a version of it and a snapshot time. */
public record DistroReference(
        @Required @Doc("Distro name, a key of [distros].") String name,

        @Doc("Version, a key of [distros.NAME.versions]; empty means the distro's default-version.")
        String version,

        @Doc("RFC 3339 time: use the last upstream commit before it.")
        String snapshot) {}
