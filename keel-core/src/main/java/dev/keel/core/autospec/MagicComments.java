package dev.keel.core.autospec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rpmautospec's magic comments in a commit message: a line that is {@code [...]} as a whole holds
 * comma-separated parts, each {@code skip changelog} (no entry for the commit) or {@code bump
 * release[:] N} (the release is at least N). Spaces may surround every word.
 *
 * @param skipChangelog whether the commit has no changelog entry
 * @param bumpRelease the largest {@code bump release} value, 0 without one
 */
record MagicComments(boolean skipChangelog, int bumpRelease) {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final String S = PythonText.SPACE;
    private static final Pattern LINE = Pattern.compile(S + "*\\[(.*)]" + S + "*", FLAGS);
    private static final Pattern SKIP_CHANGELOG = Pattern.compile(S + "*skip" + S + "+changelog", FLAGS);
    private static final Pattern BUMP_RELEASE =
            Pattern.compile(S + "*bump" + S + "+release" + S + "*(?::" + S + "*)?(\\p{Nd}+)", FLAGS);

    static MagicComments of(String message) {
        boolean skip = false;
        int bump = 0;
        for (String line : message.split("\n", -1)) {
            Matcher magic = LINE.matcher(line);
            if (!magic.matches()) {
                continue;
            }
            for (String part : magic.group(1).split(",", -1)) {
                skip |= SKIP_CHANGELOG.matcher(part).lookingAt();
                Matcher release = BUMP_RELEASE.matcher(part);
                if (release.lookingAt()) {
                    bump = Math.max(bump, number(release.group(1)));
                }
            }
        }
        return new MagicComments(skip, bump);
    }

    /** Decimal digits of any script, as Python's {@code int()} reads them (capped at the largest int). */
    private static int number(String digits) {
        long value = 0;
        for (int c : digits.codePoints().toArray()) {
            value = Math.min(Integer.MAX_VALUE, value * 10 + Character.digit(c, 10));
        }
        return (int) value;
    }
}
