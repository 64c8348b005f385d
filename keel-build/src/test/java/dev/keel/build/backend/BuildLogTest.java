package dev.keel.build.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.outcome.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of a build log a failure names. */
class BuildLogTest {

    @TempDir
    Path dir;

    @Test
    void namesTheFirstErrorLinesAndTheLastLines() throws Exception {
        String lines = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> i % 4 == 0 ? "x.c:" + i + ": error: bad " + i : "line " + i)
                .collect(Collectors.joining("\n"));
        Path log = Files.writeString(dir.resolve("build.log"), lines + "\n\n");
        BuildLog.Excerpt excerpt = BuildLog.excerpt(log);
        assertThat(excerpt.errors())
                .containsExactly(
                        "x.c:4: error: bad 4",
                        "x.c:8: error: bad 8",
                        "x.c:12: error: bad 12",
                        "x.c:16: error: bad 16",
                        "x.c:20: error: bad 20");
        assertThat(excerpt.tail()).hasSize(10).startsWith("line 21").endsWith("line 30");
        Failure failure = BuildLog.failure(Failure.Kind.BUILD, "it broke", log);
        assertThat(failure.location().file()).isEqualTo(log);
        assertThat(failure.details()).hasSize(15);
        assertThat(failure.details().get(0)).isEqualTo(new Failure.Detail("error 1", "x.c:4: error: bad 4"));
        assertThat(failure.details().get(14)).isEqualTo(new Failure.Detail("log tail 10", "line 30"));
    }

    @Test
    void longAndMalformedLinesAreShortenedAndReplacedNotFatal() throws Exception {
        byte[] bad = {'e', 'r', 'r', 'o', 'r', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'};
        Path log = dir.resolve("bad.log");
        Files.write(log, bad);
        Files.writeString(log, "y".repeat(1000) + "\n", java.nio.file.StandardOpenOption.APPEND);
        BuildLog.Excerpt excerpt = BuildLog.excerpt(log);
        assertThat(excerpt.errors()).containsExactly("error: \uFFFD\uFFFD");
        assertThat(excerpt.tail().get(1)).hasSize(303).endsWith("...");
    }

    @Test
    void aMissingLogHasNothingToSay() throws Exception {
        assertThat(BuildLog.excerpt(dir.resolve("none.log")))
                .isEqualTo(new BuildLog.Excerpt(java.util.List.of(), java.util.List.of()));
    }
}
