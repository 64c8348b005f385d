package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.audit.sbom.SbomValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance: the SBOM of the whole Azure Linux 4 configuration rendered against the rawhide spec
 * snapshot (into a temporary tree: the corpus is read-only). Valid against CycloneDX 1.6, every
 * overlay the render applies a patch of its component; the counts are printed.
 */
class AzureLinuxSbomTest {

    @TempDir
    Path dir;

    @Test
    void theWholeDistrosSbomIsValidAndHasEveryAppliedOverlay() throws Exception {
        Path corpus = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus");
        Path config = corpus.resolve("azurelinux-4.0-config");
        assumeTrue(Files.isDirectory(config), "corpus not found at " + config.toAbsolutePath() + "; skipping");
        String previousCache = System.getProperty(dev.keel.core.io.KeelCache.PROPERTY);
        System.setProperty(
                dev.keel.core.io.KeelCache.PROPERTY, dir.resolve("cache").toString());
        try {
            String specs = corpus.resolve("fedora-rawhide-specs").toString();
            Path tree = dir.resolve("specs");
            CliRunner render = CliRunner.run(
                    "-C",
                    config.toString(),
                    "component",
                    "render",
                    "-a",
                    "--upstream-specs",
                    specs,
                    "-o",
                    tree.toString());
            assertThat(render.exitCode())
                    .as("20 components fail against rawhide")
                    .isEqualTo(1);
            Path output = dir.resolve("azl.cdx.json");
            CliRunner sbom = CliRunner.run(
                    "-C",
                    config.toString(),
                    "sbom",
                    "-a",
                    "-f",
                    "cyclonedx",
                    "--upstream-specs",
                    specs,
                    "--specs-dir",
                    tree.toString(),
                    "-o",
                    output.toString());
            assertThat(sbom.exitCode()).as(sbom.err()).isZero();
            System.out.println("Azure Linux SBOM: "
                    + sbom.err()
                            .lines()
                            .filter(l -> l.startsWith("wrote"))
                            .findFirst()
                            .orElse(""));

            byte[] document = Files.readAllBytes(output);
            assertThat(SbomValidation.cycloneDxProblems(document)).isEmpty();
            JsonNode bom = SbomValidation.tree(document);
            assertThat(bom.path("components").size()).isEqualTo(7_182);
            int overlays = 0;
            for (JsonNode component : bom.path("components")) {
                for (JsonNode patch : component.path("pedigree").path("patches")) {
                    String text = new String(java.util.Base64.getDecoder()
                            .decode(patch.path("diff")
                                    .path("text")
                                    .path("content")
                                    .asText()));
                    if (text.startsWith("Keel-Change: overlay ")) {
                        overlays++;
                    }
                }
            }
            // check-overlays classifies 211 overlays of rendered components as applying on rawhide
            assertThat(overlays).isGreaterThan(150);
            assertThat(sbom.err()).contains("7182 components");
        } finally {
            if (previousCache == null) {
                System.clearProperty(dev.keel.core.io.KeelCache.PROPERTY);
            } else {
                System.setProperty(dev.keel.core.io.KeelCache.PROPERTY, previousCache);
            }
        }
    }
}
