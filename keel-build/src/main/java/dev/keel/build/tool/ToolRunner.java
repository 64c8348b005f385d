package dev.keel.build.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs the one way Keel does: an argument array (no shell line), a clean
 * environment (a fixed {@code PATH}, {@code HOME} in Keel's work directory so no tool reads or
 * writes the user's {@code ~/.rpmmacros} or {@code ~/.rpmdb}, {@code LC_ALL=C.UTF-8}, {@code
 * TZ=UTC}), a time limit after which the program and all its children are killed, and its output
 * appended to a log file.
 */
public final class ToolRunner {

    /**
     * The system property that replaces the directories programs are looked up in (a list
     * separated by {@code :}), for tests and embedding.
     */
    public static final String PATH_PROPERTY = "keel.tool.path";

    private static final List<String> DEFAULT_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    /** The most stdout kept from a program whose output Keel reads. */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;

    private final Path home;

    /** @param home the {@code HOME} of every program run (created when missing) */
    public ToolRunner(Path home) {
        this.home = home.toAbsolutePath();
    }

    /** The directories programs are looked up in, in order. */
    public static List<String> searchPath() {
        String property = System.getProperty(PATH_PROPERTY);
        if (property == null || property.isBlank()) {
            return DEFAULT_PATH;
        }
        return List.of(property.split(":"));
    }

    /**
     * The program's executable in the search path, if there is one; a program given as an absolute
     * path is that file, if it is an executable one.
     */
    public static Optional<Path> find(String program) {
        if (program.startsWith("/")) {
            Path executable = Path.of(program);
            return Files.isRegularFile(executable) && Files.isExecutable(executable)
                    ? Optional.of(executable)
                    : Optional.empty();
        }
        for (String directory : searchPath()) {
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} with stdout and stderr appended to {@code log} (or discarded when null). */
    public ToolResult run(ToolCommand command, Path log) throws IOException, InterruptedException {
        return execute(command, log, false);
    }

    /** Runs {@code command}, keeping its stdout; stderr is appended to {@code log} (or discarded when null). */
    public ToolResult capture(ToolCommand command, Path log) throws IOException, InterruptedException {
        return execute(command, log, true);
    }

    private ToolResult execute(ToolCommand command, Path log, boolean keepOutput)
            throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> arguments = new ArrayList<>(command.arguments());
        Path executable =
                find(command.program()).orElseThrow(() -> new IOException(command.program() + " is not installed"));
        arguments.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", String.join(":", searchPath()));
        environment.put("HOME", home.toString());
        environment.put("LC_ALL", "C.UTF-8");
        environment.put("LANG", "C.UTF-8");
        environment.put("TZ", "UTC");
        environment.putAll(command.environment());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long logStart = 0;
        if (log != null) {
            Files.createDirectories(log.toAbsolutePath().getParent());
            logStart = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(
                    log,
                    "$ " + command.display() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.redirectOutput(
                    keepOutput ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.appendTo(log.toFile()));
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.redirectOutput(keepOutput ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        OutputReader reader = keepOutput ? OutputReader.start(process.getInputStream()) : null;
        boolean finished;
        try {
            finished = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!finished) {
            kill(process);
        }
        String output = reader == null ? "" : reader.text();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (log != null && !finished) {
            Files.writeString(
                    log,
                    "keel: killed " + command.program() + " after "
                            + command.timeout().toSeconds() + " s\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
        return new ToolResult(finished ? process.exitValue() : -1, !finished, elapsed, output, logStart);
    }

    /** Kills the program and every process it started, and waits for it to go. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Drains a program's stdout on its own thread, keeping at most {@link #MAX_OUTPUT} bytes. */
    private static final class OutputReader extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private IOException failure;

        private OutputReader(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        static OutputReader start(InputStream in) {
            OutputReader reader = new OutputReader(in);
            reader.start();
            return reader;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int room = MAX_OUTPUT - kept.size();
                    kept.write(buffer, 0, Math.max(0, Math.min(n, room)));
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        String text() throws IOException, InterruptedException {
            join();
            if (failure != null) {
                throw failure;
            }
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
