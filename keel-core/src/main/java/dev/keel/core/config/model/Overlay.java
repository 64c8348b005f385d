package dev.keel.core.config.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One overlay: a small, documented edit of the upstream sources. Each type is a record with only
 * the fields that type has, none of them null: a field TOML may leave out is empty here (an empty
 * string where azldev reads {@code ""} as absent). The configuration loader builds them from
 * {@code [[overlays]]} tables it validated; the edits Keel makes itself come from the named
 * constructors, with no {@link Notes}.
 */
public sealed interface Overlay {

    /** The type, as a TOML {@code type} names it. */
    default OverlayType type() {
        return OverlayType.of(this);
    }

    /** What the overlay's author wrote about it. */
    Notes notes();

    /** What the overlay does and why, when written. */
    default Optional<String> description() {
        return notes().description();
    }

    /** The source archive the edit works inside ({@code file-remove} and {@code file-search-replace}), if any. */
    default Optional<String> archive() {
        return Optional.empty();
    }

    /** The documentation of an overlay: never part of what it does, nor of fingerprints. */
    record Notes(Optional<String> description, Optional<OverlayMetadata> metadata) {

        /** The notes of an edit Keel makes itself. */
        public static final Notes NONE = new Notes(Optional.empty(), Optional.empty());

        public Notes {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /** An overlay that gives a tag of the package ({@code pkg} empty: the main package) a value. */
    sealed interface SpecTagValue extends Overlay permits SpecAddTag, SpecInsertTag, SpecSetTag, SpecUpdateTag {
        String pkg();

        String tag();

        String value();
    }

    /** An overlay that adds lines to the spec's matching sections. */
    sealed interface SpecLines extends Overlay permits SpecPrependLines, SpecAppendLines {
        String section();

        String pkg();

        List<String> lines();
    }

    /** An overlay that copies a file named by the configuration into the sources. */
    sealed interface FromSource extends Overlay permits PatchAdd, FileAdd {
        /** The file to copy, an absolute path once the configuration is loaded. */
        String source();
    }

    /** An overlay that edits upstream files other than the spec: those its {@code file} glob matches. */
    sealed interface SidecarEdit extends Overlay permits FilePrependLines, FileSearchReplace, FileRemove, FileRename {
        /** The glob of the files. */
        String file();
    }

    /** {@code spec-add-tag}: {@code tag: value} at the end of the package's tags. */
    record SpecAddTag(String pkg, String tag, String value, Notes notes) implements SpecTagValue {
        public SpecAddTag {
            required(pkg, tag, value, notes);
        }
    }

    /** {@code spec-insert-tag}: {@code tag: value} after the last tag of its family. */
    record SpecInsertTag(String pkg, String tag, String value, Notes notes) implements SpecTagValue {
        public SpecInsertTag {
            required(pkg, tag, value, notes);
        }

        /** The tag Keel adds to the main package itself (the macros file's {@code Source}). */
        public static SpecInsertTag inMainPackage(String tag, String value) {
            return new SpecInsertTag("", tag, value, Notes.NONE);
        }
    }

    /** {@code spec-set-tag}: updates the tag, or adds it. */
    record SpecSetTag(String pkg, String tag, String value, Notes notes) implements SpecTagValue {
        public SpecSetTag {
            required(pkg, tag, value, notes);
        }
    }

    /** {@code spec-update-tag}: rewrites every line of the tag. */
    record SpecUpdateTag(String pkg, String tag, String value, Notes notes) implements SpecTagValue {
        public SpecUpdateTag {
            required(pkg, tag, value, notes);
        }

        /** The main package's tag Keel rewrites itself (the release bump). */
        public static SpecUpdateTag inMainPackage(String tag, String value) {
            return new SpecUpdateTag("", tag, value, Notes.NONE);
        }
    }

    /**
     * {@code spec-remove-tag}: removes every line of the tag, or only those with {@code value}
     * (ignoring case); azldev reads an empty value as none.
     */
    record SpecRemoveTag(String pkg, String tag, Optional<String> value, Notes notes) implements Overlay {
        public SpecRemoveTag {
            required(pkg, tag, value, notes);
            value = value.filter(text -> !text.isEmpty());
        }
    }

    /** {@code spec-prepend-lines}: after the header of every matching section ({@code section} empty: the file's top). */
    record SpecPrependLines(String section, String pkg, List<String> lines, Notes notes) implements SpecLines {
        public SpecPrependLines {
            required(section, pkg, lines, notes);
            lines = List.copyOf(lines);
        }

        /** Lines Keel puts at the top of the spec itself (the header, the macros file's load line). */
        public static SpecPrependLines atTop(List<String> lines) {
            return new SpecPrependLines("", "", lines, Notes.NONE);
        }

        /** Lines Keel puts at the start of every main-package section so named itself (check skipping). */
        public static SpecPrependLines inSection(String section, List<String> lines) {
            return new SpecPrependLines(section, "", lines, Notes.NONE);
        }
    }

    /** {@code spec-append-lines}: at the end of every matching section ({@code section} empty: the file's end). */
    record SpecAppendLines(String section, String pkg, List<String> lines, Notes notes) implements SpecLines {
        public SpecAppendLines {
            required(section, pkg, lines, notes);
            lines = List.copyOf(lines);
        }
    }

    /**
     * {@code spec-search-replace}: the literal {@code replacement} for every match of {@code regex}
     * on each line of the matching sections ({@code section} and {@code pkg} empty: any).
     */
    record SpecSearchReplace(String section, String pkg, String regex, String replacement, Notes notes)
            implements Overlay {
        public SpecSearchReplace {
            required(section, pkg, regex, replacement, notes);
        }
    }

    /** {@code spec-remove-section}: removes every matching section. */
    record SpecRemoveSection(String section, String pkg, Notes notes) implements Overlay {
        public SpecRemoveSection {
            required(section, pkg, notes);
        }
    }

    /** {@code spec-remove-subpackage}: removes every section of the sub-package. */
    record SpecRemoveSubpackage(String pkg, Notes notes) implements Overlay {
        public SpecRemoveSubpackage {
            required(pkg, notes);
        }
    }

    /** {@code patch-add}: copies the patch in as {@code file} (empty: the source's name) and references it. */
    record PatchAdd(Optional<String> file, String source, Notes notes) implements FromSource {
        public PatchAdd {
            required(file, source, notes);
            file = file.filter(name -> !name.isEmpty());
        }
    }

    /** {@code patch-remove}: removes the spec's references to the patches the glob matches, and those files. */
    record PatchRemove(String file, Notes notes) implements Overlay {
        public PatchRemove {
            required(file, notes);
        }
    }

    /** {@code file-prepend-lines}: prepends the lines to every matching file. */
    record FilePrependLines(String file, List<String> lines, Notes notes) implements SidecarEdit {
        public FilePrependLines {
            required(file, lines, notes);
            lines = List.copyOf(lines);
        }
    }

    /** {@code file-search-replace}: the literal {@code replacement} for every match of {@code regex} in each matching file. */
    record FileSearchReplace(String file, String regex, String replacement, Optional<String> archive, Notes notes)
            implements SidecarEdit {
        public FileSearchReplace {
            required(file, regex, replacement, archive, notes);
            archive = archive.filter(name -> !name.isEmpty());
        }
    }

    /** {@code file-add}: copies {@code source} in as {@code file}. */
    record FileAdd(String file, String source, Notes notes) implements FromSource {
        public FileAdd {
            required(file, source, notes);
        }

        /**
         * A file Keel generates (the macros file): Keel writes its content, so it names no source
         * (an empty {@code source}); it stands for the file's maker in provenance.
         */
        public static FileAdd generated(String file) {
            return new FileAdd(file, "", Notes.NONE);
        }
    }

    /** {@code file-remove}: removes every matching file. */
    record FileRemove(String file, Optional<String> archive, Notes notes) implements SidecarEdit {
        public FileRemove {
            required(file, archive, notes);
            archive = archive.filter(name -> !name.isEmpty());
        }
    }

    /** {@code file-rename}: renames the one matching file to {@code newName} (TOML's {@code replacement}) in its directory. */
    record FileRename(String file, String newName, Notes notes) implements SidecarEdit {
        public FileRename {
            required(file, newName, notes);
        }
    }

    private static void required(Object... fields) {
        for (Object field : fields) {
            Objects.requireNonNull(field, "an overlay field is null");
        }
    }
}
