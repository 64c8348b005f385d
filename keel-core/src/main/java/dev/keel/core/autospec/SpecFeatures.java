package dev.keel.core.autospec;

import java.util.regex.Pattern;

/**
 * What rpmautospec finds in a spec, line by line, to decide what {@code process-distgit} does:
 * whether {@code %autorelease} is used before the {@code %changelog} line, where that line and the
 * first {@code %autochangelog} line are, and whether the spec was processed already (it defines
 * {@code autorelease} itself).
 *
 * @param hasAutorelease {@code %autorelease}, {@code %{autorelease}}, {@code %{?autorelease}} or
 *     {@code %{autorelease ...}} before the {@code %changelog} line
 * @param changelogLine the 1-based number of the first {@code %changelog} line, or 0
 * @param autochangelogLine the 1-based number of the first line starting with {@code %autochangelog}
 *     (after optional whitespace), or 0
 * @param processed whether a line defines {@code %autorelease} ({@code %define autorelease(})
 */
public record SpecFeatures(boolean hasAutorelease, int changelogLine, int autochangelogLine, boolean processed) {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final String S = PythonText.SPACE;
    private static final Pattern AUTORELEASE =
            Pattern.compile("%(?:autorelease(?:" + S + "|$)|\\{\\??autorelease(?:" + S + "+[^}]*)?})", FLAGS);
    private static final Pattern CHANGELOG =
            Pattern.compile("%changelog(?:" + S + ".*)?", FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AUTOCHANGELOG =
            Pattern.compile(S + "*%(?:autochangelog|\\{\\??autochangelog})", FLAGS);
    private static final Pattern AUTORELEASE_DEFINITION =
            Pattern.compile(S + "*%define" + S + "+autorelease" + S + "*\\(", FLAGS);

    /**
     * The features of a spec's text. Lines are read as Python reads them (any line ending); the
     * patterns run only on the few lines that can match them (a line naming {@code autorelease} or
     * {@code autochangelog}, or starting with {@code %changelog}), so most specs cost one scan.
     */
    public static SpecFeatures of(String text) {
        String normalized =
                text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        boolean autorelease = false;
        int changelog = 0;
        int autochangelog = 0;
        boolean processed = false;
        int nextAutorelease = normalized.indexOf("autorelease");
        int nextAutochangelog = normalized.indexOf("autochangelog");
        int start = 0;
        for (int number = 1; start < normalized.length(); number++) {
            int newline = normalized.indexOf('\n', start);
            int end = newline < 0 ? normalized.length() : newline;
            nextAutorelease = next(normalized, "autorelease", nextAutorelease, start);
            nextAutochangelog = next(normalized, "autochangelog", nextAutochangelog, start);
            boolean namesAutorelease = nextAutorelease >= 0 && nextAutorelease < end;
            boolean namesAutochangelog = nextAutochangelog >= 0 && nextAutochangelog < end;
            boolean startsChangelog = normalized.regionMatches(true, start, "%changelog", 0, "%changelog".length());
            if (namesAutorelease || namesAutochangelog || startsChangelog) {
                String line = normalized.substring(start, end);
                if (changelog == 0) {
                    autorelease |= namesAutorelease && AUTORELEASE.matcher(line).find();
                    if (startsChangelog && CHANGELOG.matcher(line).matches()) {
                        changelog = number;
                    }
                }
                if (autochangelog == 0
                        && namesAutochangelog
                        && AUTOCHANGELOG.matcher(line).lookingAt()) {
                    autochangelog = number;
                }
                processed |=
                        namesAutorelease && AUTORELEASE_DEFINITION.matcher(line).lookingAt();
            }
            start = end + 1;
        }
        return new SpecFeatures(autorelease, changelog, autochangelog, processed);
    }

    /** The first occurrence of {@code word} at or after {@code from}, starting from a known earlier one. */
    private static int next(String text, String word, int known, int from) {
        return known < 0 || known >= from ? known : text.indexOf(word, from);
    }

    /** Whether a spec uses {@code %autorelease} (before any {@code %changelog} line). */
    public static boolean usesAutorelease(String text) {
        return of(text).hasAutorelease();
    }

    public boolean hasAutochangelog() {
        return autochangelogLine > 0;
    }

    /** Whether rpmautospec generates a changelog: for {@code %autochangelog}, or a spec without any changelog. */
    public boolean needsAutochangelog() {
        return hasAutochangelog() || changelogLine == 0;
    }

    /** Whether {@code process-distgit} changes the spec at all. */
    public boolean needsProcessing() {
        return !processed && (hasAutorelease || needsAutochangelog());
    }
}
