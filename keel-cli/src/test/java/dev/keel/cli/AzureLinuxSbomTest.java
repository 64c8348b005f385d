package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.audit.sbom.SbomValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance: the SBOM of the whole Azure Linux 4 configuration rendered against the rawhide spec
 * snapshot (into a temporary tree: the corpus is read-only). Valid against CycloneDX 1.6 and SPDX 2.3; every
 * overlay the configuration gives a component is a patch of it, or a note that it is not applied
 * here (an archive overlay against a spec snapshot); the counts are printed.
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
            CliRunner list = CliRunner.run("-C", config.toString(), "component", "list", "-a", "-O", "json");
            assertThat(list.exitCode()).as(list.err()).isZero();
            Map<String, Integer> configured = new TreeMap<>();
            SbomValidation.tree(list.out().getBytes(StandardCharsets.UTF_8))
                    .forEach(component -> configured.put(
                            component.path("name").asText(),
                            component.path("overlays").asInt()));
            PatchCounts counts = new PatchCounts();
            for (JsonNode component : bom.path("components")) {
                counts.add(component, configured);
            }
            System.out.println("Azure Linux SBOM patches: " + counts);
            assertThat(counts.mismatches)
                    .as("components whose overlays are not each a patch or a note")
                    .isEmpty();
            assertThat(counts.patches).isEqualTo(7_504);
            assertThat(counts.overlays).isEqualTo(168);
            assertThat(counts.notApplied)
                    .as("archive overlays, not run against a spec snapshot")
                    .isEqualTo(15);
            assertThat(sbom.err()).contains("7182 components");

            Path spdxOutput = dir.resolve("azl.spdx.json");
            CliRunner spdx = CliRunner.run(
                    "-C",
                    config.toString(),
                    "sbom",
                    "-a",
                    "-f",
                    "spdx",
                    "--upstream-specs",
                    specs,
                    "--specs-dir",
                    tree.toString(),
                    "-o",
                    spdxOutput.toString());
            assertThat(spdx.exitCode()).as(spdx.err()).isZero();
            byte[] spdxDocument = Files.readAllBytes(spdxOutput);
            assertThat(SbomValidation.spdxProblems(spdxDocument)).isEmpty();
            JsonNode spdxTree = SbomValidation.tree(spdxDocument);
            int overlayFiles = 0;
            for (JsonNode file : spdxTree.path("files")) {
                if (file.path("comment").asText().startsWith("Keel-Change: overlay ")) {
                    overlayFiles++;
                }
            }
            int patchesApplied = 0;
            for (JsonNode relationship : spdxTree.path("relationships")) {
                if (relationship.path("relationshipType").asText().equals("PATCH_APPLIED")) {
                    patchesApplied++;
                }
            }
            assertThat(overlayFiles).as("overlay patches in SPDX").isEqualTo(counts.overlays);
            assertThat(patchesApplied).as("PATCH_APPLIED relationships").isEqualTo(counts.patches);
        } finally {
            if (previousCache == null) {
                System.clearProperty(dev.keel.core.io.KeelCache.PROPERTY);
            } else {
                System.setProperty(dev.keel.core.io.KeelCache.PROPERTY, previousCache);
            }
        }
    }

    /**
     * The patches of the document's components, checked against the configuration: each configured
     * overlay of a component is one of its patches, or a note that it is not applied here.
     */
    private static final class PatchCounts {
        int patches;
        int overlays;
        int notApplied;
        final List<String> mismatches = new ArrayList<>();

        void add(JsonNode component, Map<String, Integer> configured) {
            String name = "";
            int notes = 0;
            for (JsonNode property : component.path("properties")) {
                if (property.path("name").asText().equals("keel:component")) {
                    name = property.path("value").asText();
                } else if (property.path("value").asText().contains(" is not applied here: ")) {
                    notes++;
                }
            }
            int applied = 0;
            for (JsonNode patch : component.path("pedigree").path("patches")) {
                patches++;
                if (SbomValidation.patchText(patch).startsWith("Keel-Change: overlay ")) {
                    applied++;
                }
            }
            overlays += applied;
            notApplied += notes;
            if (applied + notes != configured.getOrDefault(name, -1)) {
                mismatches.add(name + ": " + applied + " patches and " + notes + " notes for "
                        + configured.getOrDefault(name, -1) + " overlays");
            }
        }

        @Override
        public String toString() {
            return patches + " patches, " + overlays + " of them overlays, " + notApplied
                    + " overlays not applied (archive overlays)";
        }
    }
}
