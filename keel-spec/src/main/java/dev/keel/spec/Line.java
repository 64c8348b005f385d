package dev.keel.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One physical line exactly as written: its bytes (ending included: {@code \n}, {@code \r\n} or
 * nothing for a last line without one) and where it came from. A line read from a file is a view
 * of that file's bytes; its text is decoded with the spec's charset on request.
 */
public final class Line {

    private final byte[] buffer;
    private final int start;
    private final int end;
    private final int eolLength;
    private final Charset charset;
    private final int inputLine;
    private final String editedBy;

    Line(byte[] buffer, int start, int end, int eolLength, Charset charset, int inputLine, String editedBy) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        this.eolLength = eolLength;
        this.charset = charset;
        this.inputLine = inputLine;
        this.editedBy = editedBy;
    }

    /**
     * A line with the given text and ending produced by the edit labelled {@code by}. The text must
     * be in the spec's representation (see {@link Spec#encodeNewText(String)}).
     */
    public static Line edited(String text, String eol, Charset charset, String by) {
        byte[] bytes = (text + eol).getBytes(charset);
        return new Line(bytes, 0, bytes.length, eol.length(), charset, 0, by);
    }

    /** The line's characters without its ending, decoded with the spec's charset. */
    public String text() {
        return new String(buffer, start, end - start - eolLength, charset);
    }

    /** The line ending: {@code "\n"}, {@code "\r\n"} or {@code ""}. */
    public String eol() {
        return eolLength == 0 ? "" : eolLength == 1 ? "\n" : "\r\n";
    }

    public int eolLength() {
        return eolLength;
    }

    /** The line's text followed by its ending. */
    public String raw() {
        return new String(buffer, start, end - start, charset);
    }

    /** The line's exact bytes, ending included. */
    public byte[] bytes() {
        return Arrays.copyOfRange(buffer, start, end);
    }

    /** Number of bytes, ending included. */
    public int length() {
        return end - start;
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(buffer, start, target, offset, end - start);
    }

    int inputLine() {
        return inputLine;
    }

    String editedBy() {
        return editedBy;
    }

    public LineOrigin origin() {
        return editedBy == null ? new LineOrigin.Input(inputLine) : new LineOrigin.Edit(editedBy);
    }

    /** The same line with its text replaced (in the spec's representation), marked as changed by {@code by}. */
    public Line withText(String text, String by) {
        return edited(text, eol(), charset, by);
    }

    /** The same line with a different ending; the origin is kept. */
    public Line withEol(String eol) {
        byte[] text = Arrays.copyOfRange(buffer, start, end - eolLength);
        byte[] bytes = Arrays.copyOf(text, text.length + eol.length());
        System.arraycopy(eol.getBytes(StandardCharsets.US_ASCII), 0, bytes, text.length, eol.length());
        return new Line(bytes, 0, bytes.length, eol.length(), charset, inputLine, editedBy);
    }

    /** The same bytes and origin as a view into another buffer holding them at {@code offset}. */
    Line rebased(byte[] newBuffer, int offset, Charset newCharset) {
        return new Line(newBuffer, offset, offset + (end - start), eolLength, newCharset, inputLine, editedBy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Line line
                && Arrays.equals(buffer, start, end, line.buffer, line.start, line.end)
                && origin().equals(line.origin());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes()) * 31 + origin().hashCode();
    }

    @Override
    public String toString() {
        return raw();
    }
}
