package dev.keel.core.autospec;

import dev.keel.spec.Spec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does what {@code rpmautospec process-distgit} does to a spec: when it uses {@code %autorelease}
 * or {@code %autochangelog}, prepends the block that freezes the release number and replaces the
 * {@code %autochangelog} line with the generated changelog, both computed from the package's
 * history. Specs using neither are returned unchanged.
 */
public final class AutospecExpansion {

    private static final Pattern AUTORELEASE =
            Pattern.compile("%(?:\\{\\??)?autorelease(?=$|[}\\s])", Pattern.MULTILINE);
    private static final Pattern AUTOCHANGELOG_LINE =
            Pattern.compile("^[ \\t]*%(?:autochangelog|\\{autochangelog\\})[ \\t]*$", Pattern.MULTILINE);

    private AutospecExpansion() {}

    /** Whether the spec text uses {@code %autorelease} or {@code %autochangelog}. */
    public static boolean uses(String text) {
        return AUTORELEASE.matcher(text).find()
                || AUTOCHANGELOG_LINE.matcher(text).find();
    }

    /**
     * The processed spec's bytes, in the spec's own encoding (generated text, such as authors'
     * names, is added as UTF-8).
     *
     * @param toolVersion written into the block's version line
     */
    public static byte[] expand(Spec spec, PackageHistory history, String toolVersion) {
        String text = spec.text();
        boolean autorelease = AUTORELEASE.matcher(text).find();
        Matcher changelogLine = AUTOCHANGELOG_LINE.matcher(text);
        boolean autochangelog = changelogLine.find();
        if (!autorelease && !autochangelog) {
            return spec.toBytes();
        }
        String eol = spec.lineEnding();
        StringBuilder out = new StringBuilder();
        for (String line : AutospecBlock.lines(history.headReleaseNumber(), autorelease, autochangelog, toolVersion)) {
            out.append(spec.encodeNewText(line)).append(eol);
        }
        if (!autochangelog) {
            return out.append(text).toString().getBytes(spec.charset());
        }
        String release = spec.tagValue("Release");
        String changelog = spec.encodeNewText(history.changelog(AutoreleaseFlags.parse(release == null ? "" : release))
                .stripTrailing()
                .replace("\n", eol));
        return out.append(text, 0, changelogLine.start())
                .append(changelog)
                .append(text, changelogLine.end(), text.length())
                .toString()
                .getBytes(spec.charset());
    }
}
