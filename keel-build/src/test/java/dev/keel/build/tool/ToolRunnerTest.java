package dev.keel.build.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** External programs run with argument arrays, a clean environment and a time limit. */
class ToolRunnerTest {

    @TempDir
    Path dir;

    @Test
    void argumentsReachTheProgramAsTheyAreNeverThroughAShell() throws Exception {
        ToolRunner runner = new ToolRunner(dir.resolve("home"));
        String hostile = "$(touch " + dir.resolve("pwned") + "); `id` ; 'quoted' \"double\"\nnewline";
        ToolResult result =
                runner.capture(ToolCommand.of(Duration.ofMinutes(1), List.of("printf", "%s", hostile)), null);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo(hostile);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void theEnvironmentIsCleanWithAHomeOfKeels() throws Exception {
        ToolRunner runner = new ToolRunner(dir.resolve("home"));
        ToolResult result =
                runner.capture(new ToolCommand(List.of("env"), Map.of("EXTRA", "1"), Duration.ofMinutes(1)), null);
        assertThat(result.output().lines().sorted().toList())
                .containsExactly(
                        "EXTRA=1",
                        "HOME=" + dir.resolve("home"),
                        "LANG=C.UTF-8",
                        "LC_ALL=C.UTF-8",
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "TZ=UTC");
    }

    @Test
    void outputAndTheCommandLineGoToTheLog() throws Exception {
        Path log = dir.resolve("logs/tool.log");
        ToolResult result = new ToolRunner(dir.resolve("home"))
                .run(ToolCommand.of(Duration.ofMinutes(1), List.of("sh", "-c", "echo out; echo err >&2; exit 3")), log);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(Files.readString(log)).isEqualTo("$ sh -c 'echo out; echo err >&2; exit 3'\nout\nerr\n");
    }

    @Test
    void aProgramThatRunsTooLongIsKilledWithItsChildren() throws Exception {
        Path log = dir.resolve("slow.log");
        long start = System.nanoTime();
        ToolResult result = new ToolRunner(dir.resolve("home"))
                .run(ToolCommand.of(Duration.ofMillis(500), List.of("sh", "-c", "sleep 2718 & sleep 2718; wait")), log);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("does not hang")
                .isLessThan(Duration.ofMinutes(1));
        assertThat(result.timedOut()).isTrue();
        assertThat(Files.readString(log)).endsWith("keel: killed sh after 0 s\n");
        Thread.sleep(200);
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(line -> line.contains("sleep 2718")))
                .isEmpty();
    }

    @Test
    void aProgramGivenAsAnAbsolutePathIsThatFileIfItIsExecutable() throws Exception {
        Path program = dir.resolve("bin/say");
        Files.createDirectories(program.getParent());
        Files.writeString(program, "#!/bin/sh\necho \"said: $*\"\n");
        assertThat(ToolRunner.find(program.toString())).as("not executable yet").isEmpty();
        program.toFile().setExecutable(true);
        assertThat(ToolRunner.find(program.toString())).contains(program);
        assertThat(ToolRunner.find(dir.resolve("bin").toString()))
                .as("a directory")
                .isEmpty();
        ToolResult result = new ToolRunner(dir.resolve("home"))
                .capture(ToolCommand.of(Duration.ofMinutes(1), List.of(program.toString(), "-r", "x")), null);
        assertThat(result.output()).isEqualTo("said: -r x\n");
    }

    @Test
    void aMissingProgramIsNamed() {
        assertThatThrownBy(() -> new ToolRunner(dir.resolve("home"))
                        .run(ToolCommand.of(Duration.ofMinutes(1), List.of("keel-no-such-program")), null))
                .hasMessage("keel-no-such-program is not installed");
    }
}
