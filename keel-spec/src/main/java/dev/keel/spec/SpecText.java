package dev.keel.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns bytes into lines and back without losing a byte. Valid UTF-8 is decoded as UTF-8;
 * anything else as ISO-8859-1, which maps every byte to one character, so any input round-trips.
 */
final class SpecText {

    private SpecText() {}

    static Charset detectCharset(byte[] bytes) {
        if (isAscii(bytes)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Splits text after every {@code \n}; a {@code \r} directly before it belongs to the ending. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>(text.length() / 32 + 1);
        int start = 0;
        int length = text.length();
        while (start < length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline + 1;
            int eol = newline < 0 ? 0 : (newline > start && text.charAt(newline - 1) == '\r' ? 2 : 1);
            lines.add(new Line(text.substring(start, end), eol, new LineOrigin.Input(lines.size() + 1)));
            start = end;
        }
        return lines;
    }
}
