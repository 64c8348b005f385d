package dev.keel.spec;

import java.util.Objects;

/**
 * One physical line exactly as written: its characters followed by its line ending ({@code \n},
 * {@code \r\n} or nothing for a last line without one), plus where it came from.
 */
public record Line(String raw, int eolLength, LineOrigin origin) {

    public Line {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
        if (eolLength < 0 || eolLength > 2 || eolLength > raw.length()) {
            throw new IllegalArgumentException("bad line ending length " + eolLength);
        }
    }

    /** A new line with the given text and ending, produced by the edit labelled {@code by}. */
    public static Line edited(String text, String eol, String by) {
        return new Line(text + eol, eol.length(), new LineOrigin.Edit(by));
    }

    /** The line's characters without its line ending. */
    public String text() {
        return eolLength == 0 ? raw : raw.substring(0, raw.length() - eolLength);
    }

    /** The line ending: {@code "\n"}, {@code "\r\n"} or {@code ""}. */
    public String eol() {
        return raw.substring(raw.length() - eolLength);
    }

    /** Index one past the last character of the text within {@link #raw()}. */
    public int textEnd() {
        return raw.length() - eolLength;
    }

    /** The same line with its text replaced, marked as changed by {@code by}. */
    public Line withText(String text, String by) {
        return new Line(text + eol(), eolLength, new LineOrigin.Edit(by));
    }

    /** The same line with a different line ending; the origin is kept. */
    public Line withEol(String eol) {
        return new Line(text() + eol, eol.length(), origin);
    }
}
