package dev.keel.core.autospec;

/**
 * The block rpmautospec puts at the top of a processed spec, as {@code process-distgit} writes it:
 * the features used and, for {@code %autorelease}, a definition freezing it to the release number,
 * then a blank line. The version line is the caller's (it names the tool).
 */
public final class AutospecBlock {

    private AutospecBlock() {}

    /**
     * The block's text, every line ending with {@code \n}.
     *
     * @param versionLine e.g. {@code ## (rpmautospec version 0.8.4)}
     * @param releaseNumber the release number {@code %autorelease} is frozen to
     * @param autorelease whether the spec uses {@code %autorelease} (adds the definition)
     * @param autochangelog whether rpmautospec generates the changelog
     */
    public static String text(String versionLine, int releaseNumber, boolean autorelease, boolean autochangelog) {
        String features = autorelease && autochangelog
                ? "autorelease, autochangelog"
                : autorelease ? "autorelease" : "autochangelog";
        StringBuilder out = new StringBuilder()
                .append("## START: Set by rpmautospec\n")
                .append(versionLine)
                .append('\n')
                .append("## RPMAUTOSPEC: ")
                .append(features)
                .append('\n');
        if (autorelease) {
            out.append("%define autorelease(e:s:pb:n) %{?-p:0.}%{lua:\n")
                    .append("    release_number = ")
                    .append(releaseNumber)
                    .append(";\n")
                    .append("    base_release_number = tonumber(rpm.expand(\"%{?-b*}%{!?-b:1}\"));\n")
                    .append("    print(release_number + base_release_number - 1);\n")
                    .append("}%{?-e:.%{-e*}}%{?-s:.%{-s*}}%{!?-n:%{?dist}}\n");
        }
        return out.append("## END: Set by rpmautospec\n\n").toString();
    }
}
