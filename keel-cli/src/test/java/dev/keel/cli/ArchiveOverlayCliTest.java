package dev.keel.cli;

import static dev.keel.cli.ErrorMessagesCliTest.gzip;
import static dev.keel.cli.ErrorMessagesCliTest.tar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where an archive overlay's archive comes from, through the commands a user runs, on the example
 * distro with its upstream served on loopback (git protocol and HTTP): a lookaside archive and a
 * file of a local spec's directory are edited; an archive no source has is an error at the overlay
 * for render, prepare-sources and check-overlays; a spec snapshot cannot tell, so its overlay is
 * skipped with a note; hostile names and links are refused with their place, never a stack trace.
 */
class ArchiveOverlayCliTest {

    /** A recorded hash that no archive has. */
    private static final String WRONG = "00".repeat(64);

    /** The hash render or prepare-sources names when a repacked archive has another than its record. */
    private static final Pattern REPACKED = Pattern.compile("after overlays has SHA512 ([0-9a-f]{128}), but");

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private ExampleDistro example;
    private Path snapshot;

    @BeforeEach
    void serveTheExample() throws IOException {
        example = ExampleDistro.serve(dir.resolve("example"), 0);
        snapshot = Files.createDirectories(dir.resolve("snapshot"));
        Files.copy(dir.resolve("example/upstream-source/hello/hello.spec"), snapshot.resolve("hello.spec"));
    }

    @AfterEach
    void stop() {
        example.close();
    }

