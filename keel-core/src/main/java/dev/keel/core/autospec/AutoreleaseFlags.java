package dev.keel.core.autospec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a {@code %autorelease} invocation: {@code -b BASE}, {@code -p} (prerelease),
 * {@code -e EXTRAVER}, {@code -s SNAPINFO}, {@code -n} (no dist tag).
 */
public record AutoreleaseFlags(int base, boolean prerelease, String extraver, String snapinfo, boolean noDist) {

    public static final AutoreleaseFlags DEFAULT = new AutoreleaseFlags(1, false, null, null, false);

    /** {@code -b/-e/-s} take a value (attached or after a space); {@code -p} and {@code -n} do not. */
    private static final Pattern OPTION = Pattern.compile("-(?:([bes])\\s*([^\\s-]\\S*)|([pn]))");

    /** The flags written after {@code %autorelease} in a Release value, e.g. {@code %autorelease -b7 -e rc1}. */
    public static AutoreleaseFlags parse(String release) {
        int at = release.indexOf("autorelease");
        if (at < 0) {
            return DEFAULT;
        }
        String options = release.substring(at + "autorelease".length()).replace("}", " ");
        int base = 1;
        boolean prerelease = false;
        boolean noDist = false;
        String extraver = null;
        String snapinfo = null;
        Matcher matcher = OPTION.matcher(options);
        while (matcher.find()) {
            String value = matcher.group(2);
            switch (matcher.group(1) != null ? matcher.group(1) : matcher.group(3)) {
                case "b" -> base = value != null && value.matches("\\d+") ? Integer.parseInt(value) : base;
                case "p" -> prerelease = true;
                case "e" -> extraver = value;
                case "s" -> snapinfo = value;
                default -> noDist = true;
            }
        }
        return new AutoreleaseFlags(base, prerelease, extraver, snapinfo, noDist);
    }

    /** The release rpmautospec gives for a release number, without the dist tag. */
    public String render(int releaseNumber) {
        StringBuilder out = new StringBuilder();
        if (prerelease) {
            out.append("0.");
        }
        out.append(releaseNumber + base - 1);
        if (extraver != null) {
            out.append('.').append(extraver);
        }
        if (snapinfo != null) {
            out.append('.').append(snapinfo);
        }
        return out.toString();
    }
}
