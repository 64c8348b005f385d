package dev.keel.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress bar on stderr for long work, drawn only on a terminal (so logs and pipes stay clean)
 * and not with {@code -q}.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();

    ProgressBar(PrintWriter err, String label, int total, boolean shown) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.terminal = shown && System.console() != null;
    }

    /** One item done (thread-safe). */
    void step() {
        int now = done.incrementAndGet();
        if (terminal && (now % 50 == 0 || now == total)) {
            int filled = total == 0 ? WIDTH : now * WIDTH / total;
            synchronized (err) {
                err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + now + "/"
                        + total);
                err.flush();
            }
        }
    }

    /** Clears the bar. */
    void done() {
        if (terminal) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 20) + "\r");
            err.flush();
        }
    }
}
