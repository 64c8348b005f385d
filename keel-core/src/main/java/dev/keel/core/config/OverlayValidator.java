package dev.keel.core.config;

import dev.keel.core.config.model.OverlayType;
import dev.keel.core.io.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of one overlay: fields its type needs and accepts, regex, paths, archive, metadata. */
final class OverlayValidator {

    private static final Pattern HTTP = Pattern.compile("https?://.+");
    /** The types whose {@code file} is a glob over the sources (the others name one file to create). */
    private static final Set<OverlayType> FILE_GLOBS = Set.of(
            OverlayType.PATCH_REMOVE,
            OverlayType.FILE_PREPEND_LINES,
            OverlayType.FILE_SEARCH_REPLACE,
            OverlayType.FILE_REMOVE,
            OverlayType.FILE_RENAME);
    /** The keys an overlay may have at all; others are reported as unknown keys when the file is bound. */
    private static final Set<String> OVERLAY_KEYS =
            RecordInfo.of(OverlayTable.class).indexByKey.keySet();

    private final List<ConfigError> errors;

    OverlayValidator(List<ConfigError> errors) {
        this.errors = errors;
    }

    /** Checks one overlay table; {@code at} is its key path. */
    void validate(ConfigNode.Table overlay, String at) {
        OverlayType type = overlayType(TreeLookup.string(overlay, "type"));
        if (type == null) {
            return;
        }
        keys(overlay, at, type);
        regex(overlay, at);
        file(overlay, at, type);
        archive(overlay, at);
        if (type == OverlayType.SPEC_REMOVE_SECTION && "".equals(TreeLookup.string(overlay, "section"))) {
            located(
                    overlay,
                    "section",
                    at,
                    "spec-remove-section cannot remove the preamble",
                    "name a section such as %files");
        }
        source(overlay, at);
        metadata(overlay, at);
    }

    /** The keys the type requires are there, and no key it does not use. */
    private void keys(ConfigNode.Table overlay, String at, OverlayType type) {
        OverlayRules.Fields fields = OverlayRules.of(type);
        String typeName = Names.enumKey(type);
        for (String required : fields.required()) {
            if (TreeLookup.at(overlay, required) == null) {
                errors.add(ConfigError.error(
                        overlay.location(),
                        at + "." + required,
                        "a " + typeName + " overlay needs '" + required + "'",
                        describe(overlay).strip()));
            }
        }
        overlay.entries().forEach((key, value) -> {
            if (OVERLAY_KEYS.contains(key) && !fields.accepts(key)) {
                errors.add(ConfigError.error(
                        value.location(),
                        at + "." + key,
                        "'" + key + "' is not used by a " + typeName + " overlay",
                        "it takes " + String.join(", ", sorted(fields)) + describe(overlay)));
            }
        });
    }

    private void regex(ConfigNode.Table overlay, String at) {
        String regex = TreeLookup.string(overlay, "regex");
        if (regex == null) {
            return;
        }
        try {
            BoundedRegex.compile(regex);
        } catch (BoundedRegex.InvalidRegexException e) {
            located(
                    overlay,
                    "regex",
                    at,
                    "invalid regular expression: " + e.description(),
                    e.exceedsBound()
                            ? String.format(
                                    "a pattern may compile to %,d instructions and nest groups %d deep;"
                                            + " nested counted repetitions such as (x{50}){50} multiply",
                                    BoundedRegex.MAX_PROGRAM_SIZE, BoundedRegex.MAX_NESTING)
                            : "RE2 syntax (no look-around, no back-references)");
        }
    }

    /** {@code file} is a valid glob where it is one, and a relative path inside the sources. */
    private void file(ConfigNode.Table overlay, String at, OverlayType type) {
        String file = TreeLookup.string(overlay, "file");
        if (file == null) {
            return;
        }
        if (FILE_GLOBS.contains(type) || TreeLookup.string(overlay, "archive") != null) {
            try {
                Glob.of(file);
            } catch (Glob.InvalidGlobException e) {
                located(overlay, "file", at, e.getMessage(), "globs take * ? ** [...] and {a,b}");
            }
        }
        if (!ComponentValidator.isConfinedRelative(file)) {
            located(
                    overlay,
                    "file",
                    at,
                    "overlay file '" + file + "' must be a relative path inside the sources",
                    "no absolute paths and no '..'");
        }
    }

    private void archive(ConfigNode.Table overlay, String at) {
        String archive = TreeLookup.string(overlay, "archive");
        if (archive != null && (!ComponentValidator.isSafeBaseName(archive) || !ArchiveNames.isArchive(archive))) {
            located(
                    overlay,
                    "archive",
                    at,
                    "archive '" + archive + "' must be a tar archive file name",
                    "one of " + String.join(", ", ArchiveNames.SUFFIXES));
        }
    }

    private void source(ConfigNode.Table overlay, String at) {
        String source = TreeLookup.string(overlay, "source");
        if (source != null && !Files.isRegularFile(Path.of(source))) {
            located(
                    overlay,
                    "source",
                    at,
                    InputFiles.special(Path.of(source))
                            .map(kind -> "overlay source " + source + " is " + kind + ", not a regular file")
                            .orElse("overlay source not found: " + source),
                    "the path is relative to the file that declares the overlay");
        }
    }

    private void metadata(ConfigNode.Table overlay, String at) {
        ConfigNode metadata = overlay.get("metadata");
        if (metadata == null) {
            return;
        }
        String category = TreeLookup.string(metadata, "category");
        String status = TreeLookup.string(metadata, "upstream-status");
        if ("upstream-backport".equals(category)) {
            if (!(TreeLookup.at(metadata, "commits") instanceof ConfigNode.Array commits)
                    || commits.items().isEmpty()) {
                errors.add(ConfigError.error(
                        metadata.location(),
                        at + ".metadata.commits",
                        "an upstream-backport needs at least one commit",
                        "commits = [{ url = \"https://...\" }]"));
            }
            if (status != null && !status.equals("upstreamed") && !status.equals("upstreamable")) {
                errors.add(ConfigError.error(
                        TreeLookup.locate(metadata, "upstream-status"),
                        at + ".metadata.upstream-status",
                        "an upstream-backport must be upstreamed or upstreamable, not " + status,
                        ""));
            }
        }
        for (String list : List.of("commits", "bugs")) {
            if (TreeLookup.at(metadata, list) instanceof ConfigNode.Array links) {
                for (ConfigNode link : links.items()) {
                    String url = TreeLookup.string(link, "url");
                    if (url != null && !HTTP.matcher(url).matches()) {
                        errors.add(ConfigError.error(
                                link.location(), at + ".metadata." + list, "'" + url + "' is not an http(s) URL", ""));
                    }
                }
            }
        }
    }

    private static OverlayType overlayType(String name) {
        for (OverlayType type : OverlayType.values()) {
            if (Names.enumKey(type).equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static List<String> sorted(OverlayRules.Fields fields) {
        Set<String> all = new java.util.TreeSet<>(fields.required());
        all.addAll(fields.optional());
        return List.copyOf(all);
    }

    private static String describe(ConfigNode.Table overlay) {
        String description = TreeLookup.string(overlay, "description");
        return description == null ? "" : " (overlay \"" + description + "\")";
    }

    private void located(ConfigNode table, String key, String at, String message, String hint) {
        errors.add(ConfigError.atKey(table, key, at, message, hint));
    }
}
