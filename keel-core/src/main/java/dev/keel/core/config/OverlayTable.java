package dev.keel.core.config;

import dev.keel.core.config.model.Doc;
import dev.keel.core.config.model.Key;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayMetadata;
import dev.keel.core.config.model.OverlayType;
import dev.keel.core.config.model.PathValue;
import dev.keel.core.config.model.Required;
import java.util.List;
import java.util.Optional;

/**
 * An {@code [[overlays]]} table as written: every key any overlay type takes, each null when
 * absent. The binder reads an {@link Overlay} through it (and the schema documents it); nothing
 * outside the loader sees it, only the typed overlay it becomes.
 */
record OverlayTable(
        @Required @Doc("The overlay type, e.g. spec-search-replace.")
        OverlayType type,

        @Doc("What the overlay does and why.") String description,

        @Doc("Target file (a glob for file overlays) or patch file name.")
        String file,

        @Doc("Target section, e.g. %build.") String section,

        @Key("package") @Doc("Target sub-package, as in the section header.")
        String pkg,

        @Doc("Tag name.") String tag,
        @Doc("Tag value.") String value,
        @Doc("RE2 regular expression.") String regex,
        @Doc("Literal replacement text.") String replacement,
        @Doc("Lines to add.") List<String> lines,

        @PathValue @Doc("Source file, relative to the file that declares the overlay.")
        String source,

        @Doc("Archive to edit inside (file-remove and file-search-replace).")
        String archive,

        @Doc("Why the overlay exists.") OverlayMetadata metadata) {

    /**
     * The overlay of this table's type, or empty when the table cannot make one: no type, or a key
     * the type requires without a value of the right type (the loader reports each of those).
     */
    Optional<Overlay> toOverlay() {
        if (type == null || !complete()) {
            return Optional.empty();
        }
        Overlay.Notes notes = new Overlay.Notes(Optional.ofNullable(description), Optional.ofNullable(metadata));
        return Optional.of(
                switch (type) {
                    case SPEC_ADD_TAG -> new Overlay.SpecAddTag(text(pkg), tag, value, notes);
                    case SPEC_INSERT_TAG -> new Overlay.SpecInsertTag(text(pkg), tag, value, notes);
                    case SPEC_SET_TAG -> new Overlay.SpecSetTag(text(pkg), tag, value, notes);
                    case SPEC_UPDATE_TAG -> new Overlay.SpecUpdateTag(text(pkg), tag, value, notes);
                    case SPEC_REMOVE_TAG ->
                        new Overlay.SpecRemoveTag(text(pkg), tag, Optional.ofNullable(value), notes);
                    case SPEC_PREPEND_LINES -> new Overlay.SpecPrependLines(text(section), text(pkg), lines, notes);
                    case SPEC_APPEND_LINES -> new Overlay.SpecAppendLines(text(section), text(pkg), lines, notes);
                    case SPEC_SEARCH_REPLACE ->
                        new Overlay.SpecSearchReplace(text(section), text(pkg), regex, text(replacement), notes);
                    case SPEC_REMOVE_SECTION -> new Overlay.SpecRemoveSection(section, text(pkg), notes);
                    case SPEC_REMOVE_SUBPACKAGE -> new Overlay.SpecRemoveSubpackage(pkg, notes);
                    case PATCH_ADD -> new Overlay.PatchAdd(Optional.ofNullable(file), source, notes);
                    case PATCH_REMOVE -> new Overlay.PatchRemove(file, notes);
                    case FILE_PREPEND_LINES -> new Overlay.FilePrependLines(file, lines, notes);
                    case FILE_SEARCH_REPLACE ->
                        new Overlay.FileSearchReplace(
                                file, regex, text(replacement), Optional.ofNullable(archive), notes);
                    case FILE_ADD -> new Overlay.FileAdd(file, source, notes);
                    case FILE_REMOVE -> new Overlay.FileRemove(file, Optional.ofNullable(archive), notes);
                    case FILE_RENAME -> new Overlay.FileRename(file, replacement, notes);
                });
    }

    /** Whether every key the type requires has a value (a value of the wrong type was bound as null). */
    private boolean complete() {
        RecordInfo info = RecordInfo.of(OverlayTable.class);
        Object[] values = info.values(this);
        boolean allRequired =
                OverlayRules.of(type).required().stream().allMatch(key -> values[info.indexByKey.get(key)] != null);
        return allRequired && (lines == null || !lines.contains(null));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
