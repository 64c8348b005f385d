package dev.keel.core.config.model;

/** A build input: an RPM repository or a repository set from [resources]. */
public record InputRef(
        @Doc("A key of [resources.rpm-repos].") String repo,
        @Doc("A key of [resources.rpm-repo-sets].") String set) {}
