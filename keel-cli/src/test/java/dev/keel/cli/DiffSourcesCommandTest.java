package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code component diff-sources} shows what render's plan does to the sources before rpmautospec:
 * the macros file, Keel's own edits and the component's overlays, every hunk naming what made it.
 */
class DiffSourcesCommandTest {

    private static final String CONFIG = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [components.curl]
            build = { with = ["docs"], check = { skip = true, skip_reason = "flaky" } }

            [[components.curl.overlays]]
            description = "Brand it"
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"

            [[components.curl.overlays]]
            description = "Tune the config"
            type = "file-search-replace"
            file = "curl.conf"
            regex = "level=1"
            replacement = "level=2"
            """;

    private static final String SPEC = """
            Name:           curl
            Version:        1.0
            Release:        1%{?dist}
            Summary:        The curl package
            License:        MIT

            %description
            The curl package.

            %check
            make test

            %files
            /usr/bin/curl
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private Path project;
    private Path snapshot;

    @BeforeEach
    void writeProject() throws IOException {
        project = dir.resolve("project");
        write(project.resolve("azldev.toml"), CONFIG);
        snapshot = dir.resolve("snapshot");
        write(snapshot.resolve("curl.spec"), SPEC);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliRunner diff() {
        return CliRunner.run(
                "-C", project.toString(), "component", "diff-sources", "curl", "--upstream-specs", snapshot.toString());
    }

    @Test
    void everyHunkNamesTheOverlayOrTheRenderStepThatMadeIt() {
        CliRunner result = diff();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("--- /dev/null\n+++ b/curl.azl.macros\n")
                .contains(" @@ render: macros file (Keel's own file-add)\n")
                .contains("+%{load:%{_sourcedir}/curl.azl.macros}\n")
                .contains("overlay 1 (spec-add-tag) \"Brand it\" at azldev.toml:13:1")
                .contains("+Vendor: Keel\n")
                .contains("build.check.skip (Keel's own spec-prepend-lines)")
                .contains("render: header (Keel's own spec-prepend-lines)");
        assertThat(result.out().indexOf("+++ b/curl.azl.macros"))
                .as("files in path order")
                .isLessThan(result.out().indexOf("+++ b/curl.spec"));
    }

    @Test
    void theOverlaysThePlanSkipsAreNotedNotApplied() {
        CliRunner result = diff();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains("note: overlay 2 skipped: the spec snapshot has no sidecar files (Tune the config)");
        assertThat(result.out()).doesNotContain("curl.conf").doesNotContain("overlay 2");
    }

    @Test
    void showsTheSameSpecRenderWrites() throws IOException {
        CliRunner diff = diff();
        Path out = dir.resolve("out");
        CliRunner render = CliRunner.run(
                "-C",
                project.toString(),
                "component",
                "render",
                "curl",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                out.toString());
        assertThat(render.exitCode()).as(render.err()).isZero();

        List<String> rendered = Files.readAllLines(out.resolve("c/curl/curl.spec"));
        String specDiff = diff.out().substring(diff.out().indexOf("+++ b/curl.spec"));
        List<String> added = specDiff.lines()
                .skip(1)
                .filter(line -> line.startsWith("+"))
                .map(line -> line.substring(1))
                .filter(line -> !line.isBlank())
                .toList();
        List<String> newInRender = rendered.stream()
                .filter(line -> !SPEC.lines().toList().contains(line))
                .toList();
        assertThat(added).as("the spec lines diff-sources adds").isNotEmpty().isEqualTo(newInRender);
    }

    @Test
    void aFailingOverlayPrintsItsFailureAndNoDiff() throws IOException {
        write(project.resolve("azldev.toml"), CONFIG.replace("tag = \"Vendor\"\nvalue = \"Keel\"", """
                tag = "Vendor"
                value = "Keel"

                [[components.curl.overlays]]
                type = "spec-search-replace"
                regex = "^make check$"
                replacement = "make check V=0"
                """));

        CliRunner result = diff();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("curl").contains("overlay 2").contains("make check");
    }
}
