package dev.keel.audit.attest;

/**
 * Text an attestation gives (a name, a payload type, a commit), made safe for a terminal before a
 * report shows it: control characters are shown as {@code ?} and it is cut after {@value #LONGEST}
 * characters (code points: a character outside the BMP is never cut in half).
 */
final class UntrustedText {

    /** The most characters shown; more are cut and marked with {@code ...}. */
    static final int LONGEST = 200;

    private UntrustedText() {}

    /** The text with control characters shown as {@code ?}, bounded. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(LONGEST).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > LONGEST ? shown + "..." : shown.toString();
    }
}
