package dev.keel.spec;

/**
 * A {@code Source}/{@code Patch} tag or a {@code %sourcelist}/{@code %patchlist} entry.
 *
 * @param kind source or patch
 * @param number the number rpm assigns (explicit, or by rpm's autonumbering), or {@code null}
 *     when the number is written with a macro
 * @param explicit whether the number is written in the tag
 * @param value the file name or URL as written
 * @param element the element holding it
 * @param fromList whether it comes from a {@code %sourcelist}/{@code %patchlist} section
 */
public record SourceRef(Kind kind, Integer number, boolean explicit, String value, int element, boolean fromList)
        implements ElementItem {

    /** Sources and patches are numbered separately. */
    public enum Kind {
        SOURCE,
        PATCH
    }

    /** The file name rpm uses: the part after the last {@code /}, or after a {@code #/} fragment. */
    public String fileName() {
        int fragment = value.lastIndexOf("#/");
        if (fragment >= 0) {
            return value.substring(fragment + 2);
        }
        return value.substring(value.lastIndexOf('/') + 1);
    }
}
