package dev.keel.core.config.model;

import dev.keel.core.config.Doc;
import dev.keel.core.config.Key;
import dev.keel.core.config.PathValue;
import dev.keel.core.config.Required;
import java.util.List;

/** One overlay: a small, documented edit of the upstream sources. */
public record Overlay(
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

        @Doc("Why the overlay exists.") OverlayMetadata metadata) {}
