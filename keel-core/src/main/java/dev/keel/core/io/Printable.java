package dev.keel.core.io;

/**
 * Text from specs, names, keys and upstream files made safe to print: control characters (which
 * could move the cursor, clear the screen or forge lines of a report) are shown as escapes.
 */
public final class Printable {

    private Printable() {}

    /** {@code text} with every control character (tab and newline included) shown as an escape. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL
                    || c == '\u2028'
                    || c == '\u2029'
                    || (Character.getType(c) == Character.FORMAT && c >= '\u202a' && c <= '\u202e');
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(control ? escapeOne(c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escapeOne(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\u001b' -> "\\e";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
