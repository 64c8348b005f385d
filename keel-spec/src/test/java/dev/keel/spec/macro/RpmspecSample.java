package dev.keel.spec.macro;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's {@code rpmspec -q} over Fedora rawhide specs picked with a fixed seed, two at a
 * time, until enough of them parse, for the tests that compare Keel's expander with rpm.
 *
 * @param arguments what follows {@code rpmspec -q} ({@code --srpm --qf ...} or {@code --buildrequires})
 * @param defines given to rpmspec (and by the tests to Keel)
 */
record RpmspecSample(List<String> arguments, Map<String, String> defines) {

    private static final int WORKERS = 2;
    private static final int BATCH = 64;

    /**
     * rpmspec's answer for one spec: its output, or {@code null} when it did not run cleanly: a
     * non-zero exit, an {@code error:} line, or an {@code sh:} line (a shell command of the spec
     * failed under this machine's {@code /bin/sh}, dash on Debian where Fedora has bash, so the
     * answer is the host's rather than the spec's).
     */
    record Answer(Path spec, List<String> lines) {}

    /** The first {@code count} specs (in seeded order) that rpmspec parses. */
    List<Answer> parseable(Path corpus, long seed, int count) throws Exception {
        List<Path> candidates = shuffledSpecs(corpus, seed);
        List<Answer> parseable = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int from = 0; from < candidates.size() && parseable.size() < count; from += BATCH) {
                List<Future<Answer>> batch = new ArrayList<>();
                for (Path spec : candidates.subList(from, Math.min(from + BATCH, candidates.size()))) {
                    batch.add(workers.submit(() -> run(spec)));
                }
                for (Future<Answer> answer : batch) {
                    if (answer.get().lines() != null && parseable.size() < count) {
                        parseable.add(answer.get());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return parseable;
    }

    private Answer run(Path spec) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rpmspec", "-q"));
        command.addAll(arguments);
        defines.forEach((name, value) -> command.addAll(List.of("--define", name + " " + value)));
        command.add(spec.toString());
        Path errors = Files.createTempFile("rpmspec", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Answer(spec, null);
            }
            boolean failed = process.exitValue() != 0
                    || Files.readAllLines(errors, StandardCharsets.ISO_8859_1).stream()
                            .anyMatch(line -> line.startsWith("error:") || line.startsWith("sh: "));
            return new Answer(
                    spec,
                    failed
                            ? null
                            : new String(out, StandardCharsets.UTF_8).lines().toList());
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static List<Path> shuffledSpecs(Path corpus, long seed) {
        try (Stream<Path> listing = Files.list(corpus)) {
            List<Path> specs = new ArrayList<>(
                    listing.filter(p -> p.toString().endsWith(".spec")).sorted().toList());
            Collections.shuffle(specs, new Random(seed));
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rawhide corpus ({@code keel.shared.dir}, else {@code ../../shared} from the module). */
    static Path corpus() {
        String shared = System.getProperty("keel.shared.dir", "../../shared");
        return Path.of(shared, "corpus", "fedora-rawhide-specs");
    }

    static boolean rpmspecOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "rpmspec")));
    }

    /** A context with the same definitions rpmspec gets. */
    MacroContext context() {
        MacroContext.Builder builder = MacroContext.builder();
        defines.forEach(builder::define);
        return builder.build();
    }
}
