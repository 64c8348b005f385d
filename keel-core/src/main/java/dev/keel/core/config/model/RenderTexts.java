package dev.keel.core.config.model;

/** How the comments Keel writes into a rendered spec are worded. */
public enum RenderTexts {
    /** Keel's wording: the header names Keel, the macros comment names no distro. */
    @Key("keel")
    KEEL,
    /** azldev's exact wording, so a tree azldev rendered stays byte for byte the same. */
    @Key("azldev")
    AZLDEV
}
