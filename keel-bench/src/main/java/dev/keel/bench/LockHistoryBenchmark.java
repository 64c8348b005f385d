package dev.keel.bench;

import dev.keel.core.lock.LockHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Date;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
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
 * Reading every component's project changes from the lock files' history, as a render of a
 * distro whose locks are committed does: a generated project repository with {@code locks} lock
 * files and {@code commits} commits, each changing the fingerprints of 1% of the locks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class LockHistoryBenchmark {

    @Param({"2000"})
    int locks;

    @Param({"300"})
    int commits;

    private Path project;

    @Setup(Level.Trial)
    public void createProject() throws Exception {
        project = Files.createTempDirectory("keel-lock-history-");
        Path lockDir = Files.createDirectories(project.resolve("locks"));
        Random random = new Random(42);
        try (Git git = Git.init()
                .setDirectory(project.toFile())
                .setInitialBranch("main")
                .call()) {
            for (int commit = 0; commit < commits; commit++) {
                int changed = commit == 0 ? locks : Math.max(1, locks / 100);
                for (int i = 0; i < changed; i++) {
                    int lock = commit == 0 ? i : random.nextInt(locks);
                    Files.writeString(
                            lockDir.resolve("c" + lock + ".lock"),
                            "version = 1\nupstream-commit = \"" + "a".repeat(40) + "\"\ninput-fingerprint = \"sha256:"
                                    + String.format("%064x", random.nextLong() & Long.MAX_VALUE) + "\"\n");
                }
                git.add().addFilepattern("locks").call();
                PersonIdent who = new PersonIdent(
                        new PersonIdent("Bench", "bench@example.org"),
                        new Date(1_700_000_000_000L + commit * 86_400_000L),
                        TimeZone.getTimeZone("UTC"));
                git.commit()
                        .setMessage("Change " + commit)
                        .setAuthor(who)
                        .setCommitter(who)
                        .setSign(false)
                        .call();
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteProject() throws IOException {
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public int changesOfEveryComponent() throws IOException {
        int total = 0;
        try (LockHistory history = LockHistory.open(project.resolve("locks"))) {
            for (int lock = 0; lock < locks; lock++) {
                total += history.changes("c" + lock, null, null).size();
            }
        }
        return total;
    }
}
