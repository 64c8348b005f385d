package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to hang Keel, exhaust its memory or stack, or burn CPU, through the commands a user
 * runs: each ends quickly with exit code 1 (or an undeterminable value), a message naming the path
 * and location, and nothing written.
 */
class HostileInputCliTest {

    private static final String SPEC = """
            Name: demo
            Version: 1
            Release: 1
            Summary: Demo
            License: MIT

            %description
            Demo.
            """;
    private static final String PROJECT = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [components.bash]
            [components.curl]
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    // ------------------------------------------------------------------ memory: special and huge files

    @Test
    void specQueryRefusesDevZero() {
        assumeThat(Path.of("/dev/zero")).exists();
        CliRunner result = CliRunner.run("spec", "query", "/dev/zero");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: /dev/zero is a character device, not a regular file\n");
    }

    @Test
    void specStatsRefusesANamedFifoWithoutBlocking() throws Exception {
        Path fifo = fifo(dir.resolve("pipe.spec"));
        CliRunner result = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> CliRunner.run("spec", "stats", fifo.toString()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: " + fifo + " is a FIFO, not a regular file\n");
    }

    @Test
    void specStatsReportsASpecLargerThanTheLimitAsAFailure() throws IOException {
        Files.writeString(dir.resolve("good.spec"), SPEC);
        Path big = sparse(dir.resolve("big.spec"), 17L << 20);
        CliRunner result = CliRunner.run("spec", "stats", "-O", "json", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode stats = new ObjectMapper().readTree(result.out());
        assertThat(stats.get("files").asInt()).isEqualTo(2);
        assertThat(stats.get("failedFiles")).extracting(JsonNode::asText).containsExactly(big.toString());
        assertThat(result.err())
                .isEqualTo("error: " + big + " is too large for a spec: 17,825,792 bytes, more than 16 MiB\n");
    }

    @Test
    void overlayApplyRefusesADirectoryAsOverlayFileAndWritesNothing() throws IOException {
        Path spec =
                Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("demo.spec"), SPEC);
        Path overlays = Files.createDirectories(dir.resolve("overlays.toml"));
        Path out = dir.resolve("out");
        CliRunner result = CliRunner.run(
                "overlay", "apply", "--spec", spec.toString(), "--overlays", overlays.toString(), "-o", out.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: " + overlays + " is a directory, not a regular file\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void overlayApplyRefusesAFifoInTheSourcesAndWritesNothing() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path spec = Files.writeString(sources.resolve("demo.spec"), SPEC);
        Path fifo = fifo(sources.resolve("pipe"));
        Path overlays = Files.writeString(dir.resolve("o.toml"), """
                [[overlays]]
                type = "spec-set-tag"
                tag = "Version"
                value = "2"
                """);
        Path out = dir.resolve("out");
        CliRunner result = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> CliRunner.run(
                        "overlay",
                        "apply",
                        "--spec",
                        spec.toString(),
                        "--sources",
                        sources.toString(),
                        "--overlays",
                        overlays.toString(),
                        "-o",
                        out.toString()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: not a regular file in the sources (links and special files are refused): " + fifo
                        + " is a FIFO\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void renderReportsUpstreamSpecsThatAreAFifoOrTooLargeAndWritesNoSpecForThem() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("azldev.toml"), PROJECT);
        Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
        Path bash = sparse(snapshot.resolve("bash.spec"), 17L << 20);
        Path curl = fifo(snapshot.resolve("curl.spec"));
        Path out = dir.resolve("out");
        CliRunner result = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> CliRunner.run(
                        "-C",
                        project.toString(),
                        "component",
                        "render",
                        "-a",
                        "--upstream-specs",
                        snapshot.toString(),
                        "-o",
                        out.toString(),
                        "-O",
                        "json"));
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode rows = new ObjectMapper().readTree(result.out());
        assertThat(rows)
                .extracting(row -> row.get("failure").get("message").asText())
                .containsExactly(
                        bash + " is too large for a spec: 17,825,792 bytes, more than 16 MiB",
                        curl + " is a FIFO, not a regular file");
        assertThat(out.resolve("b/bash/bash.spec")).doesNotExist();
        assertThat(out.resolve("c/curl/curl.spec")).doesNotExist();
    }

    @Test
    void configCheckNamesAnIncludeThatIsADirectory() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("azldev.toml"), "includes = [\"base\"]\n" + PROJECT);
        Files.createDirectories(project.resolve("base"));
        CliRunner result = CliRunner.run("-C", project.toString(), "config", "check");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("""
                        error: included file base is a directory, not a regular file
                          --> %s:1:13
                           = key: includes
                           = hint: include TOML files
                        """.formatted("azldev.toml"));
    }

    // ------------------------------------------------------------------ regexes and globs

    @Test
    void overlayApplyRefusesARegexThatWouldCompileToABillionInstructions() throws IOException {
        Path spec =
                Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("demo.spec"), SPEC);
        Path overlays = Files.writeString(dir.resolve("o.toml"), """
                [[overlays]]
                type = "spec-search-replace"
                regex = '((a{1000}){1000}){1000}'
                replacement = "b"
                """);
        Path out = dir.resolve("out");
        CliRunner result = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> CliRunner.run(
                        "overlay",
                        "apply",
                        "--spec",
                        spec.toString(),
                        "--overlays",
                        overlays.toString(),
                        "-o",
                        out.toString()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                        error: invalid regular expression: the pattern is too large: it compiles to more than\
                         100,000 instructions, more than the 2,000 Keel allows
                          --> %s:3:1
                           = key: overlays[0].regex
                           = hint: a pattern may compile to 2,000 instructions and nest groups 100 deep; nested\
                         counted repetitions such as (x{50}){50} multiply

                        error: the configuration has 1 error
                        """.formatted(overlays));
        assertThat(out).doesNotExist();
    }

    @Test
    void componentListRefusesAGlobNestedTooDeeply() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("azldev.toml"), PROJECT);
        String glob = "{a,".repeat(10_000) + "b" + "}".repeat(10_000);
        CliRunner result = CliRunner.run("-C", project.toString(), "component", "list", glob);
        assertThat(result.exitCode()).as("a bad glob is a usage error").isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100"
                        + " levels deep\n");
    }

    // ------------------------------------------------------------------ deep nesting

    @Test
    void configCheckReportsTenThousandNestedArraysWhereTheyGetTooDeep() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(
                project.resolve("azldev.toml"), "x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n" + PROJECT);
        CliRunner result = CliRunner.run("-C", project.toString(), "config", "check");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                        error: TOML syntax: nested more than 100 levels deep (tables, arrays and inline tables\
                         together)
                          --> %s:1:105

                        error: the configuration has 1 error
                        """.formatted("azldev.toml"));
    }

    @Test
    void specQueryExpandNamesTheLineOfAnExpressionNestedTenThousandLevels() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("deep.spec"),
                "Name: demo\nVersion: %[" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "]\n" + SPEC.substring(22));
        CliRunner result = CliRunner.run("spec", "query", "--expand", "-O", "json", spec.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode query = new ObjectMapper().readTree(result.out());
        assertThat(query.get("version").isNull()).isTrue();
        assertThat(query.get("expansion").get("version").asText())
                .isEqualTo("Keel stopped: line 2: expression nested more than 50 levels deep (parentheses, unary"
                        + " operators and ?: together): " + "(".repeat(57) + "...");
    }

    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    /** A FIFO made by {@code mkfifo}; the test is skipped where there is none. */
    static Path fifo(Path file) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("mkfifo", file.toString()).start().waitFor();
        assumeThat(exit).as("mkfifo is available").isZero();
        return file;
    }
}
