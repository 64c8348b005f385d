package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.audit.sbom.SbomValidation;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel sbom} on the example distro, its upstream served over the git protocol on loopback:
 * both formats valid against the official schemas, every overlay a patch with its type, diff and
 * what it resolves, a CVE named in an overlay's description as resolved VEX, the same bytes for
 * any thread count, and nothing written for a stale tree.
 */
class SbomCommandTest {

    @TempDir
    Path dir;

    private ExampleDistro example;
    private String previousCache;

    @BeforeEach
    void renderTheExample() throws Exception {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        example = ExampleDistro.serve(dir, 0);
        Path hello = example.project().resolve("components/hello.comp.toml");
        Files.writeString(
                hello,
                Files.readString(hello)
                        .replace(
                                "Backport the fix for the empty-name crash",
                                "Backport the fix for the empty-name crash (CVE-2025-12345)"));
        try (Git git = Git.init().setDirectory(example.project().toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Start").setSign(false).call();
        }
        CliRunner render = keel("component", "render", "-a");
        assertThat(render.exitCode()).as(render.err()).isZero();
    }

    @AfterEach
    void close() {
        example.close();
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    private CliRunner keel(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", example.project().toString()));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private Path out(String name) {
        return example.project().resolve("out").resolve(name);
    }

    private static JsonNode component(JsonNode bom, String name) {
        for (JsonNode component : bom.path("components")) {
            if (component.path("name").asText().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("no component " + name);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    @Test
    void cycloneDxDescribesEveryOverlayAndTheCveItFixes() throws Exception {
        CliRunner sbom =
                keel("sbom", "-a", "-f", "cyclonedx", "-o", out("sbom.cdx.json").toString());

        assertThat(sbom.exitCode()).as(sbom.err()).isZero();
        assertThat(sbom.err())
                .contains("5 components, 19 patches, 0 licenses not valid SPDX, 1 CVE id resolved;"
                        + " 0 components not rendered");
        byte[] document = Files.readAllBytes(out("sbom.cdx.json"));
        assertThat(SbomValidation.cycloneDxProblems(document)).isEmpty();
        JsonNode bom = SbomValidation.tree(document);
        JsonNode hello = component(bom, "hello");
        assertThat(hello.path("purl").asText()).startsWith("pkg:rpm/upstream/hello@2.1-");
        JsonNode ancestor = hello.path("pedigree").path("ancestors").get(0);
        assertThat(ancestor.path("purl").asText()).contains("vcs_url=git%2Bgit%3A%2F%2F127.0.0.1");
        assertThat(ancestor.path("externalReferences").get(0).path("url").asText())
                .matches(".*#[0-9a-f]{40}");
        JsonNode patches = hello.path("pedigree").path("patches");
        List<String> changes = new ArrayList<>();
        for (JsonNode patch : patches) {
            String text = SbomValidation.patchText(patch);
            changes.add(patch.path("type").asText() + " " + text.substring(0, text.indexOf('\n')));
        }
        assertThat(changes)
                .containsExactly(
                        "unofficial Keel-Change: render: macros file (Keel's own step)",
                        "unofficial Keel-Change: overlay 1 (spec-add-tag)",
                        "unofficial Keel-Change: overlay 2 (spec-search-replace)",
                        "unofficial Keel-Change: overlay 3 (file-search-replace)",
                        "backport Keel-Change: overlay 4 (patch-add)",
                        "unofficial Keel-Change: build.check.skip (Keel's own step)",
                        "unofficial Keel-Change: render: header (Keel's own step)");
        JsonNode resolved = patches.get(4).path("resolves").get(0);
        assertThat(resolved.path("type").asText()).isEqualTo("security");
        assertThat(resolved.path("id").asText()).isEqualTo("CVE-2025-12345");
        assertThat(resolved.path("references").toString()).contains("https://example.org/hello/commit/5f1c2e9");
        assertThat(patches.get(4).path("resolves")).hasSize(1);
        JsonNode vulnerability = bom.path("vulnerabilities").get(0);
        assertThat(vulnerability.path("id").asText()).isEqualTo("CVE-2025-12345");
        assertThat(vulnerability.path("analysis").path("state").asText()).isEqualTo("resolved");
        assertThat(vulnerability.path("affects").get(0).path("ref").asText()).isEqualTo("component/hello");
    }

    @Test
    void spdxIsValidAndBothFormatsAreTheSameBytesForAnyThreadCount() throws Exception {
        for (String format : List.of("cyclonedx", "spdx")) {
            CliRunner one = keel(
                    "sbom",
                    "-a",
                    "-f",
                    format,
                    "-j",
                    "1",
                    "-o",
                    out(format + "-1.json").toString());
            CliRunner two = keel(
                    "sbom",
                    "-a",
                    "-f",
                    format,
                    "-j",
                    "2",
                    "-o",
                    out(format + "-2.json").toString());
            assertThat(one.exitCode()).as(one.err()).isZero();
            assertThat(two.exitCode()).as(two.err()).isZero();
            assertThat(Files.readAllBytes(out(format + "-1.json")))
                    .as(format)
                    .isEqualTo(Files.readAllBytes(out(format + "-2.json")));
        }
        byte[] spdx = Files.readAllBytes(out("spdx-1.json"));
        assertThat(SbomValidation.spdxProblems(spdx)).isEmpty();
        assertThat(new String(spdx, StandardCharsets.UTF_8))
                .contains("PATCH_APPLIED")
                .contains("DESCENDANT_OF")
                .contains("https://nvd.nist.gov/vuln/detail/CVE-2025-12345");
    }

    @Test
    void aStaleTreeWritesNothingAndSaysWhatToRender() throws Exception {
        Path spec = example.project().resolve("specs/p/pyfoo/pyfoo.spec");
        Files.writeString(spec, Files.readString(spec).replace("Summary:", "Summary: (edited)"));

        CliRunner sbom =
                keel("sbom", "-a", "-f", "spdx", "-o", out("stale.json").toString());

        assertThat(sbom.exitCode()).isEqualTo(1);
        assertThat(sbom.err())
                .contains("pyfoo")
                .contains("pyfoo.spec differ")
                .contains("run 'keel component render pyfoo'")
                .contains("no SBOM written");
        assertThat(out("stale.json")).doesNotExist();
    }

    @Test
    void theDocumentIsNotWrittenIntoTheProjectsOwnFiles() throws Exception {
        CliRunner sbom = keel(
                "sbom",
                "-a",
                "-f",
                "spdx",
                "-o",
                example.project().resolve("sbom.json").toString());

        assertThat(sbom.exitCode()).isEqualTo(1);
        assertThat(sbom.err()).contains("--output-file").contains("lies inside the project");
        assertThat(example.project().resolve("sbom.json")).doesNotExist();
    }

    @Test
    void aSpecsDirWhoseSpecLeadsOutOfTheTreeIsStaleAndNothingOutsideIsRead() throws Exception {
        Path copy = dir.resolve("copy");
        copyTree(example.project().resolve("specs"), copy);
        Path secret = Files.writeString(dir.resolve("secret.spec"), "Name: secret\nLicense: TOP-SECRET-TEXT\n");
        Path spec = copy.resolve("p/pyfoo/pyfoo.spec");
        Files.delete(spec);
        Files.createSymbolicLink(spec, secret);

        CliRunner sbom = keel(
                "sbom",
                "-a",
                "-f",
                "cyclonedx",
                "--specs-dir",
                copy.toString(),
                "-o",
                out("link.json").toString());

        assertThat(sbom.exitCode()).isEqualTo(1);
        assertThat(sbom.err()).contains("pyfoo").contains("no SBOM written").doesNotContain("TOP-SECRET-TEXT");
        assertThat(out("link.json")).doesNotExist();
    }

    @Test
    void aSpecsDirThatIsNotADirectoryIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-tree"), "x");
        for (Path specs : List.of(dir.resolve("missing"), file)) {
            CliRunner sbom = keel(
                    "sbom",
                    "-a",
                    "-f",
                    "spdx",
                    "--specs-dir",
                    specs.toString(),
                    "-o",
                    out("none.json").toString());

            assertThat(sbom.exitCode()).isEqualTo(1);
            assertThat(sbom.err())
                    .contains("no rendered specs")
                    .contains(specs.getFileName().toString());
            assertThat(out("none.json")).doesNotExist();
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
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
}
