package dev.keel.audit.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.audit.attest.BuiltOutputs;
import dev.keel.audit.attest.TestRpms;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.io.Digests;
import dev.keel.core.render.RenderEvidence;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.SpecSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPMs of a component's last build in the SBOM, from RPM files laid out as rpm writes them: a
 * build of the rendered files is described in both formats (valid against the official schemas),
 * each RPM related to what it was built from; a build of other files, or one whose files are
 * damaged or hostile, is left out with a reason, never an exception.
 */
class SbomBuildsTest {

    private static final String SPEC = """
            Name: hello
            Epoch: 2
            Version: 2.1
            Release: 3%{?dist}
            Summary: The hello program
            License: MIT

            %description
            A program.

            %files
            """;

    private static final String SOURCE_RPM = "hello-2.1-3.od1.src.rpm";

    @TempDir
    Path dir;

    private Project project;
    private SpecSnapshot snapshot;
    private Path specs;
    private Path out;

    @BeforeEach
    void renderTheDistro() throws Exception {
        // hello's overlay resolves a CVE, so that VEX names its package
        Files.writeString(
                dir.resolve("azldev.toml"),
                TestDistros.WITH_HELLO.replace(
                        "type = \"spec-add-tag\"\n",
                        "type = \"spec-add-tag\"\ndescription = \"Provide greeting (CVE-2024-12345)\"\n"));
        project = new ProjectLoader(false).load(dir.resolve("azldev.toml"));
        Path upstream = Files.createDirectories(dir.resolve("upstream"));
        Files.writeString(upstream.resolve("hello.spec"), SPEC);
        snapshot = SpecSnapshot.open(upstream);
        specs = dir.resolve("specs");
        new RenderPipeline(
                        project, snapshot, new RenderPipeline.Options(specs, false, true, false, 1, dir.resolve("c")))
                .run(project.components().values(), result -> {});
        out = Files.createDirectories(dir.resolve("out"));
    }

    private String renderedSpecSha256() throws IOException {
        return Digests.hex("SHA-256", specs.resolve("h/hello/hello.spec"));
    }

    /** The tags that name a package, as rpmbuild writes them. */
    private static List<TestRpms.Tag> named(String name, String arch, String license) {
        return new ArrayList<>(List.of(
                TestRpms.string(1000, name),
                TestRpms.string(1001, "2.1"),
                TestRpms.string(1002, "3.od1"),
                TestRpms.int32(1003, 2),
                new TestRpms.Tag(1004, 9, 1, ("Summary of " + name + "\0").getBytes(StandardCharsets.UTF_8)),
                TestRpms.string(1014, license),
                TestRpms.string(1022, arch)));
    }

    private Path sourceRpm(String specSha256) throws IOException {
        List<TestRpms.Tag> tags = named("hello", "x86_64", "MIT");
        tags.add(TestRpms.int32(5011, 8));
        tags.add(TestRpms.strings(1117, List.of("hello.spec")));
        tags.add(TestRpms.strings(1035, List.of(specSha256)));
        return TestRpms.write(out.resolve("srpms").resolve(SOURCE_RPM), tags);
    }

    private Path rpm(String name, String arch, String license) throws IOException {
        List<TestRpms.Tag> tags = named(name, arch, license);
        tags.add(TestRpms.string(1044, SOURCE_RPM));
        return TestRpms.write(out.resolve("rpms").resolve(name + "-2.1-3.od1." + arch + ".rpm"), tags);
    }

    /** A build of the rendered files: the source RPM, hello and hello-doc (whose License is not SPDX). */
    private List<Path> linkedBuild() throws IOException {
        return List.of(
                sourceRpm(renderedSpecSha256()), rpm("hello-doc", "noarch", "GPLv2+"), rpm("hello", "x86_64", "MIT"));
    }

    private SbomCollector.Result collect(BuiltOutputs built) throws Exception {
        SbomCollector collector = new SbomCollector(
                project, Map.of("dist", ".od1"), "keel test", Instant.ofEpochSecond(1_700_000_000), built);
        return collector.collect(
                new RenderEvidence(project, snapshot, specs),
                project.components().values(),
                2,
                collector.writer(SbomFormat.CYCLONEDX));
    }

