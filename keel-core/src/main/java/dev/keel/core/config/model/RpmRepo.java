package dev.keel.core.config.model;

import java.util.List;

/** An RPM repository resource. */
public record RpmRepo(
        @Doc("What the repository is.") String description,
        @Doc("rpm-md.") String type,
        @Doc("Base URI (or metalink).") String baseUri,
        @Doc("Metalink (or base-uri).") String metalink,
        @Doc("Do not check GPG signatures.") Boolean disableGpgCheck,

        @PathValue(allowUri = true) @Doc("GPG key: http(s) URI, file:///path or a path.")
        String gpgKey,

        @Doc("Architectures.") List<String> arches) {}
