package dev.keel.bench;

import dev.keel.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and print of the whole Fedora rawhide spec corpus, held in memory, on a pool of
 * {@code threads} workers. One operation is the whole corpus; throughput is corpus bytes divided by
 * the score. Needs {@code ../shared/corpus/fedora-rawhide-specs} (or {@code -Dkeel.corpus=DIR}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Xss4m"})
public class SpecCorpusBenchmark {

    @Param({"2"})
    int threads;

    private List<byte[]> corpus;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("keel.corpus", "../shared/corpus/fedora-rawhide-specs"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus not found at " + dir.toAbsolutePath()
                    + "; run from the repository root or pass -Dkeel.corpus=DIR");
        }
        corpus = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                corpus.add(content);
                bytes += content.length;
            }
        }
        System.out.printf("%ncorpus: %d files, %d bytes%n", corpus.size(), bytes);
        pool = new ForkJoinPool(threads);
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.shutdown();
    }

    /** Parses every spec and prints it back; returns the printed byte count so nothing is optimised away. */
    @Benchmark
    public long parseAndPrintCorpus() throws Exception {
        return pool.submit(() -> corpus.parallelStream()
                        .mapToLong(bytes -> Spec.parse(bytes).toBytes().length)
                        .sum())
                .get();
    }
}
