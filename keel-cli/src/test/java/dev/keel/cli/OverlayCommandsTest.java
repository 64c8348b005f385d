package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayCommandsTest {

    private static final String SPEC = """
            Name:           demo
            Version:        1.0
            Release:        1%{?dist}
            Source0:        demo-1.0.tar.gz
            Source1:        demo.conf

            %description
            Demo.

            %check
            make test

            %files
            /usr/bin/demo
            """;

    private static final String OVERLAYS = """
            [metadata]
            category = "azl-temp-workaround"
            upstream-status = "upstreamable"

            [[overlays]]
            description = "Bump the release"
            type = "spec-update-tag"
            tag = "Release"
            value = "2%{?dist}"

            [[overlays]]
            description = "Quiet tests"
            type = "spec-search-replace"
            section = "%check"
            regex = "^make test$"
            replacement = "make test V=0"

            [[overlays]]
            description = "Tune the config"
            type = "file-search-replace"
            file = "demo.conf"
            regex = "level=1"
            replacement = "level=2"

            [[overlays]]
            description = "Our fix"
            type = "patch-add"
            source = "patches/fix.patch"
            """;

    @TempDir
    Path dir;

    private Path sources;
    private Path overlays;

    @BeforeEach
    void write() throws IOException {
        sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("demo.spec"), SPEC);
        Files.writeString(sources.resolve("demo.conf"), "level=1\n");
        Path config = Files.createDirectories(dir.resolve("config/patches"));
        Files.writeString(config.resolve("fix.patch"), "--- a/x\n+++ b/x\n");
        overlays = dir.resolve("config/overlays.toml");
        Files.writeString(overlays, OVERLAYS);
    }

    private CliRunner apply(String... extra) {
        String[] base = {
            "overlay",
            "apply",
            "--spec",
            sources.resolve("demo.spec").toString(),
            "--sources",
            sources.toString(),
            "--overlays",
            overlays.toString()
        };
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return CliRunner.run(args);
    }

    @Test
    void printsTheOverlaidSpec() {
        CliRunner result = apply();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Release: 2%{?dist}\n")
                .contains("make test V=0\n")
                .contains("Patch0: fix.patch\n");
    }

    @Test
    void writesTheOverlaidSourcesAndLeavesTheInputAlone() throws IOException {
        Path out = dir.resolve("out");
        CliRunner result = apply("-o", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("demo.spec", "demo.conf", "fix.patch");
        }
        assertThat(Files.readString(out.resolve("demo.conf"))).isEqualTo("level=2\n");
        assertThat(Files.readString(sources.resolve("demo.conf"))).isEqualTo("level=1\n");
        assertThat(Files.readString(sources.resolve("demo.spec"))).isEqualTo(SPEC);
        assertThat(apply("-o", out.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void withoutSourcesTheSpecIsAppliedAloneAndNothingBesideItIsRead() throws Exception {
        Files.writeString(overlays, OVERLAYS.substring(0, OVERLAYS.indexOf("[[overlays]]\ndescription = \"Tune")));
        for (int i = 0; i < 500; i++) {
            Files.writeString(sources.resolve("unrelated-" + i + ".txt"), "x");
        }
        new ProcessBuilder("mkfifo", sources.resolve("a-fifo").toString())
                .start()
                .waitFor();
        Path out = dir.resolve("out");
        CliRunner result = CliRunner.run(
                "overlay",
                "apply",
                "--spec",
                sources.resolve("demo.spec").toString(),
                "--overlays",
                overlays.toString(),
                "-o",
                out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("demo.spec");
        }
        assertThat(result.err()).isEqualTo("wrote 1 file to " + out + "\n");
    }

    @Test
    void withoutSourcesAFileOverlayFailsWithAHintToGiveThem() {
        CliRunner result = CliRunner.run(
                "overlay",
                "apply",
                "--spec",
                sources.resolve("demo.spec").toString(),
                "--overlays",
                overlays.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("error: demo: overlay 3 (file-search-replace) failed: ")
                .contains("   = hint: the spec is applied alone: give its sources directory with --sources\n");
    }

    @Test
    void annotatesEveryHunkWithItsOverlay() {
        CliRunner result = apply("--diff");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "--- a/demo.conf\n+++ b/demo.conf\n@@ -1,1 +1,1 @@ overlay 3 (file-search-replace) \"Tune the config\"")
                .contains("--- /dev/null\n+++ b/fix.patch\n@@ -0,0 +1,2 @@ overlay 4 (patch-add) \"Our fix\"")
                .contains("-Release:        1%{?dist}\n+Release: 2%{?dist}\n")
                .contains("overlay 2 (spec-search-replace) \"Quiet tests\" at " + overlays + ":11:1");
    }

    @Test
    void printsLineProvenance() {
        CliRunner result = apply("--provenance");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("== demo.spec\n")
                .containsPattern("\\n    2  upstream:2 +\\| Version: +1\\.0\\n")
                .containsPattern(
                        "\\n    3  overlay 1 \\(spec-update-tag, [^)]*overlays.toml:5:1\\) *\\| Release: 2%\\{\\?dist}\\n");
    }

    @Test
    void aFailingOverlayWritesNothingAndExitsOne() throws IOException {
        Files.writeString(overlays, OVERLAYS.replace("regex = \"^make test$\"", "regex = \"^make check$\""));
        Path out = dir.resolve("out");
        CliRunner result = apply("-o", out.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains(
                        "error: demo: overlay 2 (spec-search-replace) failed: pattern /^make check$/ matched no line in %check")
                .contains("overlays.toml:11:1")
                .contains("reason: pattern-not-found")
                .contains("closest line 11: make test");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesSourcesOutsideTheOverlayFilesDirectory() throws IOException {
        Files.writeString(dir.resolve("secret"), "x");
        Files.writeString(overlays, OVERLAYS.replace("source = \"patches/fix.patch\"", "source = \"../secret\""));
        CliRunner result = apply();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: '../secret' leaves the overlay file's directory")
                .contains("overlays.toml:28:1")
                .contains("= key: overlays[3].source");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void checksTheAzureLinuxOverlaysAgainstRawhide() throws Exception {
        Path shared = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus");
        assumeTrue(
                Files.isDirectory(shared.resolve("azurelinux-4.0-config")),
                "corpus not found at " + shared.toAbsolutePath() + "; skipping");
        CliRunner result = CliRunner.run(
                "-C",
                shared.resolve("azurelinux-4.0-config").toString(),
                "component",
                "check-overlays",
                "-a",
                "--upstream-specs",
                shared.resolve("fedora-rawhide-specs").toString(),
                "-O",
                "json");
        assertThat(result.exitCode()).as("drift makes it fail").isEqualTo(1);
        JsonNode rows = new ObjectMapper().readTree(result.out());
        Map<String, Integer> counts = new HashMap<>();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode row : rows) {
            counts.merge(row.get("status").asText(), 1, Integer::sum);
            byKey.put(row.get("component").asText() + "#" + row.get("index").asInt(), row);
        }
        assertThat(rows.size()).isEqualTo(233);
        assertThat(counts.get("applies")).isGreaterThan(150);
        assertThat(byKey.get("cloud-init#3").get("status").asText()).isEqualTo("target-missing");
        assertThat(byKey.get("zbar#1").get("reason").asText()).contains("%files of sub-package 'gtk'");
        assertThat(byKey.get("javapackages-tools#1").get("status").asText()).isEqualTo("upstreamed");
        assertThat(byKey.get("javapackages-tools#1").get("reason").asText())
                .startsWith("upstream already dropped this, and the render fails on it: retire the overlay (");
        assertThat(byKey.get("apache-sshd#3").get("status").asText()).isEqualTo("applies");
    }

    @Test
    void everyComponentTheRenderFailsOnHasAFailingCheckRow(@TempDir Path empty) throws Exception {
        Path shared = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus");
        assumeTrue(
                Files.isDirectory(shared.resolve("azurelinux-4.0-config")),
                "corpus not found at " + shared.toAbsolutePath() + "; skipping");
        String project = shared.resolve("azurelinux-4.0-config").toString();
        String specs = shared.resolve("fedora-rawhide-specs").toString();
        CliRunner check = CliRunner.run(
                "-C", project, "component", "check-overlays", "-a", "--upstream-specs", specs, "-O", "json");
        CliRunner render = CliRunner.run(
                "-C",
                project,
                "component",
                "render",
                "-a",
                "--upstream-specs",
                specs,
                "-o",
                empty.resolve("out").toString(),
                "--check-only",
                "-O",
                "json");
        Set<String> failing = new TreeSet<>();
        for (JsonNode row : new ObjectMapper().readTree(check.out())) {
            if (Set.of("upstreamed", "target-missing", "conflict", "render-fails")
                    .contains(row.get("status").asText())) {
                failing.add(row.get("component").asText());
            }
        }
        Set<String> failed = new TreeSet<>();
        for (JsonNode row : new ObjectMapper().readTree(render.out())) {
            if (row.get("status").asText().equals("failed")) {
                failed.add(row.get("component").asText());
            }
        }
        assertThat(failed).isNotEmpty();
        assertThat(failing).containsAll(failed);
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(render.exitCode()).isEqualTo(1);
    }
}
