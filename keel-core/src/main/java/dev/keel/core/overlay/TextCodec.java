package dev.keel.core.overlay;

import dev.keel.spec.TextBytes;
import java.nio.charset.Charset;

/** Decodes a file for a text edit and encodes it back without losing a byte. */
record TextCodec(Charset charset) {

    static TextCodec of(byte[] content) {
        return new TextCodec(TextBytes.charsetOf(content));
    }

    String decode(byte[] content) {
        return new String(content, charset);
    }

    byte[] encode(String text) {
        return text.getBytes(charset);
    }

    /** Text from configuration in this file's representation. */
    String represent(String text) {
        return TextBytes.represent(text, charset);
    }
}
