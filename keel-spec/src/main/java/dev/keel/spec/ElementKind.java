package dev.keel.spec;

/** What a logical line (one or more physical lines joined the way rpm joins them) is. */
public enum ElementKind {
    BLANK,
    COMMENT,
    SECTION_HEADER,
    CONDITIONAL,
    INCLUDE,
    MACRO_DEFINITION,
    TAG,
    CHANGELOG_ENTRY,
    TEXT
}
