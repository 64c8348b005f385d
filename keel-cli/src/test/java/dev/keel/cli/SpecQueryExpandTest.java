package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel spec query --expand [--define NAME=VALUE]...}. */
class SpecQueryExpandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPEC = """
            %global srcname demo
            %global commit 0123456789abcdef
            %global short %(c=%{commit}; echo ${c:0:7})
            %bcond_without docs
            Name:    python-%{srcname}
            Version: 1.%{with docs}
            Release: 2.git%{short}%{?dist}
            Summary: Demo
            License: MIT

            %description
            Demo.
            """;

    @TempDir
    Path dir;

    private Path spec;

    @BeforeEach
    void writeSpec() throws IOException {
        spec = dir.resolve("demo.spec");
        Files.writeString(spec, SPEC);
    }

    @Test
    void expandedValuesReplaceTheWrittenOnesAndReasonsExplainTheRest() throws IOException {
        CliRunner result =
                CliRunner.run("spec", "query", "-O", "json", "--expand", "--define", "dist=.fc45", spec.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode query = JSON.readTree(result.out());
        assertThat(query.get("name").asText()).isEqualTo("python-demo");
        assertThat(query.get("epoch").isNull()).isTrue();
        assertThat(query.get("version").asText()).isEqualTo("1.1");
        assertThat(query.get("release").isNull()).isTrue();
        assertThat(query.get("expansion").get("release").asText())
                .isEqualTo("line 3: the shell command %(c=0123456789abcdef; echo ${c:0:7}) is not run");
        assertThat(query.get("expansion").has("name")).isFalse();
        assertThat(query.get("sections")).isNotEmpty();
    }

    @Test
    void definesReachTheSpecAsOnRpmsCommandLine() throws IOException {
        CliRunner result = CliRunner.run(
                "spec",
                "query",
                "-O",
                "json",
                "--expand",
                "--define",
                "_without_docs=1",
                "--define",
                "x=1",
                spec.toString());
        JsonNode query = JSON.readTree(result.out());
        assertThat(query.get("version").asText()).isEqualTo("1.0");
        assertThat(query.get("expansion").fieldNames()).toIterable().containsExactly("release");
    }

    @Test
    void withoutExpandTheValuesStayAsWritten() throws IOException {
        JsonNode query = JSON.readTree(
                CliRunner.run("spec", "query", "-O", "json", spec.toString()).out());
        assertThat(query.get("release").asText()).isEqualTo("2.git%{short}%{?dist}");
        assertThat(query.has("expansion")).isFalse();
    }

    @Test
    void theTableShowsWhyAValueIsUndeterminable() {
        String table =
                CliRunner.run("spec", "query", "--expand", spec.toString()).out();
        assertThat(table).contains("python-demo").contains("undeterminable: line 3: the shell command");
    }

    @Test
    void defineNeedsExpandAndTheNameValueForm() {
        CliRunner alone = CliRunner.run("spec", "query", "--define", "dist=.fc45", spec.toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--define needs --expand");
        CliRunner malformed = CliRunner.run("spec", "query", "--expand", "--define", "dist", spec.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("expected NAME=VALUE");
    }
}
