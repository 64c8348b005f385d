package dev.keel.build.backend;

import dev.keel.build.tool.ToolResult;
import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a build log that say why a build failed: the first lines with {@code error:} (the
 * compiler's, rpmbuild's; not the shell's trace of a command, {@code + ...}) and the last lines of the log, which a failure located at the log
 * carries as details.
 */
public final class BuildLog {

    /** How many {@code error:} lines a failure names. */
    static final int ERROR_LINES = 5;

    /** How many last lines of the log a failure names. */
    static final int TAIL_LINES = 10;

    private static final int LONGEST_LINE = 300;

    private BuildLog() {}

    /** The first {@code error:} lines and the last non-blank lines of a log. */
    public record Excerpt(List<String> errors, List<String> tail) {}

    /**
     * A failure of {@code kind} located at the log, with its telling lines as numbered details
     * ({@code error 1}, ..., {@code log tail 1}, ...).
     */
    public static Failure failure(Failure.Kind kind, String message, Path log) throws IOException {
        return failure(kind, message, log, 0);
    }

    /** The same for the part of the log from byte {@code from} on (one step's output). */
    public static Failure failure(Failure.Kind kind, String message, Path log, long from) throws IOException {
        Failure failure = Failure.of(kind, message).at(Location.of(log));
        Excerpt excerpt = excerpt(log, from);
        for (int i = 0; i < excerpt.errors().size(); i++) {
            failure = failure.withDetail("error " + (i + 1), excerpt.errors().get(i));
        }
        for (int i = 0; i < excerpt.tail().size(); i++) {
            failure = failure.withDetail("log tail " + (i + 1), excerpt.tail().get(i));
        }
        return failure;
    }

    /**
     * The failure of a build step that ran out of time (a tool failure) or exited with an error (a
     * build failure), with the telling lines of the log from byte {@code from} on.
     */
    public static Failure stepFailure(String step, ToolResult result, Path log, long from) throws IOException {
        String message = result.timedOut()
                ? step + " ran out of time"
                : step + " failed (exit status " + result.exitCode() + ")";
        return failure(result.timedOut() ? Failure.Kind.TOOL : Failure.Kind.BUILD, message, log, from);
    }

    /** Reads the telling lines of a log (malformed UTF-8 is replaced, never fatal). */
    public static Excerpt excerpt(Path log) throws IOException {
        return excerpt(log, 0);
    }

    /** The telling lines of the part of a log from byte {@code from} on. */
    public static Excerpt excerpt(Path log, long from) throws IOException {
        List<String> errors = new ArrayList<>();
        Deque<String> tail = new ArrayDeque<>();
        if (!Files.exists(log)) {
            return new Excerpt(List.of(), List.of());
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (java.io.InputStream in = Files.newInputStream(log);
                BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, decoder))) {
            in.skipNBytes(Math.min(from, Files.size(log)));
            String line;
            while ((line = reader.readLine()) != null) {
                String shown = shorten(line.stripTrailing());
                if (errors.size() < ERROR_LINES
                        && !shown.startsWith("+ ")
                        && shown.toLowerCase(Locale.ROOT).contains("error:")) {
                    errors.add(shown.strip());
                }
                if (!shown.isBlank()) {
                    tail.addLast(shown);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        }
        return new Excerpt(errors, List.copyOf(tail));
    }

    private static String shorten(String line) {
        return line.length() <= LONGEST_LINE ? line : line.substring(0, LONGEST_LINE) + "...";
    }
}
