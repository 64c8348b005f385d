package dev.keel.core.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs work on a fixed number of threads and collects the results in input order. */
public final class Parallel {

    /** One unit of work. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item) throws Exception;
    }

    private Parallel() {}

    /**
     * Applies {@code task} to every item on {@code jobs} threads; the results are in the items'
     * order. A task that throws fails the whole call with its exception (as an {@link IOException}
     * unless it is one).
     */
    public static <T, R> List<R> map(Collection<T> items, int jobs, Task<T, R> task)
            throws IOException, InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> task.run(item)));
            }
            List<R> results = new ArrayList<>(futures.size());
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
