package dev.keel.spec;

/**
 * One {@code %changelog} entry: the {@code * date author - evr} line and the lines after it up to
 * the next entry or section.
 *
 * @param element the header element
 * @param header the header text after the asterisk, trimmed
 * @param firstLine 0-based first physical line
 * @param endLine 0-based line one past the entry
 */
public record ChangelogEntry(int element, String header, int firstLine, int endLine) implements ElementItem {}
