package dev.keel.cli;

import dev.keel.core.source.Remote;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything Keel prints passes through here: the userinfo of any URL ({@code user:secret@}) is
 * replaced by {@code ***} before it reaches the terminal, a pipe or a CI log, whatever command or
 * message produced it. Text is held until the end of its line (or a flush), so a URL written in
 * pieces is still recognised.
 */
final class RedactingWriter extends Writer {

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            line.append(buffer[i]);
            if (buffer[i] == '\n') {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (!line.isEmpty()) {
            out.write(Remote.redact(line.toString()));
            line.setLength(0);
        }
    }
}
