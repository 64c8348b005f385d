package dev.keel.core.config.model;

import java.util.HashMap;
import java.util.Map;

/** Every overlay type azldev knows, each with the record of its fields. */
public enum OverlayType {
    @Key("spec-add-tag")
    SPEC_ADD_TAG(Overlay.SpecAddTag.class),
    @Key("spec-insert-tag")
    SPEC_INSERT_TAG(Overlay.SpecInsertTag.class),
    @Key("spec-set-tag")
    SPEC_SET_TAG(Overlay.SpecSetTag.class),
    @Key("spec-update-tag")
    SPEC_UPDATE_TAG(Overlay.SpecUpdateTag.class),
    @Key("spec-remove-tag")
    SPEC_REMOVE_TAG(Overlay.SpecRemoveTag.class),
    @Key("spec-prepend-lines")
    SPEC_PREPEND_LINES(Overlay.SpecPrependLines.class),
    @Key("spec-append-lines")
    SPEC_APPEND_LINES(Overlay.SpecAppendLines.class),
    @Key("spec-search-replace")
    SPEC_SEARCH_REPLACE(Overlay.SpecSearchReplace.class),
    @Key("spec-remove-section")
    SPEC_REMOVE_SECTION(Overlay.SpecRemoveSection.class),
    @Key("spec-remove-subpackage")
    SPEC_REMOVE_SUBPACKAGE(Overlay.SpecRemoveSubpackage.class),
    @Key("patch-add")
    PATCH_ADD(Overlay.PatchAdd.class),
    @Key("patch-remove")
    PATCH_REMOVE(Overlay.PatchRemove.class),
    @Key("file-prepend-lines")
    FILE_PREPEND_LINES(Overlay.FilePrependLines.class),
    @Key("file-search-replace")
    FILE_SEARCH_REPLACE(Overlay.FileSearchReplace.class),
    @Key("file-add")
    FILE_ADD(Overlay.FileAdd.class),
    @Key("file-remove")
    FILE_REMOVE(Overlay.FileRemove.class),
    @Key("file-rename")
    FILE_RENAME(Overlay.FileRename.class);

    private static final Map<Class<?>, OverlayType> BY_RECORD = new HashMap<>();

    static {
        for (OverlayType type : values()) {
            BY_RECORD.put(type.record, type);
        }
    }

    private final Class<? extends Overlay> record;

    OverlayType(Class<? extends Overlay> record) {
        this.record = record;
    }

    /** The type of an overlay. */
    static OverlayType of(Overlay overlay) {
        return BY_RECORD.get(overlay.getClass());
    }
}
