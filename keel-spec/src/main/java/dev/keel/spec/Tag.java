package dev.keel.spec;

/**
 * A preamble or {@code %package} tag line such as {@code Requires(post): systemd}.
 *
 * @param element the element holding it
 * @param name the tag name as written, e.g. {@code BuildRequires} or {@code Source0}
 * @param qualifier the text in parentheses after the name, or {@code null}
 * @param value the value, trimmed
 * @param section the section it lies in
 * @param pkg the package it applies to
 * @param valueColumn the 1-based column where the value starts, which gives the alignment the
 *     packager used ({@code Name:           foo} has its value at column 17)
 */
public record Tag(
        int element, String name, String qualifier, String value, int section, PackageRef pkg, int valueColumn)
        implements ElementItem {

    /** The name with its qualifier, e.g. {@code Requires(post)}. */
    public String fullName() {
        return qualifier == null ? name : name + "(" + qualifier + ")";
    }

    /** Whether this tag has the given name, compared as rpm does (ignoring case). */
    public boolean is(String tagName) {
        return fullName().equalsIgnoreCase(tagName) || name.equalsIgnoreCase(tagName) && qualifier == null;
    }

    /** The tag family: the lower-cased name with trailing digits removed ({@code Patch12} is {@code patch}). */
    public String family() {
        return familyOf(fullName());
    }

    /** The family of a tag name: lower-cased, trailing digits removed. */
    public static String familyOf(String tagName) {
        String lower = tagName.toLowerCase(java.util.Locale.ROOT);
        int end = lower.length();
        while (end > 0 && Character.isDigit(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(0, end);
    }
}
