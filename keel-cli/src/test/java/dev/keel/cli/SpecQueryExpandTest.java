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
        // The package's own provide needs the release.
        assertThat(query.get("expansion").fieldNames()).toIterable().containsExactly("release", "provides");
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
    void buildRequiresAndEachPackagesProvidesAndRequiresAreAdded() throws IOException {
        Path rendered = dir.resolve("rendered");
        Files.createDirectories(rendered);
        Path demo = rendered.resolve("demo.spec");
        Files.writeString(demo, """
                %{load:%{_sourcedir}/demo.azl.macros}
                %bcond tests 1
                %bcond_with docs
                Name: demo
                Version: 1.0
                Release: 2%{?dist}
                Summary: s
                License: MIT
                %if %{with tests}
                BuildRequires: pytest
                %endif
                %ifarch aarch64
                BuildRequires: arm-only
                %endif
                %if %{with docs}
                BuildRequires: sphinx
                %endif
                BuildRequires: gcc%{?_isa}, (a or b)
                BuildRequires: %{py3_dist foo}
                %description
                d
                %package devel
                Summary: x
                Requires: %{name}%{?_isa} = %{version}-%{release}
                %description devel
                x
                %files
                %files devel
                """);
        Files.writeString(rendered.resolve("demo.azl.macros"), "# generated\n%_without_tests 1\n");
        JsonNode query = JSON.readTree(
                CliRunner.run("spec", "query", "-O", "json", "--expand", "--define", "dist=.azl4", demo.toString())
                        .out());
        assertThat(query.get("buildRequires").toString()).isEqualTo("[\"(a or b)\",\"gcc(x86-64)\"]");
        assertThat(query.get("provides").toString()).isEqualTo("[\"demo = 1.0-2.azl4\",\"demo(x86-64) = 1.0-2.azl4\"]");
        JsonNode devel = query.get("subpackages").get(0);
        assertThat(devel.get("fullName").asText()).isEqualTo("demo-devel");
        assertThat(devel.get("requires").toString()).isEqualTo("[\"demo(x86-64) = 1.0-2.azl4\"]");
        assertThat(query.get("expansion").get("buildRequires").get(0).asText()).contains("%py3_dist is not defined");

        JsonNode arm = JSON.readTree(CliRunner.run(
                        "spec",
                        "query",
                        "-O",
                        "json",
                        "--expand",
                        "--target",
                        "aarch64",
                        "--with",
                        "docs",
                        demo.toString())
                .out());
        assertThat(arm.get("buildRequires").toString())
                .isEqualTo("[\"(a or b)\",\"arm-only\",\"gcc(aarch-64)\",\"sphinx\"]");
    }

    @Test
    void theTableListsTheBuildRequirements() {
        String table =
                CliRunner.run("spec", "query", "--expand", spec.toString()).out();
        assertThat(table).contains("provides         undeterminable: the version of python-demo (its own provide)");
    }

    @Test
    void expandOnlyOptionsNeedExpand() {
        for (String option : new String[] {"--with", "--without", "--target"}) {
            CliRunner alone = CliRunner.run("spec", "query", option, "x", spec.toString());
            assertThat(alone.exitCode()).isEqualTo(2);
            assertThat(alone.err()).contains(option + " needs --expand");
        }
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
