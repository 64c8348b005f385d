package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.spec.Spec;
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
import org.junit.jupiter.api.Test;

/**
 * Compares the expander with rpm itself: 300 Fedora rawhide specs that rpm 4.18's {@code rpmspec}
 * parses (picked with a fixed seed), Keel's name, epoch, version and release against
 * {@code rpmspec -q --srpm}'s with the same definitions. Skipped without {@code rpmspec} or the
 * corpus.
 */
class MacroAgreementTest {

    private static final long SEED = 20_250_817L;
    private static final int SPECS = 300;
    private static final double REQUIRED_AGREEMENT = 0.97;
    private static final int WORKERS = 2;
    private static final int BATCH = 64;
    private static final String QUERY_FORMAT = "%{name}|%{epoch}|%{version}|%{release}\n";
    /**
     * Given to both rpmspec and Keel. {@code _sourcedir} keeps rpmspec from looking for sources;
     * {@code autorelease} makes rpmautospec's macro explicit, since neither side has rpmautospec.
     */
    private static final Map<String, String> DEFINES =
            Map.of("dist", ".fc45", "_sourcedir", "/nonexistent", "autorelease", "1%{?dist}");

    /**
     * rpmspec's answer for one spec: its first output line, or {@code null} when it did not run
     * cleanly: a non-zero exit, an {@code error:} line, or an {@code sh:} line (a shell command of the
     * spec failed under this machine's {@code /bin/sh}, dash on Debian where Fedora has bash, so the
     * answer is the host's rather than the spec's).
     */
    private record RpmAnswer(Path spec, String line) {}

    @Test
    void agreesWithRpmspecOnFedoraSpecs() throws Exception {
        assumeTrue(onPath("rpmspec"), "rpmspec is not on the PATH (apt-get install rpm), skipping");
        Path corpus = corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath() + ", skipping");

        List<RpmAnswer> answers = parseableSample(shuffledSpecs(corpus));
        MacroContext.Builder builder = MacroContext.builder();
        DEFINES.forEach(builder::define);
        MacroContext context = builder.build();

        List<String> disagreements = new ArrayList<>();
        for (RpmAnswer answer : answers) {
            Spec spec = Spec.parse(Files.readAllBytes(answer.spec()));
            String keel = MacroExpander.evaluate(spec, context).toQueryFormat();
            if (!keel.equals(answer.line())) {
                disagreements.add(answer.spec().getFileName() + "\n    rpm:  " + answer.line() + "\n    keel: " + keel);
            }
        }
        double agreement = 1.0 - (double) disagreements.size() / answers.size();
        System.out.printf(
                "MacroAgreementTest: %d of %d specs agree with rpmspec (%.1f%%)%n",
                answers.size() - disagreements.size(), answers.size(), 100 * agreement);
        disagreements.stream().limit(20).forEach(d -> System.out.println("  " + d));
        assertThat(answers).hasSize(SPECS);
        assertThat(agreement).as("agreement with rpmspec").isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    /** Runs rpmspec over the candidates in order, two at a time, until {@value #SPECS} parse. */
    private static List<RpmAnswer> parseableSample(List<Path> candidates) throws Exception {
        List<RpmAnswer> parseable = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int from = 0; from < candidates.size() && parseable.size() < SPECS; from += BATCH) {
                List<Future<RpmAnswer>> batch = new ArrayList<>();
                for (Path spec : candidates.subList(from, Math.min(from + BATCH, candidates.size()))) {
                    batch.add(workers.submit(() -> rpmspec(spec)));
                }
                for (Future<RpmAnswer> answer : batch) {
                    if (answer.get().line() != null && parseable.size() < SPECS) {
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

    private static RpmAnswer rpmspec(Path spec) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rpmspec", "-q", "--srpm", "--qf", QUERY_FORMAT));
        DEFINES.forEach((name, value) -> command.addAll(List.of("--define", name + " " + value)));
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
                return new RpmAnswer(spec, null);
            }
            boolean failed = process.exitValue() != 0
                    || Files.readAllLines(errors, StandardCharsets.ISO_8859_1).stream()
                            .anyMatch(line -> line.startsWith("error:") || line.startsWith("sh: "));
            String first =
                    new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse(null);
            return new RpmAnswer(spec, failed ? null : first);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static List<Path> shuffledSpecs(Path corpus) {
        try (Stream<Path> listing = Files.list(corpus)) {
            List<Path> specs = new ArrayList<>(
                    listing.filter(p -> p.toString().endsWith(".spec")).sorted().toList());
            Collections.shuffle(specs, new Random(SEED));
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpus() {
        String shared = System.getProperty("keel.shared.dir", "../../shared");
        return Path.of(shared, "corpus", "fedora-rawhide-specs");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