    private CliRunner keel(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", example.project().toString(), "component"));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    /** Appends {@code toml} to the component's configuration file. */
    private void append(String component, String toml) throws IOException {
        Files.writeString(
                example.project().resolve("components/" + component + ".comp.toml"),
                "\n" + toml,
                StandardOpenOption.APPEND);
    }

    /** An archive overlay of {@code component} that removes {@code file} from {@code archive}. */
    private static String archiveOverlay(String component, String archive, String file) {
        return """
                [[components.%s.overlays]]
                description = "Drop the readme"
                type = "file-remove"
                file = "%s"
                archive = "%s"
                """.formatted(component, file, archive);
    }

    /** The record of the archive that overlays make, with {@code hash}. */
    private static String record(String component, String archive, String hash) {
        return """
                [[components.%s.source-files]]
                filename = "%s"
                hash = "%s"
                hash-type = "SHA512"
                origin = { type = "overlay" }
                replace-upstream = true
                replace-reason = "the readme dropped"
                """.formatted(component, archive, hash);
    }

    /** Records the hash a run that failed on the wrong record named, as a maintainer does. */
    private void recordTheNamedHash(String component, CliRunner failed) throws IOException {
        assertThat(failed.exitCode()).as(failed.err() + failed.out()).isEqualTo(1);
        Matcher named = REPACKED.matcher(failed.err());
        assertThat(named.find()).as(failed.err()).isTrue();
        Path config = example.project().resolve("components/" + component + ".comp.toml");
        Files.writeString(config, Files.readString(config).replace(WRONG, named.group(1)));
    }

    private static void assertSucceeds(CliRunner result) {
        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
    }

    private static void assertNoStackTrace(CliRunner result) {
        assertThat(result.err() + result.out())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("\u001b");
    }

    /** Every path below {@code root}, relative, sorted (empty when it does not exist). */
    private static List<String> tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    // ------------------------------------------------------------------ archives a source has

    @Test
    void aLookasideArchiveIsRepackedByPrepareSourcesAndSkippedByRenderWithANote() throws IOException {
        append(
                "hello",
                archiveOverlay("hello", "hello-2.1.tar.xz", "README") + record("hello", "hello-2.1.tar.xz", WRONG));
        Path prepared = dir.resolve("prepared");
        recordTheNamedHash("hello", keel("prepare-sources", "hello", "-o", prepared.toString()));

        CliRunner prepare = keel("prepare-sources", "hello", "-o", prepared.toString());
        CliRunner render = keel("render", "hello", "-o", dir.resolve("out").toString());

        assertSucceeds(prepare);
        assertSucceeds(render);
        String repacked = Digests.hex("SHA-512", prepared.resolve("hello-2.1.tar.xz"));
        assertThat(Files.readString(prepared.resolve("sources"))).contains("(hello-2.1.tar.xz) = " + repacked);
        assertThat(render.out())
                .contains("overlay 5 skipped: hello-2.1.tar.xz is a lookaside archive, not fetched when rendering");
        assertThat(Files.readString(dir.resolve("out/h/hello/sources"))).contains("(hello-2.1.tar.xz) = " + repacked);
    }

    @Test
    void anArchiveOfALocalSpecsDirectoryIsEditedByRenderItself() throws IOException {
        Path local = example.project().resolve("local/greeter");
        byte[] archive = gzip(tar("greeter-1.0/README", "Greets.\n"));
        Files.write(local.resolve("greeter-1.0.tar.gz"), archive);
        Files.writeString(
                local.resolve("sources"), "SHA512 (greeter-1.0.tar.gz) = " + Digests.hex("SHA-512", archive) + "\n");
        append(
                "greeter",
                archiveOverlay("greeter", "greeter-1.0.tar.gz", "**/README")
                        + record("greeter", "greeter-1.0.tar.gz", WRONG));
        Path out = dir.resolve("out");
        recordTheNamedHash("greeter", keel("render", "greeter", "-o", out.toString()));

        CliRunner render = keel("render", "greeter", "-o", out.toString());
        CliRunner check = keel("check-overlays", "greeter", "--upstream-specs", snapshot.toString());

        assertSucceeds(render);
        assertThat(render.out()).doesNotContain("skipped");
        assertThat(Files.readString(out.resolve("g/greeter/sources")))
                .startsWith("SHA512 (greeter-1.0.tar.gz) = ")
                .doesNotContain(Digests.hex("SHA-512", archive));
        assertSucceeds(check);
        assertThat(check.out()).containsPattern("greeter +1 +file-remove +applies");
    }

    // ------------------------------------------------------------------ an archive no source has

    @Test
    void anArchiveNoSourceHasFailsRenderAndPrepareSourcesAtTheOverlay() throws IOException {
        append("hello", archiveOverlay("hello", "hello-2.2.tar.xz", "README"));
        String block = """
                overlay 5 (file-remove) edits hello-2.2.tar.xz, which no source has: it is not an upstream file,\
                 the upstream sources file does not list it, and no source-files entry provides it
                  --> %s:32:1
                   = overlay: Drop the readme
                   = hint: did you mean 'hello-2.1.tar.xz'? The component's archives: hello-2.1.tar.xz (lookaside)
                """;
        String config = "components/hello.comp.toml";
        Path prepared = dir.resolve("prepared");
        Path out = dir.resolve("out");

        CliRunner prepare = keel("prepare-sources", "hello", "-o", prepared.toString());
        CliRunner render = keel("render", "hello", "-o", out.toString());

        assertThat(prepare.exitCode()).isEqualTo(1);
        assertThat(prepare.err())
                .as("outside a render, paths are shown from the current directory")
                .isEqualTo("error: " + block.formatted(example.project().resolve(config)));
        assertThat(prepared).doesNotExist();
        assertThat(cache.directory().resolve("lookaside"))
                .as("nothing downloaded")
                .doesNotExist();
        assertThat(render.exitCode()).isEqualTo(1);
        assertThat(render.err()).startsWith("error: hello: " + block.formatted(config));
        assertThat(tree(out))
                .as("the render's marker, as for any failing overlay")
                .containsExactly("h/hello/RENDER_FAILED");
        assertThat(Files.readString(out.resolve("h/hello/RENDER_FAILED"))).contains("edits hello-2.2.tar.xz");
        assertNoStackTrace(prepare);
        assertNoStackTrace(render);
    }

    @Test
    void checkOverlaysNamesAnArchiveALocalSpecLacksAtTheOverlay() throws IOException {
        append("greeter", archiveOverlay("greeter", "greeter-1.0.tar.gz", "**/README"));

        CliRunner check = keel("check-overlays", "greeter", "--upstream-specs", snapshot.toString(), "-O", "json");

        assertThat(check.exitCode()).isEqualTo(1);
        JsonNode row = new ObjectMapper().readTree(check.out()).get(0);
        assertThat(row.get("status").asText()).isEqualTo("render-fails");
        JsonNode failure = row.get("failure");
        assertThat(failure.get("kind").asText()).isEqualTo("configuration");
        assertThat(failure.get("message").asText()).startsWith("overlay 1 (file-remove) edits greeter-1.0.tar.gz,");
        assertThat(failure.get("location").asText()).isEqualTo("components/greeter.comp.toml:7:1");
        assertThat(failure.get("hint").asText())
                .isEqualTo("the component has no archive: list it in source-files (with a download origin), or"
                        + " remove the overlay");
    }

    // ------------------------------------------------------------------ a spec snapshot cannot tell

    @Test
    void fromASpecSnapshotTheOverlayIsSkippedWithANote() throws IOException {
        append("hello", archiveOverlay("hello", "hello-2.2.tar.xz", "README"));
        String why = "the spec snapshot has no archives, and no sources file to tell whether hello-2.2.tar.xz is"
                + " a lookaside archive";

        CliRunner render = keel(
                "render",
                "hello",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                dir.resolve("out").toString());
        CliRunner prepare = keel(
                "prepare-sources",
                "hello",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                dir.resolve("prepared").toString());
        CliRunner check = keel("check-overlays", "hello", "--upstream-specs", snapshot.toString(), "-O", "json");

        assertSucceeds(render);
        assertThat(render.out()).contains("overlay 5 skipped: " + why);
        assertSucceeds(prepare);
        assertThat(prepare.err()).contains("note: overlay 5 skipped: " + why + "\n");
        assertSucceeds(check);
        JsonNode row = new ObjectMapper().readTree(check.out()).get(4);
        assertThat(row.get("status").asText()).isEqualTo("no-upstream");
        assertThat(row.get("reason").asText()).isEqualTo(why);
    }

    // ------------------------------------------------------------------ hostile names

    @ParameterizedTest(name = "[{index}] archive \"{0}\"")
    @ValueSource(strings = {"../hello-2.1.tar.xz", "/tmp/hello-2.1.tar.xz", "lookaside/../../hello-2.1.tar.xz"})
    void anArchiveNameThatLeavesTheSourcesIsRefusedAtItsKey(String archive) throws IOException {
        append("hello", archiveOverlay("hello", archive, "README"));
        Path prepared = dir.resolve("prepared");
        Path out = dir.resolve("out");

        for (CliRunner result : List.of(
                keel("prepare-sources", "hello", "-o", prepared.toString()),
                keel("render", "hello", "-o", out.toString()),
                keel("check-overlays", "hello", "--upstream-specs", snapshot.toString()))) {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("error: archive '" + archive + "' must be a tar archive file name")
                    .contains("  --> components/hello.comp.toml:36:1\n");
            assertNoStackTrace(result);
        }
        assertThat(prepared).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void anArchiveNameWithControlCharactersIsPrintedEscaped() throws IOException {
        append("hello", archiveOverlay("hello", "hello-2.1\\u001b[2J.tar.xz", "README"));

        CliRunner prepare =
                keel("prepare-sources", "hello", "-o", dir.resolve("prepared").toString());

        assertThat(prepare.exitCode()).isEqualTo(1);
        assertThat(prepare.err())
                .startsWith("error: overlay 5 (file-remove) edits hello-2.1\\e[2J.tar.xz, which no source has")
                .contains("= hint: did you mean 'hello-2.1.tar.xz'?");
        assertNoStackTrace(prepare);
    }

    @Test
    void anArchiveThatIsASymbolicLinkIsRefusedWithItsPath() throws IOException {
        Path outside = dir.resolve("outside.tar.gz");
        byte[] archive = gzip(tar("greeter-1.0/README", "Greets.\n"));
        Files.write(outside, archive);
        Path link = example.project().resolve("local/greeter/greeter-1.0.tar.gz");
        Files.createSymbolicLink(link, outside);
        append("greeter", archiveOverlay("greeter", "greeter-1.0.tar.gz", "**/README"));
        Path prepared = dir.resolve("prepared");
        Path out = dir.resolve("out");

        for (CliRunner result : List.of(
                keel("prepare-sources", "greeter", "-o", prepared.toString()),
                keel("render", "greeter", "-o", out.toString()),
                keel("check-overlays", "greeter", "--upstream-specs", snapshot.toString()))) {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("not a regular file in the sources (links and special files are refused): " + link
                            + " is a symbolic link");
            assertNoStackTrace(result);
        }
        assertThat(prepared).doesNotExist();
        assertThat(out).doesNotExist();
        assertThat(Files.readAllBytes(outside))
                .as("the link's target is untouched")
                .isEqualTo(archive);
    }
}
