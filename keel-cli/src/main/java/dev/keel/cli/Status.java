package dev.keel.cli;

import java.io.PrintWriter;

/**
 * What a command says on stderr besides errors, at the level {@code -q} and {@code -v} chose:
 * quiet prints nothing here (no progress, summaries or notes), normal prints summaries and notes,
 * verbose adds details. Errors are never filtered.
 */
final class Status {

    /** How much is said. */
    enum Level {
        QUIET,
        NORMAL,
        VERBOSE
    }

    private final PrintWriter err;
    private final Level level;

    Status(PrintWriter err, Level level) {
        this.err = err;
        this.level = level;
    }

    boolean quiet() {
        return level == Level.QUIET;
    }

    boolean verbose() {
        return level == Level.VERBOSE;
    }

    /** A summary or a note, unless quiet. */
    void info(String line) {
        if (!quiet()) {
            print(line);
        }
    }

    /** A detail, only when verbose. */
    void detail(String line) {
        if (verbose()) {
            print(line);
        }
    }

    /** A progress bar for {@code total} items, drawn unless quiet. */
    ProgressBar progress(String label, int total) {
        return new ProgressBar(err, label, total, !quiet());
    }

    private void print(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
