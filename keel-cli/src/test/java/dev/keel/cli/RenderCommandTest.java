package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel component render}: JSON results, the check-only gate and option rules. */
class RenderCommandTest {

    private static final String CONFIG = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [components.bash]
            build = { with = ["docs"] }

            [components.curl]

            [[components.curl.overlays]]
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"

            [components.hello]
            spec = { type = "local", path = "specs/hello/hello.spec" }
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private Path project;
    private Path snapshot;
    private Path out;

    @BeforeEach
    void writeProject() throws IOException {
        // keep the render fingerprints (and any mirror) out of the real home directory
        project = dir.resolve("project");
        write(project.resolve("azldev.toml"), CONFIG);
        write(project.resolve("specs/hello/hello.spec"), spec("hello"));
        snapshot = dir.resolve("snapshot");
        write(snapshot.resolve("bash.spec"), spec("bash"));
        write(snapshot.resolve("curl.spec"), spec("curl"));
        out = dir.resolve("out");
    }

    private static String spec(String name) {
        return """
                Name:           %1$s
                Version:        1.0
                Release:        1%%{?dist}
                Summary:        The %1$s package
                License:        MIT

                %%description
                The %1$s package.

                %%files
                /usr/bin/%1$s
                """.formatted(name);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliRunner render(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "-C",
                project.toString(),
                "component",
                "render",
                "-a",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                out.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRunner result) throws IOException {
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void jsonListsEveryComponentWithItsStatusDirectoryAndChange() throws IOException {
        CliRunner result = render("-O", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode rows = json(result);
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(3);
        List<String> components = new ArrayList<>();
        for (JsonNode row : rows) {
            components.add(row.get("component").asText());
            assertThat(row.has("component") && row.has("status") && row.has("outputDir") && row.has("changed"))
                    .as(row.toString())
                    .isTrue();
            assertThat(row.has("failure") && row.has("reason") && row.has("notes"))
                    .as(row.toString())
                    .isTrue();
            assertThat(row.get("status").asText()).isEqualTo("ok");
            assertThat(row.get("changed").asBoolean()).isTrue();
            assertThat(row.get("failure").isNull()).isTrue();
        }
        assertThat(components).containsExactly("bash", "curl", "hello");
        assertThat(rows.get(0).get("outputDir").asText()).isEqualTo("b/bash");
        assertThat(out.resolve("b/bash/bash.spec")).exists();
        assertThat(out.resolve("c/curl/curl.spec")).exists();
        assertThat(out.resolve("h/hello/hello.spec")).exists();
        assertThat(cache.directory().resolve("render")).isDirectory();

        JsonNode again = json(render("-O", "json"));
        assertThat(again.findValuesAsText("status")).containsExactly("unchanged", "unchanged", "unchanged");
    }

    @Test
    void checkOnlyFailsAndNamesTheComponentAfterAHandEditThenPassesWhenClean() throws IOException {
        assertThat(render().exitCode()).isZero();
        Path curl = out.resolve("c/curl/curl.spec");
        String rendered = Files.readString(curl);
        Files.writeString(curl, rendered.replace("Vendor: Keel", "Vendor: Someone"));

        CliRunner check = render("--check-only");

        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        assertThat(check.out()).contains("curl", "differs: curl.spec").doesNotContain("bash");
        assertThat(Files.readString(curl)).contains("Vendor: Someone");

        JsonNode rows = json(render("--check-only", "-O", "json"));
        assertThat(rows.get(1).get("component").asText()).isEqualTo("curl");
        assertThat(rows.get(1).get("changed").asBoolean()).isTrue();
        assertThat(rows.get(0).get("changed").asBoolean()).isFalse();

        assertThat(render().exitCode()).isZero();
        assertThat(Files.readString(curl)).isEqualTo(rendered);
        CliRunner clean = render("--check-only");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
    }

    @Test
    void checkOnlyWithCleanStaleFailsOnADirectoryOfARemovedComponent() throws IOException {
        assertThat(render().exitCode()).isZero();
        String old = Files.readString(out.resolve("c/curl/curl.spec")).replace("curl", "old-thing");
        write(out.resolve("o/old-thing/old-thing.spec"), old);

        for (CliRunner check : List.of(render("--check-only", "--clean-stale"), render("--check-only"))) {
            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(check.out()).contains("o/old-thing  stale");
            assertThat(check.err()).contains("3 components: 3 unchanged; 1 stale directory");
            assertThat(out.resolve("o/old-thing")).exists();
        }

        assertThat(render("--clean-stale").exitCode()).isZero();
        assertThat(out.resolve("o/old-thing")).doesNotExist();
        assertThat(render("--check-only").exitCode()).isZero();
    }

    @Test
    void aStaleDirectoryKeelDidNotWriteIsNeverRemoved() throws IOException {
        assertThat(render().exitCode()).isZero();
        write(out.resolve("m/mine/notes.txt"), "mine\n");

        CliRunner clean = render("--clean-stale");

        assertThat(clean.exitCode()).as("asked to clean, could not").isEqualTo(1);
        assertThat(clean.out()).contains("Keel did not write it: remove it by hand");
        assertThat(out.resolve("m/mine/notes.txt")).hasContent("mine");
    }

    @Test
    void cleanStaleWithoutAllComponentsIsAUsageError() {
        CliRunner result = CliRunner.run(
                "-C",
                project.toString(),
                "component",
                "render",
                "curl",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                out.toString(),
                "--clean-stale");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--clean-stale needs -a");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailingComponentExitsOneAndReportsItsError() throws IOException {
        write(project.resolve("azldev.toml"), CONFIG + """

                        [[components.bash.overlays]]
                        description = "Quiet the tests"
                        type = "spec-search-replace"
                        regex = "^make check$"
                        replacement = "make check V=0"
                        """);

        CliRunner result = render("-O", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode bash = json(result).get(0);
        assertThat(bash.get("component").asText()).isEqualTo("bash");
        assertThat(bash.get("status").asText()).isEqualTo("failed");
        JsonNode failure = bash.get("failure");
        assertThat(failure.get("kind").asText()).isEqualTo("overlay");
        assertThat(failure.get("message").asText())
                .isEqualTo("overlay 1 (spec-search-replace) failed: pattern /^make check$/ matched no line");
        assertThat(failure.get("location").asText()).isEqualTo("azldev.toml:23:1");
        assertThat(failure.get("details").get("overlay").asText()).isEqualTo("Quiet the tests");
        assertThat(out.resolve("b/bash/RENDER_FAILED")).exists();
    }

    @Test
    void prepareSourcesTakesTheSameSpecSnapshot() throws IOException {
        Path prepared = dir.resolve("prepared");
        CliRunner result = CliRunner.run(
                "-C",
                project.toString(),
                "component",
                "prepare-sources",
                "curl",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                prepared.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains("note: the spec snapshot has no upstream sources file: its lookaside archives are not"
                        + " downloaded, only the component's source-files");
        assertThat(Files.readString(prepared.resolve("curl.spec"))).contains("Vendor: Keel");
        try (var files = Files.list(prepared)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("curl.spec");
        }
    }
}
