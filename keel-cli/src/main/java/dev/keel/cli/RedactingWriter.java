package dev.keel.cli;

import dev.keel.core.source.Remote;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything Keel prints passes through here: the userinfo of any URL ({@code user:secret@}) is
 * replaced by {@code ***} before it reaches the terminal, a pipe or a CI log, whatever command or
 * message produced it. Text is held until a flush (or, for long output, the end of a line), so
 * a URL written in pieces is still recognised.
 */
final class RedactingWriter extends Writer {

    private final Writer out;
    /** How much is held before whole lines are passed on without waiting for a flush. */
    private static final int BATCH = 1 << 16;

    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        line.append(buffer, offset, length);
        if (line.length() > BATCH) {
            int end = line.lastIndexOf("\n") + 1;
            if (end > 0) {
                emit(end);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit(line.length());
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    /** Writes the first {@code end} characters held (whole lines, or everything on a flush), redacted. */
    private void emit(int end) throws IOException {
        if (end > 0) {
            out.write(Remote.redact(line.substring(0, end)));
            line.delete(0, end);
        }
    }
}
