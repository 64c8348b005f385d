package dev.keel.core.config.model;

/** A link to a commit or bug. */
public record LinkRef(@Required @Doc("An http(s) URL.") String url) {}
