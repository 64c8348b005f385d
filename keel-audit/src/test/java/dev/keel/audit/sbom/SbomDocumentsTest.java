package dev.keel.audit.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.audit.attest.BuiltOutputs;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.render.RenderEvidence;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.SpecSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SBOMs of a small distro rendered from a spec snapshot: both formats valid against the official
 * schemas, every overlay a patch with its type, diff and what it resolves, the CVEs as VEX, an
 * invalid License kept and reported, the same bytes whatever the thread count.
 */
class SbomDocumentsTest {

    private static final String SPEC = """
            Name: %s
            Version: 2.1
            Release: 3%%{?dist}
            Summary: The %s program
            License: %s

            %%description
            A program.

            %%build
            make

            %%files
            """;

    private static final String PATCH = """
            From 5f1c2e9 Mon Sep 17 00:00:00 2001
            Subject: [PATCH] Do not crash on an empty name (CVE-2024-33333)

            ---
            --- a/hello.c
            +++ b/hello.c
            @@ -1 +1 @@
            -old
            +new
            """;

    @TempDir
    Path dir;

    private Project project;
    private SpecSnapshot snapshot;
    private Path specs;

    private String projectToml(String hostileDescription) {
        return TestDistros.WITH_HELLO + """

                [[components.hello.overlays]]
                description = "Backport the fix for the empty-name crash (cve-2024-11111)"
                type = "patch-add"
                source = "patches/../patches/0001-fix-CVE-2024-22222.patch"
                metadata = { category = "upstream-backport", upstream-status = "upstreamed", commits = [{ url = "https://example.org/hello/commit/5f1c2e9abc" }], bugs = [{ url = "https://bugs.example.org/show_bug.cgi?id=42" }] }

                [[components.hello.overlays]]
                description = "%s"
                type = "spec-search-replace"
                section = "%%build"
                regex = "make"
                replacement = "make V=1"

                [components.oldlicense]
                [components.missing]
                """.formatted(hostileDescription);
    }

    @BeforeEach
    void renderTheDistro() throws Exception {
        Files.createDirectories(dir.resolve("patches"));
        Files.writeString(dir.resolve("patches/0001-fix-CVE-2024-22222.patch"), PATCH);
        String hostile = "CVE-24-1 CVE-2024-12 ".repeat(50_000) + "a megabyte of text";
        Files.writeString(dir.resolve("azldev.toml"), projectToml(hostile));
        project = new ProjectLoader(false).load(dir.resolve("azldev.toml"));
        Path upstream = Files.createDirectories(dir.resolve("upstream"));
        Files.writeString(
                upstream.resolve("hello.spec"),
                SPEC.formatted("hello", "hello", "MIT AND LicenseRef-Fedora-Public-Domain"));
        Files.writeString(upstream.resolve("oldlicense.spec"), SPEC.formatted("oldlicense", "old", "GPLv2+ and BSD"));
        snapshot = SpecSnapshot.open(upstream);
        specs = dir.resolve("specs");
        new RenderPipeline(
                        project, snapshot, new RenderPipeline.Options(specs, false, true, false, 1, dir.resolve("c")))
                .run(project.components().values(), result -> {});
    }

