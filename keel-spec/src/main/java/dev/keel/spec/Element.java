package dev.keel.spec;

/**
 * A logical line: one physical line, or several joined by a trailing backslash or by an unclosed
 * {@code %{}, {@code %(} or {@code %[} exactly as rpm joins them.
 *
 * @param index position among the spec's elements
 * @param kind what it is
 * @param firstLine 0-based index of its first physical line
 * @param endLine 0-based index one past its last physical line
 * @param section index of the section it belongs to (a header belongs to the section it opens)
 * @param block index of the innermost conditional block it lies in, or -1; a directive line
 *     ({@code %if}, {@code %else}, {@code %endif}) belongs to its own block
 */
public record Element(int index, ElementKind kind, int firstLine, int endLine, int section, int block) {

    public int lineCount() {
        return endLine - firstLine;
    }
}
