package dev.keel.core.config.model;

import dev.keel.core.config.Doc;

/** Settings of one binary package. */
public record PackageConfig(@Doc("Publish channels.") PackagePublishConfig publish) {}
