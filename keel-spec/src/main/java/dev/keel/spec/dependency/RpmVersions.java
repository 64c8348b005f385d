package dev.keel.spec.dependency;

/** rpm's version comparison ({@code rpmvercmp}) and {@code [epoch:]version[-release]} ordering. */
public final class RpmVersions {

    private RpmVersions() {}

    /** An {@code [epoch:]version[-release]} as rpm splits it; epoch and release may be {@code null}. */
    public record Evr(String epoch, String version, String release) {

        /** Parses as {@code rpmverParse} does; {@code null} for empty text. */
        public static Evr parse(String evr) {
            if (evr.isEmpty()) {
                return null;
            }
            int digits = 0;
            while (digits < evr.length() && Character.isDigit(evr.charAt(digits))) {
                digits++;
            }
            int dash = evr.lastIndexOf('-');
            String epoch = null;
            int versionStart = 0;
            if (digits < evr.length() && evr.charAt(digits) == ':') {
                epoch = digits == 0 ? "0" : evr.substring(0, digits);
                versionStart = digits + 1;
            }
            boolean hasRelease = dash >= digits;
            String version = evr.substring(versionStart, hasRelease ? dash : evr.length());
            return new Evr(epoch, version, hasRelease ? evr.substring(dash + 1) : null);
        }

        @Override
        public String toString() {
            return (epoch == null ? "" : epoch + ":") + version + (release == null ? "" : "-" + release);
        }
    }

    /** {@code rpmverCmp}: epochs (missing is 0), then versions, then releases (missing sorts first). */
    public static int compare(Evr a, Evr b) {
        int result = compareParts(a.epoch() == null ? "0" : a.epoch(), b.epoch() == null ? "0" : b.epoch());
        if (result == 0) {
            result = compareParts(a.version(), b.version());
        }
        return result == 0 ? compareParts(a.release(), b.release()) : result;
    }

    private static int compareParts(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return rpmvercmp(a, b);
    }

    /** rpm's segment-wise comparison of two version strings, with {@code ~} and {@code ^}. */
    public static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int one = 0;
        int two = 0;
        while (one < a.length() || two < b.length()) {
            one = skipSeparators(a, one);
            two = skipSeparators(b, two);
            char c1 = charAt(a, one);
            char c2 = charAt(b, two);
            if (c1 == '~' || c2 == '~') {
                if (c1 != '~') {
                    return 1;
                }
                if (c2 != '~') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == '^' || c2 == '^') {
                if (c1 == 0) {
                    return -1;
                }
                if (c2 == 0) {
                    return 1;
                }
                if (c1 != '^') {
                    return 1;
                }
                if (c2 != '^') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == 0 || c2 == 0) {
                break;
            }
            boolean numeric = isDigit(c1);
            int end1 = segmentEnd(a, one, numeric);
            int end2 = segmentEnd(b, two, numeric);
            if (end2 == two) {
                return numeric ? 1 : -1;
            }
            String s1 = a.substring(one, end1);
            String s2 = b.substring(two, end2);
            if (numeric) {
                s1 = stripLeadingZeros(s1);
                s2 = stripLeadingZeros(s2);
                if (s1.length() != s2.length()) {
                    return s1.length() > s2.length() ? 1 : -1;
                }
            }
            int result = s1.compareTo(s2);
            if (result != 0) {
                return result < 0 ? -1 : 1;
            }
            one = end1;
            two = end2;
        }
        if (one >= a.length() && two >= b.length()) {
            return 0;
        }
        return one >= a.length() ? -1 : 1;
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length() && !isAlnum(s.charAt(i)) && s.charAt(i) != '~' && s.charAt(i) != '^') {
            i++;
        }
        return i;
    }

    private static int segmentEnd(String s, int i, boolean numeric) {
        while (i < s.length() && (numeric ? isDigit(s.charAt(i)) : isAlpha(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }
}
