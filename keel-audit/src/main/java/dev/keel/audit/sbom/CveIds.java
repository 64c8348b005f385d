package dev.keel.audit.sbom;

import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CVE ids named in text (descriptions, file names, links, patch headers): {@code CVE-YYYY-NNNN...}
 * in any case, not inside a longer word or number, with a year from 1999 (the first CVE year) and
 * four to nineteen digits; upper-cased. The pattern runs in time linear in the text.
 */
final class CveIds {

    private static final Pattern CVE =
            Pattern.compile("(?<![A-Za-z0-9])CVE-(\\d{4})-(\\d{4,19})(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);

    private static final int FIRST_YEAR = 1999;

    private CveIds() {}

    /** The ids in {@code text}, sorted. */
    static SortedSet<String> in(String text) {
        SortedSet<String> ids = new TreeSet<>();
        Matcher matcher = CVE.matcher(text);
        while (matcher.find()) {
            if (Integer.parseInt(matcher.group(1)) >= FIRST_YEAR) {
                ids.add(matcher.group().toUpperCase(Locale.ROOT));
            }
        }
        return ids;
    }
}
