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

    /** What takes the results, one at a time. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private Parallel() {}

    /**
     * Applies {@code task} to every item on {@code jobs} threads; the results are in the items'
     * order. A task that throws fails the whole call with its exception (as an {@link IOException}
     * unless it is one).
     */
    public static <T, R> List<R> map(Collection<T> items, int jobs, Task<T, R> task)
            throws IOException, InterruptedException {
        List<R> results = new ArrayList<>(items.size());
        forEach(items, jobs, task, results::add);
        return results;
    }

    /**
     * Applies {@code task} to every item on {@code jobs} threads and hands each result to {@code
     * sink} on the calling thread, in the items' order, as soon as it and those before it are done:
     * the caller works on the results while the threads go on. A task or a sink that throws fails
     * the whole call with its exception (as an {@link IOException} unless it is one).
     */
    public static <T, R> void forEach(Collection<T> items, int jobs, Task<T, R> task, Sink<R> sink)
            throws IOException, InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> task.run(item)));
            }
            for (Future<R> future : futures) {
                R result;
                try {
                    result = future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                sink.accept(result);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
