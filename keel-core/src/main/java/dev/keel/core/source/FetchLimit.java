package dev.keel.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Bounds what a git fetch may add to a repository: JGit asks {@link #isCancelled} after every
 * object it receives, and this answers yes once the repository's object directory grew by more
 * than the limit (measured at most every {@value #CHECK_MILLIS} ms, and at the end of each task).
 * The bound holds at object boundaries: a single object larger than the limit is caught when it
 * is complete, and a fetch that ends before a check is judged by {@link #exceeded} afterwards.
 */
final class FetchLimit implements ProgressMonitor {

    private static final long CHECK_MILLIS = 200;

    private final Path objects;
    private final long maxBytes;
    private long initialSize = -1;
    private long lastCheck;
    private volatile boolean exceeded;

    FetchLimit(Path objects, long maxBytes) {
        this.objects = objects;
        this.maxBytes = maxBytes;
    }

    /** Whether the repository grew past the limit (measured now). */
    boolean exceeded() {
        check();
        return exceeded;
    }

    @Override
    public void start(int totalTasks) {
        measureStart();
    }

    @Override
    public void beginTask(String title, int totalWork) {
        measureStart();
    }

    @Override
    public void update(int completed) {
        long now = System.nanoTime() / 1_000_000;
        if (now - lastCheck >= CHECK_MILLIS) {
            lastCheck = now;
            check();
        }
    }

    @Override
    public void endTask() {
        check();
    }

    private void check() {
        measureStart();
        if (size() - initialSize > maxBytes) {
            exceeded = true;
        }
    }

    @Override
    public boolean isCancelled() {
        return exceeded;
    }

    @Override
    public void showDuration(boolean enabled) {
        // nothing to show
    }

    private void measureStart() {
        if (initialSize < 0) {
            initialSize = size();
        }
    }

    private long size() {
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.mapToLong(path -> {
                        try {
                            return Files.isRegularFile(path) ? Files.size(path) : 0;
                        } catch (IOException e) {
                            return 0; // a temporary file renamed or removed while measuring
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return initialSize < 0 ? 0 : initialSize;
        }
    }
}
