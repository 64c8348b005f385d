package dev.keel.spec.macro;

import java.util.List;
import java.util.Locale;

/**
 * A preamble tag line as rpm reads it after expansion ({@code findPreambleTag} and
 * {@code handlePreambleTag}): the tag name is matched case-insensitively as a prefix at column 0,
 * then an optional {@code (qualifier)} and a colon; the value is trimmed.
 *
 * @param token rpm's lower-case tag token ({@code version}, {@code buildarch}...)
 * @param qualifier what is in parentheses after the tag ({@code post} of {@code Requires(post):}), or
 *     {@code null}
 * @param value the trimmed value
 */
record PreambleTag(String token, String qualifier, String value) {

    /** The tags Keel evaluates. */
    static final List<String> NEVR = List.of("name", "epoch", "version", "release");

    /** Tags whose values are dependencies of the package they are in. */
    static final List<String> PACKAGE_DEPENDENCIES = List.of("requires", "prereq", "provides");

    /** Tags whose values are build dependencies of the source package, wherever they are. */
    static final List<String> BUILD_DEPENDENCIES = List.of("buildrequires", "buildprereq");

    /** Tags that take a dependency qualifier in parentheses, as {@code Requires(post):}. */
    private static final List<String> DEPENDENCY_QUALIFIED = List.of("requires", "prereq");

    /**
     * Tags rpm also defines as macros ({@code %{summary}}, {@code %{url}}...), the build
     * architecture tags and the dependency tags Keel reads; longer tokens come first where one is a
     * prefix of another, as in rpm.
     */
    private static final List<String> TOKENS = List.of(
            "name",
            "version",
            "release",
            "epoch",
            "summary",
            "license",
            "sourcelicense",
            "distribution",
            "disturl",
            "vendor",
            "group",
            "packager",
            "url",
            "vcs",
            "prefixes",
            "prefix",
            "buildarchitectures",
            "buildarch",
            "disttag",
            "bugurl",
            "translationurl",
            "upstreamreleases",
            "removepathpostfixes",
            "modularitylabel",
            "requires",
            "prereq",
            "provides",
            "buildrequires",
            "buildprereq",
            "exclusivearch",
            "excludearch");

    private static final String NAME_CHARS = ".-_+%{}";
    private static final String NAME_FIRST_CHARS = "_%";
    private static final String VERSION_CHARS = "._+%{}~^";

    /** The tag on a line, or {@code null} when the line is not one of the tags above. */
    static PreambleTag parse(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String token : TOKENS) {
            if (!lower.startsWith(token)) {
                continue;
            }
            int p = skipSpace(line, token.length());
            boolean qualified =
                    token.equals("summary") || token.equals("group") || DEPENDENCY_QUALIFIED.contains(token);
            String qualifier = null;
            if (qualified && p < line.length() && line.charAt(p) == '(') {
                int close = line.indexOf(')', p);
                qualifier = close < 0 ? "" : line.substring(p + 1, close).strip();
                p = close < 0 ? line.length() : skipSpace(line, close + 1);
            }
            if (p >= line.length() || line.charAt(p) != ':') {
                return null;
            }
            return new PreambleTag(token, qualifier, line.substring(p + 1).strip());
        }
        return null;
    }

    /** Whether rpm makes this tag a macro ({@code %{name}}; for the main package also {@code %{NAME}}). */
    boolean definesMacro() {
        return !isBuildArch()
                && !PACKAGE_DEPENDENCIES.contains(token)
                && !BUILD_DEPENDENCIES.contains(token)
                && !token.startsWith("exclu");
    }

    /**
     * The {@code RPMSENSE_*} bits of a {@code Requires(...)} qualifier list such as {@code post,preun}
     * ({@code PreReq} is a requirement with its own bit), or -1 for a qualifier rpm does not know.
     */
    int dependencyFlags() {
        int flags = token.equals("prereq") ? 1 << 6 : 0;
        if (qualifier == null) {
            return flags;
        }
        for (String part : qualifier.split(",")) {
            int bit = switch (part.strip()) {
                case "interp" -> 1 << 8;
                case "pre" -> 1 << 9;
                case "post" -> 1 << 10;
                case "preun" -> 1 << 11;
                case "postun" -> 1 << 12;
                case "verify" -> 1 << 13;
                case "pretrans" -> 1 << 7;
                case "posttrans" -> 1 << 5;
                case "preuntrans" -> 1 << 20;
                case "postuntrans" -> 1 << 21;
                case "meta" -> 1 << 29;
                default -> -1;
            };
            if (bit < 0) {
                return -1;
            }
            flags |= bit;
        }
        return flags;
    }

    boolean isBuildArch() {
        return token.startsWith("buildarch");
    }

    /** The name rpm uses in messages: {@code Version}. */
    String displayName() {
        return Character.toUpperCase(token.charAt(0)) + token.substring(1);
    }

    /**
     * Why rpm rejects this value for a name, epoch, version or release tag, or {@code null} when it
     * accepts it.
     */
    String problem() {
        if (value.isEmpty()) {
            return "empty tag: " + displayName();
        }
        if (value.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f')) {
            return displayName() + " takes a single token only: " + value;
        }
        return switch (token) {
            case "name" -> charProblem(NAME_CHARS, NAME_FIRST_CHARS);
            case "version", "release" -> charProblem(VERSION_CHARS, null);
            case "epoch" -> epochValue() == null ? "Epoch must be an unsigned number: " + value : null;
            default -> null;
        };
    }

    /** The epoch as rpm stores and prints it ({@code 01} is {@code 1}), or {@code null} if invalid. */
    String epochValue() {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        return digits.length() > 10 || Long.parseLong(digits) > 0xFFFFFFFFL ? null : digits;
    }

    private String charProblem(String allowed, String allowedFirst) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            String permitted = i == 0 && allowedFirst != null ? allowedFirst : allowed;
            if (!alnum && permitted.indexOf(c) < 0) {
                return "illegal char '" + c + "' in " + displayName() + ": " + value;
            }
        }
        return value.contains("..") ? "illegal sequence \"..\" in " + displayName() + ": " + value : null;
    }

    private static int skipSpace(String line, int from) {
        int p = from;
        while (p < line.length() && Character.isWhitespace(line.charAt(p)) && line.charAt(p) <= ' ') {
            p++;
        }
        return p;
    }
}
