package dev.keel.core.config.model;

/** An RPM repository of a distro. */
public record PackageRepository(
        @Required @Doc("Base URI; $releasever is substituted.")
        String baseUri) {}
