package dev.keel.core.config.model;

/** Settings of one binary package. */
public record PackageConfig(@Doc("Publish channels.") PackagePublishConfig publish) {}
