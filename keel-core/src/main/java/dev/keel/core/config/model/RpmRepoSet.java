package dev.keel.core.config.model;

import java.util.List;

/** A set of repositories made from a template. */
public record RpmRepoSet(
        @Doc("What the set is.") String description,
        @Doc("A key of [resources.rpm-repo-set-templates].") String template,
        @Doc("Base URI.") String baseUri,
        @Doc("Prefix of the expanded repository names.") String namePrefix,
        @PathValue(allowUri = true) @Doc("GPG key.") String gpgKey,
        @Doc("Do not check GPG signatures.") Boolean disableGpgCheck,
        @Doc("Architectures.") List<String> arches,

        @Doc("Sub-repositories to include (all when absent).")
        List<String> subrepos) {}
