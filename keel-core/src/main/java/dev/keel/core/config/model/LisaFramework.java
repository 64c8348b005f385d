package dev.keel.core.config.model;

import dev.keel.core.config.Doc;

/** Where the LISA framework comes from. */
public record LisaFramework(
        @Doc("Git URL.") String gitUrl,
        @Doc("Commit (40 hex digits).") String ref) {}
