package dev.keel.bench;

import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading and resolving the whole Azure Linux 4 configuration (213 files, 7,583 components):
 * read, parse, validate, merge, resolve and validate every component. Needs
 * {@code ../shared/corpus/azurelinux-4.0-config} (or {@code -Dkeel.azl=DIR}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class ConfigLoadBenchmark {

    private Path rootFile;

    @Setup(Level.Trial)
    public void locate() {
        Path dir = Path.of(System.getProperty("keel.azl", "../shared/corpus/azurelinux-4.0-config"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Azure Linux configuration not found at " + dir.toAbsolutePath()
                    + "; run from the repository root or pass -Dkeel.azl=DIR");
        }
        rootFile = ProjectLoader.findRootFile(dir);
    }

    @Benchmark
    public int loadAndResolveAzureLinux() {
        Project project = new ProjectLoader(false).load(rootFile);
        return project.components().size();
    }
}
