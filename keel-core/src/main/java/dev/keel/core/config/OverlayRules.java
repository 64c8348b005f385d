package dev.keel.core.config;

import dev.keel.core.config.model.OverlayType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which overlay keys each overlay type requires and which it accepts. */
final class OverlayRules {

    /** The keys of one type: required ones, then optional ones. */
    record Fields(Set<String> required, Set<String> optional) {
        boolean accepts(String key) {
            return required.contains(key) || optional.contains(key) || COMMON.contains(key);
        }
    }

    /** Keys every overlay may have. */
    static final Set<String> COMMON = Set.of("type", "description", "metadata");

    private static final Map<OverlayType, Fields> RULES = new EnumMap<>(OverlayType.class);

    static {
        Set<String> tagValue = Set.of("tag", "value");
        rule(OverlayType.SPEC_ADD_TAG, tagValue, "package");
        rule(OverlayType.SPEC_INSERT_TAG, tagValue, "package");
        rule(OverlayType.SPEC_SET_TAG, tagValue, "package");
        rule(OverlayType.SPEC_UPDATE_TAG, tagValue, "package");
        rule(OverlayType.SPEC_REMOVE_TAG, Set.of("tag"), "package", "value");
        rule(OverlayType.SPEC_PREPEND_LINES, Set.of("lines"), "section", "package");
        rule(OverlayType.SPEC_APPEND_LINES, Set.of("lines"), "section", "package");
        rule(OverlayType.SPEC_SEARCH_REPLACE, Set.of("regex"), "replacement", "section", "package");
        rule(OverlayType.SPEC_REMOVE_SECTION, Set.of("section"), "package");
        rule(OverlayType.SPEC_REMOVE_SUBPACKAGE, Set.of("package"));
        rule(OverlayType.PATCH_ADD, Set.of("source"), "file");
        rule(OverlayType.PATCH_REMOVE, Set.of("file"));
        rule(OverlayType.FILE_PREPEND_LINES, Set.of("file", "lines"));
        rule(OverlayType.FILE_SEARCH_REPLACE, Set.of("file", "regex"), "replacement", "archive");
        rule(OverlayType.FILE_ADD, Set.of("file", "source"));
        rule(OverlayType.FILE_REMOVE, Set.of("file"), "archive");
        rule(OverlayType.FILE_RENAME, Set.of("file", "replacement"));
    }

    private OverlayRules() {}

    private static void rule(OverlayType type, Set<String> required, String... optional) {
        RULES.put(type, new Fields(required, Set.copyOf(List.of(optional))));
    }

    static Fields of(OverlayType type) {
        return RULES.get(type);
    }
}
