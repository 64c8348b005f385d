package dev.keel.core.config.model;

import dev.keel.core.config.Key;

/** Hash algorithms accepted for source files. */
public enum HashType {
    @Key("SHA256")
    SHA256,
    @Key("SHA512")
    SHA512
}
