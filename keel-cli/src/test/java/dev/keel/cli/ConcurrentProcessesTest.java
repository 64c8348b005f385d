package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cli.demo.ExampleDistro;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real keel processes at once on one fresh cache, against the example distro served on
 * loopback: every one succeeds with the same output (before the cache locks stopped blocking in
 * the kernel, some failed with "Resource deadlock avoided").
 */
class ConcurrentProcessesTest {

    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    private ExampleDistro example;

    @BeforeEach
    void serve() throws IOException {
        example = ExampleDistro.serve(dir.resolve("example"), 0);
        for (int i = 0; i < PROCESSES; i++) {
            copy(example.project(), project(i));
        }
    }

    @AfterEach
    void stop() {
        example.close();
    }

    /** Each process's own copy of the example project (a lock update writes into its project). */
    private Path project(int process) {
        return dir.resolve("project-" + process);
    }

    /**
     * Runs {@code keel -C PROJECT component ARGUMENTS} in {@link #PROCESSES} processes at once, each
     * in its own project copy, on a fresh cache; {@code {i}} in an argument is the process number.
     * Every one must succeed with the same output.
     */
    private void together(String round, String... arguments) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            List<String> command = new ArrayList<>(List.of("-C", project(i).toString(), "component"));
            for (String argument : arguments) {
                command.add(argument.replace("{i}", String.valueOf(i)));
            }
            commands.add(command);
        }
        List<CliRunner> results =
                KeelProcesses.runTogether(dir.resolve("cache-" + round), dir.resolve("logs-" + round), commands);
        for (CliRunner result : results) {
            assertThat(result.exitCode())
                    .as(round + ": " + result.err() + result.out())
                    .isZero();
            assertThat(result.out()).as(round).isEqualTo(results.get(0).out());
        }
    }

    /** The same, all in one project and one rendered tree: all succeed (one renders, the rest find it unchanged). */
    private void togetherInOneTree(String round) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            commands.add(List.of("-C", project(0).toString(), "component", "render", "-a"));
        }
        for (CliRunner result :
                KeelProcesses.runTogether(dir.resolve("cache-" + round), dir.resolve("logs-" + round), commands)) {
            assertThat(result.exitCode())
                    .as(round + ": " + result.err() + result.out())
                    .isZero();
        }
    }

    /** Every file's content under {@code root}, by relative path; the same for every process. */
    private void assertSameTrees(String prefix) throws IOException {
        for (int i = 1; i < PROCESSES; i++) {
            assertThat(tree(dir.resolve(prefix + i))).isEqualTo(tree(dir.resolve(prefix + 0)));
        }
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        root.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Test
    void updatesRendersAndPreparesOnAFreshSharedCacheAllSucceedAlike() throws Exception {
        together("update", "update", "-a", "-O", "json");
        assertThat(tree(project(0).resolve("locks"))).hasSize(5);
        for (int i = 1; i < PROCESSES; i++) {
            assertThat(tree(project(i).resolve("locks")))
                    .isEqualTo(tree(project(0).resolve("locks")));
        }

        together(
                "render",
                "render",
                "-a",
                "-O",
                "json",
                "-o",
                dir.resolve("render-{i}").toString());
        assertSameTrees("render-");
        togetherInOneTree("one-tree");
        assertThat(tree(project(0).resolve("specs"))).isEqualTo(tree(dir.resolve("render-0")));

        together(
                "prepare",
                "prepare-sources",
                "hello",
                "-o",
                dir.resolve("prepared-{i}").toString());
        assertSameTrees("prepared-");
        assertThat(tree(dir.resolve("prepared-0"))).containsKey("hello-2.1.tar.xz");
        try (Stream<Path> left = Files.walk(dir.resolve("cache-prepare"))) {
            assertThat(left.filter(path -> path.toString().endsWith(".part"))).isEmpty();
        }
    }
}
