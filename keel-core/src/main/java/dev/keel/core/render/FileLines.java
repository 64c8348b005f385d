package dev.keel.core.render;

import dev.keel.spec.TextBytes;
import java.nio.charset.Charset;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A text file's lines without their endings, read from its bytes only when asked for: a diff of a
 * long spec reads the few lines around its changes, not the whole file. A final line ending does
 * not start another line. Decoded as {@link TextBytes#charsetOf} says, the same for every line.
 */
final class FileLines extends AbstractList<String> implements RandomAccess {

    private final byte[] content;
    private final Charset charset;
    /** Where each line starts, then where the one after the last would start (after its ending). */
    private final int[] starts;

    FileLines(byte[] content) {
        this.content = content;
        this.charset = TextBytes.charsetOf(content);
        int count = 0;
        for (byte b : content) {
            if (b == '\n') {
                count++;
            }
        }
        boolean unterminated = content.length > 0 && content[content.length - 1] != '\n';
        int lines = count + (unterminated ? 1 : 0);
        starts = new int[lines + 1];
        int line = 1;
        for (int i = 0; i < content.length && line <= count; i++) {
            if (content[i] == '\n') {
                starts[line++] = i + 1;
            }
        }
        starts[lines] = content.length + (unterminated ? 1 : 0);
    }

    @Override
    public String get(int index) {
        return new String(content, starts[index], length(index), charset);
    }

    @Override
    public int size() {
        return starts.length - 1;
    }

    /** Whether its line {@code index} is the other file's line {@code otherIndex}, compared as bytes where they can be. */
    boolean sameLine(int index, FileLines other, int otherIndex) {
        if (!charset.equals(other.charset)) {
            return get(index).equals(other.get(otherIndex));
        }
        return Arrays.equals(
                content,
                starts[index],
                starts[index] + length(index),
                other.content,
                other.starts[otherIndex],
                other.starts[otherIndex] + other.length(otherIndex));
    }

    private int length(int index) {
        return starts[index + 1] - 1 - starts[index];
    }
}
