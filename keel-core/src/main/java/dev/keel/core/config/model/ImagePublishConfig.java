package dev.keel.core.config.model;

import java.util.List;

/** Where an image is published. */
public record ImagePublishConfig(@Doc("Publish channels.") List<String> channels) {}
