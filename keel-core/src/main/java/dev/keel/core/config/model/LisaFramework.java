package dev.keel.core.config.model;

/** Where the LISA framework comes from. */
public record LisaFramework(
        @Doc("Git URL.") String gitUrl,
        @Doc("Commit (40 hex digits).") String ref) {}
