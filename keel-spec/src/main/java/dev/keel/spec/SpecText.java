package dev.keel.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A spec's bytes with a one-byte-per-character view for parsing (all spec syntax is ASCII, so
 * parsing never needs to decode) and line boundaries. Text handed to users is decoded with the
 * spec's charset: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1, which maps every byte to
 * one character so that any input round-trips.
 */
final class SpecText {

    final byte[] bytes;
    final Charset charset;
    final boolean ascii;
    /** The bytes as ISO-8859-1 characters: index i is byte i. */
    final String view;
    /** Start offset of each line, plus the total length as a last entry. */
    final int[] lineStarts;

    SpecText(byte[] bytes, Charset charset) {
        this.bytes = bytes;
        this.ascii = isAscii(bytes);
        this.charset = charset != null ? charset : detectCharset(bytes, ascii);
        this.view = new String(bytes, StandardCharsets.ISO_8859_1);
        this.lineStarts = lineStarts(view);
    }

    int lineCount() {
        return lineStarts.length - 1;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    /** Offset one past the line's ending. */
    int lineEnd(int line) {
        return lineStarts[line + 1];
    }

    int eolLength(int line) {
        int end = lineStarts[line + 1];
        if (end == lineStarts[line] || view.charAt(end - 1) != '\n') {
            return 0;
        }
        return end - 2 >= lineStarts[line] && view.charAt(end - 2) == '\r' ? 2 : 1;
    }

    /** Offset one past the line's text (before its ending). */
    int textEnd(int line) {
        return lineStarts[line + 1] - eolLength(line);
    }

    /** The decoded text of the byte range [from, to). */
    String text(int from, int to) {
        return ascii ? view.substring(from, to) : new String(bytes, from, to - from, charset);
    }

    /** The decoded text of lines [first, end) joined, without the last line's ending. */
    String joinedText(int first, int end) {
        return text(lineStarts[first], textEnd(end - 1));
    }

    /** Index of {@code c} in [from, to), or -1. */
    int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (view.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static Charset detectCharset(byte[] bytes, boolean ascii) {
        return ascii || isWellFormedUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
    static boolean isWellFormedUtf8(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + length > n) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] lineStarts(String view) {
        int[] starts = new int[Math.max(16, view.length() / 32)];
        int count = 0;
        int start = 0;
        int length = view.length();
        while (start < length) {
            if (count + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = start;
            int newline = view.indexOf('\n', start);
            start = newline < 0 ? length : newline + 1;
        }
        starts[count++] = length;
        return Arrays.copyOf(starts, count);
    }
}
