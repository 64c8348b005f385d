package dev.keel.spec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Every section kind rpm knows, plus the implicit preamble before the first section header. */
public enum SectionKind {
    PREAMBLE(null, Category.PREAMBLE),
    PACKAGE("%package", Category.PACKAGE),
    DESCRIPTION("%description", Category.DESCRIPTION),
    PREP("%prep", Category.BUILD_SCRIPT),
    GENERATE_BUILDREQUIRES("%generate_buildrequires", Category.BUILD_SCRIPT),
    CONF("%conf", Category.BUILD_SCRIPT),
    BUILD("%build", Category.BUILD_SCRIPT),
    INSTALL("%install", Category.BUILD_SCRIPT),
    CHECK("%check", Category.BUILD_SCRIPT),
    CLEAN("%clean", Category.BUILD_SCRIPT),
    PRE("%pre", Category.SCRIPTLET),
    POST("%post", Category.SCRIPTLET),
    PREUN("%preun", Category.SCRIPTLET),
    POSTUN("%postun", Category.SCRIPTLET),
    PRETRANS("%pretrans", Category.SCRIPTLET),
    POSTTRANS("%posttrans", Category.SCRIPTLET),
    PREUNTRANS("%preuntrans", Category.SCRIPTLET),
    POSTUNTRANS("%postuntrans", Category.SCRIPTLET),
    VERIFYSCRIPT("%verifyscript", Category.SCRIPTLET),
    TRIGGER("%trigger", Category.TRIGGER),
    TRIGGERIN("%triggerin", Category.TRIGGER),
    TRIGGERUN("%triggerun", Category.TRIGGER),
    TRIGGERPREIN("%triggerprein", Category.TRIGGER),
    TRIGGERPOSTUN("%triggerpostun", Category.TRIGGER),
    FILETRIGGER("%filetrigger", Category.FILE_TRIGGER),
    FILETRIGGERIN("%filetriggerin", Category.FILE_TRIGGER),
    FILETRIGGERUN("%filetriggerun", Category.FILE_TRIGGER),
    FILETRIGGERPOSTUN("%filetriggerpostun", Category.FILE_TRIGGER),
    TRANSFILETRIGGER("%transfiletrigger", Category.FILE_TRIGGER),
    TRANSFILETRIGGERIN("%transfiletriggerin", Category.FILE_TRIGGER),
    TRANSFILETRIGGERUN("%transfiletriggerun", Category.FILE_TRIGGER),
    TRANSFILETRIGGERPOSTUN("%transfiletriggerpostun", Category.FILE_TRIGGER),
    SEPOLICY("%sepolicy", Category.POLICY),
    FILES("%files", Category.FILES),
    CHANGELOG("%changelog", Category.CHANGELOG),
    PATCHLIST("%patchlist", Category.SOURCE_LIST),
    SOURCELIST("%sourcelist", Category.SOURCE_LIST),
    END("%end", Category.END);

    /** Families of sections that share header syntax and content rules. */
    public enum Category {
        PREAMBLE,
        PACKAGE,
        DESCRIPTION,
        BUILD_SCRIPT,
        SCRIPTLET,
        TRIGGER,
        FILE_TRIGGER,
        POLICY,
        FILES,
        CHANGELOG,
        SOURCE_LIST,
        END
    }

    private static final Map<String, SectionKind> BY_KEYWORD = new HashMap<>();

    static {
        for (SectionKind kind : values()) {
            if (kind.keyword != null) {
                BY_KEYWORD.put(kind.keyword, kind);
            }
        }
    }

    private final String keyword;
    private final Category category;

    SectionKind(String keyword, Category category) {
        this.keyword = keyword;
        this.category = category;
    }

    /** The canonical keyword, e.g. {@code %files}; {@code null} for the preamble. */
    public String keyword() {
        return keyword;
    }

    public Category category() {
        return category;
    }

    /** Whether a header of this kind names a sub-package ({@code devel} or {@code -n name}). */
    public boolean takesPackage() {
        return switch (category) {
            case PACKAGE, DESCRIPTION, SCRIPTLET, TRIGGER, FILE_TRIGGER, POLICY, FILES -> true;
            default -> false;
        };
    }

    /** Whether tags ({@code Name: value}) are parsed in sections of this kind. */
    public boolean holdsTags() {
        return category == Category.PREAMBLE || category == Category.PACKAGE;
    }

    /** The kind for a keyword as rpm matches it (case-insensitively), or {@code null}. */
    public static SectionKind forKeyword(String token) {
        return BY_KEYWORD.get(token.toLowerCase(Locale.ROOT));
    }
}
