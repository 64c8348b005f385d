package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import dev.keel.core.config.Required;

/** A link to a commit or bug. */
public record LinkRef(@Required @Doc("An http(s) URL.") String url) {}
