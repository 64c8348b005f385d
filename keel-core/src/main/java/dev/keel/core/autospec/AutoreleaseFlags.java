package dev.keel.core.autospec;

/**
 * The options of a {@code %autorelease} invocation that shape the release: {@code -b BASE},
 * {@code -p} (prerelease), {@code -e EXTRAVER}, {@code -s SNAPINFO}. Read from a spec by
 * evaluating it ({@link SpecVersion}).
 */
public record AutoreleaseFlags(int base, boolean prerelease, String extraver, String snapinfo) {

    public static final AutoreleaseFlags DEFAULT = new AutoreleaseFlags(1, false, null, null);

    /** Whether a Release value's {@code %autorelease} has {@code -n} (no dist tag), e.g. {@code %{autorelease -n}}. */
    public static boolean noDist(String release) {
        int at = release.indexOf("autorelease");
        if (at < 0) {
            return false;
        }
        for (String option :
                release.substring(at + "autorelease".length()).replace("}", " ").split("\\s+")) {
            if (option.equals("-n")) {
                return true;
            }
        }
        return false;
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