    private SbomCollector.Result collect(List<Path> files) throws Exception {
        return collect(component -> new BuiltOutputs.Published(files));
    }

    private static JsonNode withField(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("nothing with " + field + " " + value + " in " + array);
    }

    @Test
    void aBuildOfTheRenderedFilesIsDescribedInCycloneDx() throws Exception {
        List<Path> files = linkedBuild();
        SbomCollector.Result result = collect(files);

        assertThat(result.unlinkedBuilds()).isEmpty();
        Sbom sbom = result.sbom();
        assertThat(sbom.buildCount()).isEqualTo(1);
        assertThat(sbom.rpmCount()).isEqualTo(3);
        assertThat(sbom.invalidLicenses())
                .extracting(Sbom.InvalidLicense::component, Sbom.InvalidLicense::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hello: hello-doc-2.1-3.od1.noarch.rpm", "GPLv2+"));
        byte[] document = SbomFormat.CYCLONEDX.write(sbom);
        assertThat(SbomValidation.cycloneDxProblems(document)).isEmpty();
        JsonNode bom = SbomValidation.tree(document);
        JsonNode components = bom.path("components");
        assertThat(components.findValuesAsText("bom-ref"))
                .containsExactly(
                        "component/hello",
                        "component/hello/" + SOURCE_RPM,
                        "component/hello/hello-2.1-3.od1.x86_64.rpm",
                        "component/hello/hello-doc-2.1-3.od1.noarch.rpm");
        JsonNode source = withField(components, "bom-ref", "component/hello/" + SOURCE_RPM);
        assertThat(source.path("type").asText()).isEqualTo("library");
        assertThat(source.path("purl").asText())
                .isEqualTo("pkg:rpm/ourdistro/hello@2.1-3.od1?arch=src&distro=ourdistro-1&epoch=2");
        assertThat(source.path("hashes").get(0).path("content").asText())
                .isEqualTo(Digests.hex("SHA-256", files.get(0)));
        assertThat(source.path("licenses").get(0).path("expression").asText()).isEqualTo("MIT");
        JsonNode doc = withField(components, "name", "hello-doc");
        assertThat(doc.path("purl").asText())
                .isEqualTo("pkg:rpm/ourdistro/hello-doc@2.1-3.od1?arch=noarch&distro=ourdistro-1&epoch=2");
        assertThat(doc.path("version").asText()).isEqualTo("2.1-3.od1");
        assertThat(doc.path("description").asText()).isEqualTo("Summary of hello-doc");
        assertThat(doc.path("licenses").get(0).path("license").path("name").asText())
                .isEqualTo("GPLv2+");
        assertThat(withField(doc.path("properties"), "name", "keel:source-rpm")
                        .path("value")
                        .asText())
                .isEqualTo(SOURCE_RPM);
        assertThat(withField(doc.path("properties"), "name", "keel:built-from")
                        .path("value")
                        .asText())
                .isEqualTo("component/hello/" + SOURCE_RPM);
        assertThat(doc.path("properties").findValuesAsText("name")).contains("keel:license-problem");

        JsonNode dependencies = bom.path("dependencies");
        assertThat(withField(dependencies, "ref", "component/hello")
                        .path("provides")
                        .toString())
                .isEqualTo("[\"component/hello/" + SOURCE_RPM + "\"]");
        assertThat(withField(dependencies, "ref", "component/hello/" + SOURCE_RPM)
                        .path("provides")
                        .toString())
                .isEqualTo(
                        "[\"component/hello/hello-2.1-3.od1.x86_64.rpm\",\"component/hello/hello-doc-2.1-3.od1.noarch.rpm\"]");
    }

    @Test
    void aBuildOfTheRenderedFilesIsDescribedInSpdx() throws Exception {
        List<Path> files = linkedBuild();
        byte[] document = SbomFormat.SPDX.write(collect(files).sbom());

        assertThat(SbomValidation.spdxProblems(document)).isEmpty();
        JsonNode spdx = SbomValidation.tree(document);
        JsonNode packages = spdx.path("packages");
        JsonNode source = withField(packages, "packageFileName", SOURCE_RPM);
        assertThat(source.path("primaryPackagePurpose").asText()).isEqualTo("SOURCE");
        assertThat(source.path("checksums").get(0).path("checksumValue").asText())
                .isEqualTo(Digests.hex("SHA-256", files.get(0)));
        assertThat(source.path("externalRefs").findValuesAsText("referenceLocator"))
                .contains("pkg:rpm/ourdistro/hello@2.1-3.od1?arch=src&distro=ourdistro-1&epoch=2");
        JsonNode binary = withField(packages, "packageFileName", "hello-2.1-3.od1.x86_64.rpm");
        assertThat(binary.path("primaryPackagePurpose").asText()).isEqualTo("INSTALL");
        assertThat(binary.path("versionInfo").asText()).isEqualTo("2.1-3.od1");
        assertThat(binary.path("licenseDeclared").asText()).isEqualTo("MIT");
        JsonNode doc = withField(packages, "packageFileName", "hello-doc-2.1-3.od1.noarch.rpm");
        assertThat(doc.path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(doc.path("licenseComments").asText())
                .startsWith("The RPM's License tag is not a valid SPDX license expression: GPLv2+");

        String component = withField(packages, "name", "hello").path("SPDXID").asText();
        List<String> relationships = new ArrayList<>();
        for (JsonNode relationship : spdx.path("relationships")) {
            relationships.add(relationship.path("spdxElementId").asText() + " "
                    + relationship.path("relationshipType").asText() + " "
                    + relationship.path("relatedSpdxElement").asText());
        }
        for (JsonNode pkg : List.of(source, binary, doc)) {
            assertThat(relationships)
                    .contains("SPDXRef-DOCUMENT DESCRIBES " + pkg.path("SPDXID").asText());
        }
        assertThat(relationships)
                .contains(source.path("SPDXID").asText() + " GENERATED_FROM " + component)
                .contains(binary.path("SPDXID").asText() + " GENERATED_FROM "
                        + source.path("SPDXID").asText())
                .contains(doc.path("SPDXID").asText() + " GENERATED_FROM "
                        + source.path("SPDXID").asText());
        assertThat(component).startsWith("SPDXRef-Package-");
    }

    private static final String SOURCE_PURL = "pkg:rpm/ourdistro/hello@2.1-3.od1?arch=src&distro=ourdistro-1&epoch=2";

    /** The package URLs given more than once. */
    private static List<String> duplicates(List<String> purls) {
        return purls.stream()
                .filter(purl -> java.util.Collections.frequency(purls, purl) > 1)
                .toList();
    }

    @Test
    void theSourcePackageHasOnePackageUrlInCycloneDxTheSourceRpmsWhenItsBuildIsDescribed() throws Exception {
        JsonNode rendered = SbomValidation.tree(
                SbomFormat.CYCLONEDX.write(collect(BuiltOutputs.NONE).sbom()));
        assertThat(withField(rendered.path("components"), "bom-ref", "component/hello")
                        .path("purl")
                        .asText())
                .as("no build: the source component is the source package")
                .isEqualTo(SOURCE_PURL);

        byte[] document = SbomFormat.CYCLONEDX.write(collect(linkedBuild()).sbom());
        assertThat(SbomValidation.cycloneDxProblems(document)).isEmpty();
        JsonNode bom = SbomValidation.tree(document);
        JsonNode components = bom.path("components");
        JsonNode component = withField(components, "bom-ref", "component/hello");
        assertThat(component.has("purl")).isFalse();
        assertThat(withField(component.path("properties"), "name", "keel:source-rpm")
                        .path("value")
                        .asText())
                .isEqualTo(SOURCE_RPM);
        assertThat(withField(components, "bom-ref", "component/hello/" + SOURCE_RPM)
                        .path("purl")
                        .asText())
                .isEqualTo(SOURCE_PURL);
        assertThat(duplicates(bom.findValuesAsText("purl"))).isEmpty();

        JsonNode vulnerability = withField(bom.path("vulnerabilities"), "id", "CVE-2024-12345");
        assertThat(vulnerability.path("analysis").path("detail").asText())
                .startsWith("Fixed in " + SOURCE_PURL + " by ");
        JsonNode affects = vulnerability.path("affects");
        assertThat(affects.findValuesAsText("ref"))
                .as("the component and every RPM built from it, for scanners of installed packages")
                .containsExactly(
                        "component/hello",
                        "component/hello/" + SOURCE_RPM,
                        "component/hello/hello-2.1-3.od1.x86_64.rpm",
                        "component/hello/hello-doc-2.1-3.od1.noarch.rpm");
        assertThat(withField(affects, "ref", "component/hello/hello-2.1-3.od1.x86_64.rpm")
                        .path("versions")
                        .toString())
                .isEqualTo("[{\"version\":\"2.1-3.od1\",\"status\":\"unaffected\"}]");
        assertThat(withField(affects, "ref", "component/hello/" + SOURCE_RPM)
                        .path("versions")
                        .toString())
                .isEqualTo("[{\"version\":\"2.1-3.od1\",\"status\":\"unaffected\"}]");
    }

    @Test
    void theSourcePackageHasOnePackageUrlInSpdxTheSourceRpmsWhenItsBuildIsDescribed() throws Exception {
        JsonNode rendered = SbomValidation.tree(
                SbomFormat.SPDX.write(collect(BuiltOutputs.NONE).sbom()));
        assertThat(withField(rendered.path("packages"), "name", "hello")
                        .path("externalRefs")
                        .findValuesAsText("referenceLocator"))
                .contains(SOURCE_PURL);

        byte[] document = SbomFormat.SPDX.write(collect(linkedBuild()).sbom());
        assertThat(SbomValidation.spdxProblems(document)).isEmpty();
        JsonNode packages = SbomValidation.tree(document).path("packages");
        JsonNode component = withField(packages, "name", "hello");
        assertThat(component.path("externalRefs").findValuesAsText("referenceType"))
                .as("its advisories, not its package URL")
                .containsExactly("advisory");
        assertThat(component.path("comment").asText())
                .contains("Its package URL is on its source RPM, " + SOURCE_RPM + ", which is GENERATED_FROM it.");
        assertThat(withField(packages, "packageFileName", SOURCE_RPM)
                        .path("externalRefs")
                        .findValuesAsText("referenceLocator"))
                .containsExactlyInAnyOrder(SOURCE_PURL, "https://nvd.nist.gov/vuln/detail/CVE-2024-12345");
        assertThat(withField(packages, "packageFileName", "hello-2.1-3.od1.x86_64.rpm")
                        .path("externalRefs")
                        .findValuesAsText("referenceType"))
                .as("a binary RPM has the advisory too, for scanners of installed packages")
                .containsExactlyInAnyOrder("purl", "advisory");
        List<String> purls = new ArrayList<>();
        for (JsonNode pkg : packages) {
            for (JsonNode reference : pkg.path("externalRefs")) {
                if (reference.path("referenceType").asText().equals("purl")) {
                    purls.add(reference.path("referenceLocator").asText());
                }
            }
        }
        assertThat(purls).hasSize(4);
        assertThat(duplicates(purls)).isEmpty();
    }

    @Test
    void theDocumentsNameTheBuildInTheirSerialNumberAndNamespace() throws Exception {
        Sbom rendered = collect(BuiltOutputs.NONE).sbom();
        List<Path> files = linkedBuild();
        Sbom built = collect(files).sbom();
        Sbom again = collect(files).sbom();

        for (SbomFormat format : SbomFormat.values()) {
            assertThat(format.write(again)).as(format.name()).isEqualTo(format.write(built));
        }
        assertThat(built.contentId("cyclonedx")).isNotEqualTo(rendered.contentId("cyclonedx"));
        assertThat(built.contentId("spdx")).isNotEqualTo(rendered.contentId("spdx"));
        Files.write(files.get(2), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(collect(files).sbom().contentId("spdx")).isNotEqualTo(built.contentId("spdx"));
    }

    private List<String> unlinked(List<Path> files) throws Exception {
        return unlinked(collect(files));
    }

    private List<String> unlinked(SbomCollector.Result result) {
        assertThat(result.problems()).isEmpty();
        assertThat(result.sbom().buildCount()).isZero();
        assertThat(result.sbom().componentCount()).isEqualTo(1);
        assertThat(result.unlinkedBuilds()).hasSize(1);
        assertThat(result.unlinkedBuilds().get(0).component()).isEqualTo("hello");
        assertThat(SbomValidation.cycloneDxProblems(SbomFormat.CYCLONEDX.write(result.sbom())))
                .isEmpty();
        return result.unlinkedBuilds().get(0).problems();
    }

    @Test
    void aBuildWhoseFilesAreNotAsItPublishedThemIsLeftOutWithTheReasons() throws Exception {
        List<Path> files = linkedBuild();
        List<String> problems = List.of(
                "rpms/hello-2.1-3.od1.x86_64.rpm is missing from the output directory",
                "../elsewhere.rpm leads out of the output directory, so it is not read");

        assertThat(unlinked(collect(component -> new BuiltOutputs.Damaged(problems))))
                .isEqualTo(problems);
        assertThat(collect(component -> new BuiltOutputs.NotBuilt()).unlinkedBuilds())
                .as("no build recorded: nothing to say")
                .isEmpty();
        assertThat(collect(files).sbom().buildCount()).isEqualTo(1);
    }

    @Test
    void aBuildOfOtherRenderedFilesIsLeftOut() throws Exception {
        List<Path> files = List.of(sourceRpm("00".repeat(32)), rpm("hello", "x86_64", "MIT"));
        assertThat(unlinked(files)).containsExactly(SOURCE_RPM + " holds another hello.spec than the rendered one");

        List<Path> otherSource = List.of(sourceRpm(renderedSpecSha256()), rpm("hello", "x86_64", "MIT"));
        List<TestRpms.Tag> tags = named("hello", "x86_64", "MIT");
        tags.add(TestRpms.string(1044, "hello-1.0-1.src.rpm"));
        TestRpms.write(otherSource.get(1), tags);
        assertThat(unlinked(otherSource))
                .containsExactly("hello-2.1-3.od1.x86_64.rpm was built from hello-1.0-1.src.rpm, not " + SOURCE_RPM);
    }

    @Test
    void damagedOrHostileFilesAreLeftOutWithTheReason() throws Exception {
        List<Path> files = linkedBuild();
        byte[] binary = Files.readAllBytes(files.get(2));
        Files.write(files.get(2), Arrays.copyOf(binary, 150));
        assertThat(unlinked(files))
                .containsExactly(
                        "cannot read the header of hello-2.1-3.od1.x86_64.rpm: the file ends inside the header");

        Files.writeString(files.get(0), "not an RPM: a file of text where the build's source RPM was".repeat(3));
        assertThat(unlinked(List.of(files.get(0))))
                .containsExactly("cannot read the header of " + SOURCE_RPM + ": not an RPM file (no RPM lead)");

        List<TestRpms.Tag> nameless = named("hello", "x86_64", "MIT").subList(1, 7);
        List<TestRpms.Tag> tags = new ArrayList<>(nameless);
        tags.add(TestRpms.int32(5011, 8));
        tags.add(TestRpms.strings(1117, List.of("hello.spec")));
        tags.add(TestRpms.strings(1035, List.of(renderedSpecSha256())));
        TestRpms.write(files.get(0), tags);
        assertThat(unlinked(List.of(files.get(0))))
                .containsExactly("cannot describe " + SOURCE_RPM + ": the header has no NAME");

        tags = named("hello", "x86_64", "MIT");
        tags.add(TestRpms.int32(5011, 8));
        tags.add(TestRpms.strings(1117, List.of("hello.spec")));
        tags.add(TestRpms.strings(1035, List.of(renderedSpecSha256())));
        tags.add(TestRpms.string(1044, "elsewhere.src.rpm"));
        TestRpms.write(files.get(0), tags);
        assertThat(unlinked(List.of(files.get(0))))
                .containsExactly(SOURCE_RPM + " is not a source RPM: its header names elsewhere.src.rpm as its source");

        assertThat(unlinked(List.of(dir.resolve("gone.src.rpm"))))
                .singleElement()
                .asString()
                .startsWith("cannot read the header of gone.src.rpm: ");

        SbomCollector.Result failing = collect(component -> {
            throw new IOException("the build record is unreadable");
        });
        assertThat(failing.unlinkedBuilds().get(0).problems())
                .containsExactly("cannot read what its last build published: the build record is unreadable");
    }
}
