package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import dev.keel.core.config.Required;

/** An RPM repository of a distro. */
public record PackageRepository(
        @Required @Doc("Base URI; $releasever is substituted.")
        String baseUri) {}
