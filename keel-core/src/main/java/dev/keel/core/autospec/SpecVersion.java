package dev.keel.core.autospec;

import dev.keel.spec.Spec;
import dev.keel.spec.macro.ExpandedTags;
import dev.keel.spec.macro.MacroContext;
import dev.keel.spec.macro.MacroExpander;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rpmautospec reads from a spec at one commit: its {@code [epoch:]version} and the options its
 * {@code %autorelease} is used with, found by evaluating the spec with {@code %autorelease}
 * defined as {@link #AUTORELEASE_PROBE} and {@code %autochangelog} as nothing: by Keel's macro
 * expander, else by rpm itself when {@code rpmspec} is installed, else unknown.
 *
 * @param epochVersion the {@code [epoch:]version}
 * @param flags the {@code %autorelease} options (the defaults when the release does not use it)
 */
public record SpecVersion(String epochVersion, AutoreleaseFlags flags) {

    /** The definition rpmautospec gives {@code %autorelease(e:s:pb:n)} to read its options from the release. */
    public static final String AUTORELEASE_PROBE = "E%{?-e*}_S%{?-s*}_P%{?-p:1}%{!?-p:0}_B%{?-b*}";

    private static final Pattern PROBED = Pattern.compile("E([^_]*)_S([^_]*)_P([01])_B(\\d*)");

    /** A spec's version and {@code %autorelease} options, empty when they cannot be determined. */
    public static Optional<SpecVersion> read(byte[] spec, MacroContext context) {
        ExpandedTags tags = MacroExpander.evaluate(
                Spec.parse(spec),
                context.toBuilder()
                        .define("autorelease(e:s:pb:n)", AUTORELEASE_PROBE)
                        .define("autochangelog", "%{nil}")
                        .build());
        if (!tags.version().isDeterminable()
                || (tags.epoch() != null && !tags.epoch().isDeterminable())
                || !tags.release().isDeterminable()) {
            return RpmspecVersion.find().flatMap(rpm -> rpm.specVersion(spec));
        }
        String epoch = tags.epoch() == null ? "" : tags.epoch().value() + ":";
        return Optional.of(of(epoch + tags.version().value(), tags.release().value()));
    }

    /** From the evaluated {@code [epoch:]version} and release. */
    public static SpecVersion of(String epochVersion, String release) {
        Matcher matcher = PROBED.matcher(release);
        if (!matcher.matches()) {
            return new SpecVersion(epochVersion, AutoreleaseFlags.DEFAULT);
        }
        return new SpecVersion(
                epochVersion,
                new AutoreleaseFlags(
                        matcher.group(4).isEmpty() ? 1 : base(matcher.group(4)),
                        matcher.group(3).equals("1"),
                        matcher.group(1).isEmpty() ? null : matcher.group(1),
                        matcher.group(2).isEmpty() ? null : matcher.group(2)));
    }

    private static int base(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** A commit's {@code [epoch:]version-release} as its changelog entry shows it. */
    public String evr(int releaseNumber) {
        return epochVersion + "-" + flags.render(releaseNumber);
    }
}
