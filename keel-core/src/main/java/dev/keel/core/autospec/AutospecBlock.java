package dev.keel.core.autospec;

import java.util.ArrayList;
import java.util.List;

/**
 * The block rpmautospec puts at the top of a processed spec, freezing {@code %autorelease} to a
 * release number, in the same layout so tools that look for it find it; the version line names
 * Keel.
 */
public final class AutospecBlock {

    private AutospecBlock() {}

    /** The block's lines (without line endings), followed by a blank line. */
    public static List<String> lines(
            int releaseNumber, boolean autorelease, boolean autochangelog, String keelVersion) {
        List<String> features = new ArrayList<>();
        if (autorelease) {
            features.add("autorelease");
        }
        if (autochangelog) {
            features.add("autochangelog");
        }
        return List.of(
                "## START: Set by rpmautospec",
                "## (rpmautospec-compatible: keel " + keelVersion + ")",
                "## RPMAUTOSPEC: " + String.join(", ", features),
                "%define autorelease(e:s:pb:n) %{?-p:0.}%{lua:",
                "    release_number = " + releaseNumber + ";",
                "    base_release_number = tonumber(rpm.expand(\"%{?-b*}%{!?-b:1}\"));",
                "    print(release_number + base_release_number - 1);",
                "}%{?-e:.%{-e*}}%{?-s:.%{-s*}}%{!?-n:%{?dist}}",
                "## END: Set by rpmautospec",
                "");
    }
}
