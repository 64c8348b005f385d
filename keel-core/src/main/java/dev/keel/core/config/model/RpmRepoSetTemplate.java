package dev.keel.core.config.model;

import java.util.List;

/** A template of repository sets. */
public record RpmRepoSetTemplate(
        @Doc("What the template is.") String description,
        @Doc("Sub-repositories.") List<SubrepoTemplate> subrepos) {}
