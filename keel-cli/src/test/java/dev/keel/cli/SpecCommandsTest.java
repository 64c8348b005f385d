package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPEC = """
            Name: demo
            Version: 1.0
            Release: 2%{?dist}
            Epoch: 3
            Source0: demo-1.0.tar.gz
            Patch: fix.patch
            %bcond_without tests

            %description
            Demo.

            %package devel
            Summary: Headers

            %description devel
            Headers.

            %if %{with tests}
            %check
            make test
            %endif

            %files
            /usr/bin/demo
            """;

    @TempDir
    Path dir;

    @Test
    void statsReportsTotalsAsJson() throws IOException {
        Files.writeString(dir.resolve("a.spec"), SPEC);
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b.spec"), new byte[0]);
        CliRunner result = CliRunner.run("spec", "stats", "-O", "json", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode stats = JSON.readTree(result.out());
        assertThat(stats.get("files").asInt()).isEqualTo(2);
        assertThat(stats.get("bytes").asLong()).isEqualTo(SPEC.getBytes(StandardCharsets.UTF_8).length);
        assertThat(stats.get("subpackages").asInt()).isEqualTo(1);
        assertThat(stats.get("conditionals").asInt()).isEqualTo(1);
        assertThat(stats.get("roundTripFailures").asInt()).isZero();
        assertThat(stats.get("failedFiles")).isEmpty();
        assertThat(stats.has("millis")).isTrue();
    }

    @Test
    void statsIsTheSameWithOneOrTwoWorkers() throws IOException {
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("s" + i + ".spec"), SPEC.repeat(i + 1));
        }
        JsonNode one = JSON.readTree(CliRunner.run("spec", "stats", "-j", "1", "-O", "json", dir.toString())
                .out());
        JsonNode two = JSON.readTree(CliRunner.run("spec", "stats", "-j", "2", "-O", "json", dir.toString())
                .out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) one)
                .remove(java.util.List.of("millis", "megabytesPerSecond"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) two)
                .remove(java.util.List.of("millis", "megabytesPerSecond"));
        assertThat(one).isEqualTo(two);
    }

    @Test
    void statsOfAMissingPathFailsClearly() {
        CliRunner result = CliRunner.run("spec", "stats", dir.resolve("nope").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error:").contains("nope").doesNotContain("Exception");
    }

    @Test
    void queryPrintsTheStructureAsJson() throws IOException {
        Path spec = dir.resolve("demo.spec");
        Files.writeString(spec, SPEC);
        CliRunner result = CliRunner.run("spec", "query", "-O", "json", spec.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode query = JSON.readTree(result.out());
        assertThat(query.get("name").asText()).isEqualTo("demo");
        assertThat(query.get("epoch").asText()).isEqualTo("3");
        assertThat(query.get("version").asText()).isEqualTo("1.0");
        assertThat(query.get("release").asText()).isEqualTo("2%{?dist}");
        assertThat(query.get("subpackages").get(0).get("fullName").asText()).isEqualTo("demo-devel");
        assertThat(query.get("sources").get(0).get("value").asText()).isEqualTo("demo-1.0.tar.gz");
        assertThat(query.get("patches").get(0).get("number").asInt()).isZero();
        assertThat(query.get("sections")).hasSize(6);
        assertThat(query.get("sections").get(4).get("name").asText()).isEqualTo("%check");
        assertThat(query.get("sections").get(4).get("startLine").asInt()).isEqualTo(19);
        assertThat(query.get("sections").get(4).get("endLine").asInt()).isEqualTo(22);
        assertThat(query.get("bconds").get(0).get("default").asText()).isEqualTo("1");
        assertThat(query.get("diagnostics")).isEmpty();
    }

    @Test
    void queryOfAMissingFileFailsClearly() {
        CliRunner result =
                CliRunner.run("spec", "query", dir.resolve("missing.spec").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("missing.spec");
    }

    @Test
    void queryRendersCsvAndMarkdown() throws IOException {
        Path spec = dir.resolve("demo.spec");
        Files.writeString(spec, SPEC);
        String csv =
                CliRunner.run("spec", "query", "-O", "csv", spec.toString()).out();
        assertThat(csv).startsWith("item,line,value\r\n").contains("section,19-22,%check\r\n");
        String markdown = CliRunner.run("spec", "query", "-O", "markdown", spec.toString())
                .out();
        assertThat(markdown).startsWith("| item | line | value |\n| --- | --- | --- |\n");
    }
}
