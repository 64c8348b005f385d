package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conformance: the real Azure Linux 4 configuration through the command line. */
class AzureLinuxCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path config;

    @BeforeAll
    static void locate() {
        config = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus", "azurelinux-4.0-config");
    }

    private static Map<String, JsonNode> listAll(Path project) throws Exception {
        CliRunner result = CliRunner.run("-C", project.toString(), "component", "list", "-a", "-O", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode component : JSON.readTree(result.out())) {
            byName.put(component.get("name").asText(), component);
        }
        return byName;
    }

    @Test
    void listsEveryComponentWithItsResolvedSpecSource() throws Exception {
        assumeTrue(Files.isDirectory(config), "corpus not found at " + config.toAbsolutePath() + "; skipping");
        Map<String, JsonNode> components = listAll(config);
        assertThat(components).hasSize(7_583);

        JsonNode curl = components.get("curl").get("spec");
        assertThat(curl.get("type").asText()).isEqualTo("upstream");
        assertThat(curl.get("upstreamDistro").get("name").asText()).isEqualTo("fedora");
        assertThat(curl.get("upstreamDistro").get("version").asText()).isEqualTo("43");
        assertThat(curl.get("upstreamDistro").get("snapshot").asText()).isEqualTo("2026-02-24T00:00:00-08:00");
        assertThat(curl.get("upstreamName").asText()).isEqualTo("curl");

        JsonNode java = components.get("java-25-openjdk");
        assertThat(java.get("spec").get("upstreamCommit").asText())
                .isEqualTo("6011214a0e0e5c6302d0d59b6e8805d049749420");
        assertThat(java.get("release").asText()).isEqualTo("manual");

        JsonNode bash = components.get("bash").get("spec");
        assertThat(bash.get("upstreamDistro").get("version").asText()).isEqualTo("rawhide");
        assertThat(components.get("javapackages-tools").get("overlays").asInt()).isEqualTo(9);
    }

    @Test
    void configDumpLoadsAgainToTheSameComponents(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(config), "corpus not found at " + config.toAbsolutePath() + "; skipping");
        CliRunner dump = CliRunner.run("-C", config.toString(), "config", "dump", "-f", "toml");
        assertThat(dump.exitCode()).as(dump.err()).isZero();
        assertThat(dump.out())
                .doesNotContain(config.toAbsolutePath().normalize().toString());
        // paths in the dump are relative to the project: it loads again from (a copy of) the project
        Path copy = dir.resolve("copy");
        try (java.util.stream.Stream<Path> files = Files.walk(config)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(config.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.delete(copy.resolve("azldev.toml"));
        Files.writeString(copy.resolve("keel.toml"), dump.out());

        Map<String, JsonNode> original = listAll(config);
        Map<String, JsonNode> reloaded = listAll(copy);
        original.values().forEach(node -> ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("definedAt"));
        reloaded.values().forEach(node -> ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("definedAt"));
        assertThat(reloaded).isEqualTo(original);

        CliRunner again = CliRunner.run("-C", copy.toString(), "config", "dump", "-O", "toml");
        assertThat(again.out()).isEqualTo(dump.out());
    }

    @Test
    void configCheckPassesWithTheDeprecationWarnings() {
        assumeTrue(Files.isDirectory(config), "corpus not found at " + config.toAbsolutePath() + "; skipping");
        CliRunner result = CliRunner.run("-C", config.toString(), "config", "check");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("ok: 213 files, 7583 components, 0 lock files, 4 warnings\n");
        assertThat(result.out()).contains("'channel' is deprecated");
    }
}
