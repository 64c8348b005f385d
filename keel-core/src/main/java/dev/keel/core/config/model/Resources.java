package dev.keel.core.config.model;

import java.util.Map;

/** Shared resources. */
public record Resources(
        @Doc("RPM repositories.") Map<String, RpmRepo> rpmRepos,
        @Doc("Repository sets.") Map<String, RpmRepoSet> rpmRepoSets,
        @Doc("Repository-set templates.") Map<String, RpmRepoSetTemplate> rpmRepoSetTemplates) {}
