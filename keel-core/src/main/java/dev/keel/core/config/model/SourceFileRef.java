package dev.keel.core.config.model;

/** A source file of a component with its expected hash and origin. */
public record SourceFileRef(
        @Required @Doc("File name (a safe base name, unique per component).")
        String filename,

        @Doc("Expected hash.") String hash,
        @Doc("SHA256 or SHA512 (required with hash).") HashType hashType,
        @Doc("Where the file comes from.") Origin origin,
        @Doc("Replace the upstream file of the same name.") Boolean replaceUpstream,

        @Doc("Why the upstream file is replaced (required with replace-upstream).")
        String replaceReason) {}
