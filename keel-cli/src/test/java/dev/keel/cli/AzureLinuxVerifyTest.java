package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance: {@code keel verify} over the real Azure Linux 4 configuration with the rawhide spec
 * snapshot (no network), in a copy rendered first, so nothing is written into the corpus.
 */
class AzureLinuxVerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static JsonNode component(JsonNode report, String name) {
        for (JsonNode component : report.get("components")) {
            if (component.get("component").asText().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void aRenderedCopyVerifiesAndATamperedLineIsNamed() throws Exception {
        Path corpus = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus");
        Path config = corpus.resolve("azurelinux-4.0-config");
        String specs = corpus.resolve("fedora-rawhide-specs").toString();
        assumeTrue(Files.isDirectory(config), "corpus not found at " + corpus.toAbsolutePath() + "; skipping");
        Path project = dir.resolve("azurelinux");
        copy(config, project);
        CliRunner render =
                CliRunner.run("-C", project.toString(), "component", "render", "-a", "-q", "--upstream-specs", specs);
        assertThat(render.exitCode())
                .as("some overlays do not apply to rawhide")
                .isEqualTo(1);

        CliRunner verify =
                CliRunner.run("-C", project.toString(), "verify", "-a", "--upstream-specs", specs, "-O", "json");

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        JsonNode report = JSON.readTree(verify.out());
        assertThat(report.get("summary").toString())
                .isEqualTo("{\"verified\":7583,\"differs\":0,\"unverifiable\":0,\"stale\":0}");
        assertThat(component(report, "javapackages-tools").get("notes").get(0).asText())
                .startsWith("its inputs do not render");
        assertThat(component(report, "PyQt4").get("notes").get(0).asText())
                .isEqualTo("no upstream spec PyQt4.spec, and the tree has no directory for it: nothing to check");

        Path curl = project.resolve("specs/c/curl/curl.spec");
        List<String> lines = new ArrayList<>(Files.readAllLines(curl));
        int summary = lines.indexOf(
                lines.stream().filter(l -> l.startsWith("Summary:")).findFirst().orElseThrow());
        lines.set(summary, "Summary: A tampered summary");
        Files.write(curl, lines);

        CliRunner tampered =
                CliRunner.run("-C", project.toString(), "verify", "-a", "--upstream-specs", specs, "-O", "json");

        assertThat(tampered.exitCode()).isEqualTo(1);
        JsonNode again = JSON.readTree(tampered.out());
        assertThat(again.get("summary").get("differs").asInt()).isEqualTo(1);
        JsonNode file = component(again, "curl").get("files").get(0);
        assertThat(file.get("file").asText()).isEqualTo("curl.spec");
        assertThat(file.get("linesAdded").asInt()).isEqualTo(1);
        assertThat(file.get("linesRemoved").asInt()).isEqualTo(1);
        assertThat(file.get("firstDifferentLine").asInt()).isEqualTo(summary + 1);
    }
}
