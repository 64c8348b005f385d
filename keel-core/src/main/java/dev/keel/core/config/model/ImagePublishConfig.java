package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import java.util.List;

/** Where an image is published. */
public record ImagePublishConfig(@Doc("Publish channels.") List<String> channels) {}
