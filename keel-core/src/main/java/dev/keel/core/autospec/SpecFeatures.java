package dev.keel.core.autospec;

import java.util.List;
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

    /** The features of a spec's text. */
    public static SpecFeatures of(String text) {
        boolean autorelease = false;
        int changelog = 0;
        int autochangelog = 0;
        boolean processed = false;
        List<String> lines = PythonText.universalLines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).endsWith("\n")
                    ? lines.get(i).substring(0, lines.get(i).length() - 1)
                    : lines.get(i);
            if (changelog == 0) {
                autorelease |= AUTORELEASE.matcher(line).find();
                if (CHANGELOG.matcher(line).matches()) {
                    changelog = i + 1;
                }
            }
            if (autochangelog == 0 && AUTOCHANGELOG.matcher(line).lookingAt()) {
                autochangelog = i + 1;
            }
            processed |= AUTORELEASE_DEFINITION.matcher(line).lookingAt();
        }
        return new SpecFeatures(autorelease, changelog, autochangelog, processed);
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
