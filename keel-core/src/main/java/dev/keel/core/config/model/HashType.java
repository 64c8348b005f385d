package dev.keel.core.config.model;

/** Hash algorithms accepted for source files. */
public enum HashType {
    @Key("SHA256")
    SHA256,
    @Key("SHA512")
    SHA512
}
