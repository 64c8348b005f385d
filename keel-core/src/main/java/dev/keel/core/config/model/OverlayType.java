package dev.keel.core.config.model;

import dev.keel.core.config.Key;

/** Every overlay type azldev knows. */
public enum OverlayType {
    @Key("spec-add-tag")
    SPEC_ADD_TAG,
    @Key("spec-insert-tag")
    SPEC_INSERT_TAG,
    @Key("spec-set-tag")
    SPEC_SET_TAG,
    @Key("spec-update-tag")
    SPEC_UPDATE_TAG,
    @Key("spec-remove-tag")
    SPEC_REMOVE_TAG,
    @Key("spec-prepend-lines")
    SPEC_PREPEND_LINES,
    @Key("spec-append-lines")
    SPEC_APPEND_LINES,
    @Key("spec-search-replace")
    SPEC_SEARCH_REPLACE,
    @Key("spec-remove-section")
    SPEC_REMOVE_SECTION,
    @Key("spec-remove-subpackage")
    SPEC_REMOVE_SUBPACKAGE,
    @Key("patch-add")
    PATCH_ADD,
    @Key("patch-remove")
    PATCH_REMOVE,
    @Key("file-prepend-lines")
    FILE_PREPEND_LINES,
    @Key("file-search-replace")
    FILE_SEARCH_REPLACE,
    @Key("file-add")
    FILE_ADD,
    @Key("file-remove")
    FILE_REMOVE,
    @Key("file-rename")
    FILE_RENAME
}
