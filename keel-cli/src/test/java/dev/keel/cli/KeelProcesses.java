package dev.keel.cli;

import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real {@code keel} processes: the command line in child JVMs with this test's classpath. */
final class KeelProcesses {

    private KeelProcesses() {}

    /** The command that runs keel with {@code cache} as its cache directory (with ./keel's JVM options). */
    static List<String> command(Path cache, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-D" + KeelCache.PROPERTY + "=" + cache,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts every command at once, sharing {@code cache}, and waits for all; each result's output
     * is read from files under {@code logs}.
     */
    static List<CliRunner> runTogether(Path cache, Path logs, List<List<String>> commands)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            processes.add(new ProcessBuilder(command(cache, commands.get(i)))
                    .redirectOutput(logs.resolve(i + ".out").toFile())
                    .redirectError(logs.resolve(i + ".err").toFile())
                    .start());
        }
        List<CliRunner> results = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            int code = processes.get(i).waitFor();
            results.add(new CliRunner(
                    code,
                    Files.readString(logs.resolve(i + ".out"), StandardCharsets.UTF_8),
                    Files.readString(logs.resolve(i + ".err"), StandardCharsets.UTF_8)));
        }
        return results;
    }
}
