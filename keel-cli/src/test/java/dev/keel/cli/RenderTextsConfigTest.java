package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's {@code render.texts} and {@code render.rpmautospec-version} settings through config
 * check, config dump and config schema.
 */
class RenderTextsConfigTest {

    @TempDir
    Path dir;

    private Path project(String texts) throws Exception {
        return projectWith("texts = \"%s\"".formatted(texts));
    }

    private Path projectWith(String render) throws Exception {
        Files.writeString(dir.resolve("azldev.toml"), """
                [project]
                render = { %s }

                [components.a]
                """.formatted(render));
        return dir;
    }

    @Test
    void dumpShowsTheSettingAndLoadsAgainToTheSameTree() throws Exception {
        Path root = project("azldev");

        CliRunner toml = CliRunner.run("-C", root.toString(), "config", "dump", "-f", "toml");
        CliRunner json = CliRunner.run("-C", root.toString(), "config", "dump", "-f", "json");

        assertThat(toml.exitCode()).as(toml.err()).isZero();
        assertThat(toml.out()).contains("[project.render]\ntexts = \"azldev\"\n");
        assertThat(new ObjectMapper()
                        .readTree(json.out())
                        .at("/project/render/texts")
                        .asText())
                .isEqualTo("azldev");
        Path again = Files.createDirectories(dir.resolve("again"));
        Files.writeString(again.resolve("keel.toml"), toml.out());
        assertThat(CliRunner.run("-C", again.toString(), "config", "dump", "-f", "toml")
                        .out())
                .isEqualTo(toml.out());
    }

    @Test
    void schemaListsTheTwoWordings() throws Exception {
        CliRunner schema = CliRunner.run("config", "schema");

        assertThat(schema.exitCode()).as(schema.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(schema.out());
        JsonNode texts = root.at("/$defs/ProjectRenderConfig/properties/texts");
        assertThat(texts.get("enum")).hasSize(2);
        assertThat(texts.get("enum").get(0).asText()).isEqualTo("keel");
        assertThat(texts.get("enum").get(1).asText()).isEqualTo("azldev");
        assertThat(root.at("/$defs/ProjectInfo/properties/render/$ref").asText())
                .isEqualTo("#/$defs/ProjectRenderConfig");
    }

    @Test
    void anUnknownWordingIsALocatedErrorWithAHint() throws Exception {
        Path root = project("azl");

        CliRunner check = CliRunner.run("-C", root.toString(), "config", "check");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).isEmpty();
        assertThat(check.err())
                .contains("error: invalid value 'azl' for 'texts'\n  --> "
                        + "azldev.toml:2:12\n   = key: project.render.texts\n")
                .contains("expected one of: keel, azldev");
    }

    @Test
    void theRpmautospecVersionIsDumpedAndLoadsAgain() throws Exception {
        Path root = projectWith("texts = \"azldev\", rpmautospec-version = \"0.8.3\"");

        CliRunner toml = CliRunner.run("-C", root.toString(), "config", "dump", "-f", "toml");
        CliRunner json = CliRunner.run("-C", root.toString(), "config", "dump", "-f", "json");

        assertThat(toml.exitCode()).as(toml.err()).isZero();
        assertThat(toml.out()).contains("[project.render]\ntexts = \"azldev\"\nrpmautospec-version = \"0.8.3\"\n");
        assertThat(new ObjectMapper()
                        .readTree(json.out())
                        .at("/project/render/rpmautospec-version")
                        .asText())
                .isEqualTo("0.8.3");
        Path again = Files.createDirectories(dir.resolve("again"));
        Files.writeString(again.resolve("keel.toml"), toml.out());
        assertThat(CliRunner.run("-C", again.toString(), "config", "dump", "-f", "toml")
                        .out())
                .isEqualTo(toml.out());
    }

    @Test
    void theSchemaGivesTheRpmautospecVersionItsPattern() throws Exception {
        JsonNode version = new ObjectMapper()
                .readTree(CliRunner.run("config", "schema").out())
                .at("/$defs/ProjectRenderConfig/properties/rpmautospec-version");

        assertThat(version.get("type").asText()).isEqualTo("string");
        assertThat(version.get("pattern").asText()).isEqualTo("^[0-9]+(\\.[0-9]+)*$");
        assertThat(version.get("description").asText()).contains("0.8.4");
    }

    @Test
    void aMalformedRpmautospecVersionIsALocatedErrorWithAHint() throws Exception {
        for (String bad : new String[] {"0.8.", "v0.8.4", "", "0.8.4 ", "0..8"}) {
            Path root = projectWith("rpmautospec-version = \"%s\"".formatted(bad));

            CliRunner check = CliRunner.run("-C", root.toString(), "config", "check");

            assertThat(check.exitCode()).as(bad).isEqualTo(1);
            assertThat(check.err())
                    .as(bad)
                    .contains("error: invalid rpmautospec version '" + bad + "'\n  --> "
                            + "azldev.toml:2:12\n"
                            + "   = key: project.render.rpmautospec-version\n")
                    .contains("use dot-separated numbers, e.g. \"0.8.4\"");
        }
    }

    @Test
    void aVersionThatIsNotAStringIsATypeError() throws Exception {
        Path root = projectWith("rpmautospec-version = 0.8");

        CliRunner check = CliRunner.run("-C", root.toString(), "config", "check");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("project.render.rpmautospec-version");
    }
}
