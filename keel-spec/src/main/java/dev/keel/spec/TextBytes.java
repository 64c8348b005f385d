package dev.keel.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How Keel reads text it must write back byte for byte: as UTF-8 when the bytes are well-formed
 * UTF-8, else as ISO-8859-1, which maps every byte to one character.
 */
public final class TextBytes {

    private TextBytes() {}

    /** UTF-8 for well-formed UTF-8 (and ASCII), ISO-8859-1 for anything else. */
    public static Charset charsetOf(byte[] bytes) {
        return SpecText.detectCharset(bytes, false);
    }

    /**
     * Text to add (always meant as Unicode) in the representation of a document read with
     * {@code charset}: unchanged for UTF-8, its UTF-8 bytes as characters otherwise.
     */
    public static String represent(String text, Charset charset) {
        return charset.equals(StandardCharsets.UTF_8)
                ? text
                : new String(text.getBytes(StandardCharsets.UTF_8), charset);
    }
}
