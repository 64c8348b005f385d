package dev.keel.build.backend;

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
 * compiler's, rpmbuild's) and the last lines of the log, which a failure carries as details.
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

    /** A failure of {@code kind} with the log's path and its telling lines as details. */
    public static Failure failure(Failure.Kind kind, String message, Path log) throws IOException {
        Failure failure = Failure.of(kind, message).withDetail("log", log.toString());
        Excerpt excerpt = excerpt(log);
        for (String line : excerpt.errors()) {
            failure = failure.withDetail("error", line);
        }
        for (String line : excerpt.tail()) {
            failure = failure.withDetail("log tail", line);
        }
        return failure;
    }

    /** Reads the telling lines of a log (malformed UTF-8 is replaced, never fatal). */
    public static Excerpt excerpt(Path log) throws IOException {
        List<String> errors = new ArrayList<>();
        Deque<String> tail = new ArrayDeque<>();
        if (!Files.exists(log)) {
            return new Excerpt(List.of(), List.of());
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader =
                new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(log), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String shown = shorten(line.stripTrailing());
                if (errors.size() < ERROR_LINES
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
