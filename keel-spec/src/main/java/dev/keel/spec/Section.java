package dev.keel.spec;

/**
 * A section: the implicit preamble or a section header with everything up to the next header.
 *
 * @param index position among the spec's sections
 * @param kind what rpm makes of it
 * @param header the parsed header ({@link SectionHeader#PREAMBLE} for the preamble)
 * @param firstElement index of the header element (or of the first element for the preamble)
 * @param endElement index one past the section's last element
 * @param firstLine 0-based index of the first physical line
 * @param endLine 0-based index one past the last physical line
 */
public record Section(
        int index,
        SectionKind kind,
        SectionHeader header,
        int firstElement,
        int endElement,
        int firstLine,
        int endLine) {

    /** The section name as written in its header, e.g. {@code %files}; {@code ""} for the preamble. */
    public String name() {
        return header.keyword();
    }

    public PackageRef pkg() {
        return header.pkg();
    }

    public boolean isPreamble() {
        return kind == SectionKind.PREAMBLE;
    }

    /** The first body line (after the header), 0-based. */
    public int bodyFirstLine(Spec spec) {
        return isPreamble() ? firstLine : spec.element(firstElement).endLine();
    }
}
