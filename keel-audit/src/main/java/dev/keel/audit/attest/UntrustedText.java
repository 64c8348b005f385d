package dev.keel.audit.attest;

/**
 * Text an attestation gives (a name, a payload type, a commit), made safe for a terminal before a
 * report shows it: control characters are shown as {@code ?} and it is cut after {@value #LONGEST}
 * characters.
 */
final class UntrustedText {

    /** The most characters shown; more are cut and marked with {@code ...}. */
    static final int LONGEST = 200;

    private UntrustedText() {}

    /** The text with control characters shown as {@code ?}, bounded. */
    static String printable(String text) {
        String shown = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > LONGEST ? shown.substring(0, LONGEST) + "..." : shown;
    }
}