    private SbomCollector.Result collect(int jobs) throws Exception {
        SbomCollector collector = new SbomCollector(
                project, Map.of("dist", ".od1"), "keel test", Instant.ofEpochSecond(1_700_000_000), BuiltOutputs.NONE);
        return collector.collect(
                new RenderEvidence(project, snapshot, specs),
                project.components().values(),
                jobs,
                collector.writer(SbomFormat.CYCLONEDX));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    @Test
    void theCollectionCountsWhatADistroOwnerChecks() throws Exception {
        SbomCollector.Result result = collect(2);

        assertThat(result.problems()).isEmpty();
        assertThat(result.notRendered())
                .containsExactly(new SbomCollector.NotRendered("missing", "no upstream spec missing.spec"));
        Sbom sbom = result.sbom();
        assertThat(sbom.componentCount()).isEqualTo(2);
        assertThat(sbom.patchCount()).isEqualTo(5);
        assertThat(sbom.cves()).containsExactly("CVE-2024-11111", "CVE-2024-22222", "CVE-2024-33333");
        assertThat(sbom.invalidLicenses()).singleElement().satisfies(invalid -> {
            assertThat(invalid.component()).isEqualTo("oldlicense");
            assertThat(invalid.text()).isEqualTo("GPLv2+ and BSD");
            assertThat(invalid.problems()).isNotEmpty();
        });
    }

    @Test
    void cycloneDxHasEveryOverlayAsAPatchAndTheCvesAsVex() throws Exception {
        byte[] document = SbomFormat.CYCLONEDX.write(collect(2).sbom());

        assertThat(SbomValidation.cycloneDxProblems(document)).isEmpty();
        JsonNode bom = SbomValidation.tree(document);
        assertThat(bom.path("serialNumber").asText()).startsWith("urn:uuid:");
        assertThat(bom.path("metadata").has("timestamp")).isFalse();
        JsonNode hello = bom.path("components").get(0);
        assertThat(hello.path("name").asText()).isEqualTo("hello");
        assertThat(hello.path("version").asText()).isEqualTo("2.1-3.od1");
        assertThat(hello.path("purl").asText())
                .isEqualTo("pkg:rpm/ourdistro/hello@2.1-3.od1?arch=src&distro=ourdistro-1");
        assertThat(hello.path("licenses").get(0).path("expression").asText())
                .isEqualTo("MIT AND LicenseRef-Fedora-Public-Domain");
        JsonNode ancestor = hello.path("pedigree").path("ancestors").get(0);
        assertThat(ancestor.path("purl").asText())
                .isEqualTo("pkg:rpm/fedora/hello@2.1-3.fc43?arch=src&distro=fedora-43");
        JsonNode patches = hello.path("pedigree").path("patches");
        assertThat(texts(patches, "type")).containsExactly("unofficial", "backport", "unofficial", "unofficial");
        assertThat(patches.get(1).path("diff").path("text").path("encoding").asText())
                .isEqualTo("base64");
        String backport = SbomValidation.patchText(patches.get(1));
        assertThat(backport)
                .startsWith("Keel-Change: overlay 2 (patch-add)\nKeel-Location: azldev.toml:")
                .contains("Keel-Category: upstream-backport, upstreamed\n")
                .contains("--- /dev/null\n+++ b/0001-fix-CVE-2024-22222.patch\n")
                .contains("+Patch");
        assertThat(texts(patches.get(1).path("resolves"), "id"))
                .containsExactly(
                        "CVE-2024-11111",
                        "CVE-2024-22222",
                        "CVE-2024-33333",
                        "https://bugs.example.org/show_bug.cgi?id=42");
        assertThat(texts(patches.get(1).path("resolves"), "type"))
                .containsExactly("security", "security", "security", "defect");
        assertThat(SbomValidation.patchText(patches.get(3)))
                .startsWith("Keel-Change: render: header (Keel's own step)\n");
        assertThat(hello.path("pedigree").path("commits").get(0).path("uid").asText())
                .isEqualTo("5f1c2e9abc");

        JsonNode vulnerabilities = bom.path("vulnerabilities");
        assertThat(texts(vulnerabilities, "id")).containsExactly("CVE-2024-11111", "CVE-2024-22222", "CVE-2024-33333");
        JsonNode first = vulnerabilities.get(0);
        assertThat(first.path("analysis").path("state").asText()).isEqualTo("resolved");
        assertThat(first.path("analysis").path("response").get(0).asText()).isEqualTo("update");
        assertThat(first.path("analysis").path("detail").asText()).contains("overlay 2 (patch-add)");
        assertThat(first.path("affects").get(0).path("ref").asText()).isEqualTo("component/hello");
        assertThat(first.path("affects")
                        .get(0)
                        .path("versions")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("unaffected");
    }

    @Test
    void aLicenseIsWrittenAlikeWhateverElseTheSpdxDocumentHolds() throws Exception {
        Sbom sbom = collect(2).sbom();
        SbomComponent first = sbom.components().get(0);
        List<String> expressions = List.of(
                "MIT AND LicenseRef-Fedora-Public-Domain AND Zlib AND LicenseRef-Callaway-MIT AND BSD-3-Clause",
                "(GPL-2.0-or-later OR LicenseRef-A) AND LicenseRef-B AND LicenseRef-C AND LicenseRef-D AND ISC",
                "LicenseRef-E AND LicenseRef-F AND LicenseRef-G AND LicenseRef-H AND LicenseRef-I AND MIT");
        List<SbomComponent> licensed = new ArrayList<>();
        for (String expression : expressions) {
            licensed.add(withLicense(first, "licensed-" + licensed.size(), expression));
        }
        List<String> alone = declaredLicenses(new Sbom(sbom.distro(), "keel 1", sbom.created(), licensed));
        List<SbomComponent> more = new ArrayList<>(licensed);
        more.add(withLicense(first, "other", "Apache-2.0"));
        List<String> withMore = declaredLicenses(new Sbom(sbom.distro(), "keel 2", sbom.created(), more));

        assertThat(withMore.subList(0, alone.size())).isEqualTo(alone);
    }

    @Test
    void aLicenseRefSpelledInTwoCasesIsOneLicense() throws Exception {
        SbomComponent first = collect(2).sbom().components().get(0);
        Sbom sbom = collect(2).sbom();
        List<SbomComponent> components = List.of(
                withLicense(first, "upper", "MIT AND LicenseRef-Fedora-Public-Domain"),
                withLicense(first, "lower", "LicenseRef-Fedora-public-domain"));

        byte[] spdx = SbomFormat.SPDX.write(new Sbom(sbom.distro(), "keel 1", sbom.created(), components));

        assertThat(SbomValidation.spdxProblems(spdx)).isEmpty();
        JsonNode extracted = SbomValidation.tree(spdx).path("hasExtractedLicensingInfos");
        assertThat(texts(extracted, "licenseId")).containsExactly("LicenseRef-Fedora-Public-Domain");
    }

    private static SbomComponent withLicense(SbomComponent component, String name, String expression) {
        return new SbomComponent(
                name,
                component.summary(),
                component.version(),
                component.release(),
                component.epoch(),
                component.purl().replace(component.name() + "@", name + "@"),
                Optional.of(LicenseCheck.check(expression)),
                component.specSha256(),
                component.ancestor(),
                component.patches(),
                component.notes());
    }

    /** The declared license of each component package, in the document's order. */
    private static List<String> declaredLicenses(Sbom sbom) throws Exception {
        byte[] spdx = SbomFormat.SPDX.write(sbom);
        assertThat(SbomValidation.spdxProblems(spdx)).isEmpty();
        List<String> licenses = new ArrayList<>();
        for (JsonNode pkg : SbomValidation.tree(spdx).path("packages")) {
            if (pkg.path("SPDXID").asText().startsWith("SPDXRef-Package-")) {
                licenses.add(pkg.path("licenseDeclared").asText());
            }
        }
        return licenses;
    }

    @Test
    void anInvalidLicenseIsKeptAndReportedInBothFormats() throws Exception {
        Sbom sbom = collect(1).sbom();
        JsonNode bom = SbomValidation.tree(SbomFormat.CYCLONEDX.write(sbom));
        JsonNode old = bom.path("components").get(1);
        assertThat(old.path("licenses").get(0).path("license").path("name").asText())
                .isEqualTo("GPLv2+ and BSD");
        assertThat(texts(old.path("properties"), "name")).contains("keel:license-problem");

        byte[] spdx = SbomFormat.SPDX.write(sbom);
        assertThat(SbomValidation.spdxProblems(spdx)).isEmpty();
        JsonNode document = SbomValidation.tree(spdx);
        JsonNode oldPackage = null;
        for (JsonNode pkg : document.path("packages")) {
            if (pkg.path("SPDXID").asText().startsWith("SPDXRef-Package-")
                    && pkg.path("name").asText().equals("oldlicense")) {
                oldPackage = pkg;
            }
        }
        assertThat(oldPackage).isNotNull();
        assertThat(oldPackage.path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(oldPackage.path("licenseComments").asText()).contains("GPLv2+ and BSD");
    }

    @Test
    void spdxRelatesEveryPatchAndAncestorToItsComponent() throws Exception {
        byte[] spdx = SbomFormat.SPDX.write(collect(2).sbom());

        assertThat(SbomValidation.spdxProblems(spdx)).isEmpty();
        JsonNode document = SbomValidation.tree(spdx);
        assertThat(document.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(document.path("creationInfo").path("created").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(document.path("documentNamespace").asText()).startsWith("urn:uuid:");
        List<String> types = texts(document.path("relationships"), "relationshipType");
        assertThat(types.stream().filter("PATCH_APPLIED"::equals)).hasSize(5);
        assertThat(types.stream().filter("DESCENDANT_OF"::equals)).hasSize(2);
        assertThat(types.stream().filter("DESCRIBES"::equals)).hasSize(2);
        assertThat(texts(document.path("files"), "fileName"))
                .allSatisfy(name -> assertThat(name).startsWith("./patches/").doesNotContain(".."));
        assertThat(texts(document.path("hasExtractedLicensingInfos"), "licenseId"))
                .containsExactly("LicenseRef-Fedora-Public-Domain");
        assertThat(document.toString()).contains("patch type: backport").contains("CVE-2024-22222");
    }

    @Test
    void theDocumentsAreTheSameBytesWhateverTheThreadCount() throws Exception {
        Sbom one = collect(1).sbom();
        Sbom two = collect(2).sbom();

        for (SbomFormat format : SbomFormat.values()) {
            assertThat(Arrays.equals(format.write(two), format.write(one)))
                    .as("the same %s bytes", format)
                    .isTrue();
        }
        assertThat(new String(SbomFormat.CYCLONEDX.write(one), StandardCharsets.UTF_8))
                .doesNotContain(dir.toString());
    }

    @Test
    void anOverlaySourceOutsideTheProjectIsRefusedBeforeAnySbom() throws Exception {
        Files.writeString(
                dir.resolve("azldev.toml"), projectToml("x").replace("patches/../patches/0001", "../outside/0001"));

        assertThatThrownBy(() -> new ProjectLoader(false).load(dir.resolve("azldev.toml")))
                .isInstanceOf(ConfigException.class);
    }
}
