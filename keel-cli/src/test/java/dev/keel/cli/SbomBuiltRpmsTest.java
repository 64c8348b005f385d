package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.audit.sbom.SbomValidation;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.tool.ToolRunner;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.FileTrees;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code keel sbom} on the example distro built with the real RPM tools (once for the class): both
 * documents list every source and binary RPM with the name, epoch, version, release and arch rpm
 * reads and the SHA-256 sha256sum computes, each related to what it was built from, and stay valid
 * against the official schemas; {@code --rendered-only} leaves the builds out; a build of older
 * rendered files, a damaged RPM where the build record says one is, or a build whose files are gone,
 * changed or replaced (by a link or a directory, or a record that names a path outside the output
 * directory) since it published them, is left out with a warning, and nothing outside is read; a
 * source package's URL is given once, on its source RPM when its build is described.
 */
class SbomBuiltRpmsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static Path project;
    private static String previousCache;

    @BeforeAll
    static void buildTheExample() throws Exception {
        Optional<String> why = LocalBackend.unavailable(List.of());
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds the example's RPMs)");
        List<String> missing = Stream.of("gcc", "make", "patch", "python3", "sha256sum")
                .filter(program -> ToolRunner.find(program).isEmpty())
                .toList();
        assumeTrue(
                missing.isEmpty(),
                () -> String.join(", ", missing)
                        + " missing: apt-get install -y coreutils gcc libc6-dev make patch python3 (this test builds"
                        + " the example's RPMs)");
        dir = Files.createTempDirectory("keel-sbom-rpms");
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        try (ExampleDistro example = ExampleDistro.install(dir.resolve("example"))) {
            project = example.project();
        }
        keel(0, "component", "update", "-a");
        try (Git git = Git.init().setDirectory(project.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("The example, locked")
                    .setAuthor("Keel", "keel@example.org")
                    .setCommitter("Keel", "keel@example.org")
                    .setSign(false)
                    .call();
        }
        keel(0, "component", "render", "-a");
        keel(0, "component", "build", "-a");
    }

    @AfterAll
    static void removeTheExample() throws IOException {
        if (dir == null) {
            return;
        }
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
        FileTrees.delete(dir);
    }

    private static CliRunner keel(int exitCode, String... arguments) {
        return CliRunner.runIn(project, exitCode, arguments);
    }

    /** Writes the SBOM in a format; returns the run. */
    private static CliRunner sbom(String format, Path output, String... more) {
        List<String> arguments = new ArrayList<>(List.of("sbom", "-a", "-f", format, "-o", output.toString()));
        arguments.addAll(List.of(more));
        return keel(0, arguments.toArray(String[]::new));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Every RPM the build published, by file name. */
    private static Map<String, Path> builtRpms() throws IOException {
        Map<String, Path> rpms = new TreeMap<>();
        try (Stream<Path> files = Files.walk(project.resolve("out"))) {
            files.filter(file -> file.toString().endsWith(".rpm"))
                    .forEach(file -> rpms.put(file.getFileName().toString(), file));
        }
        return rpms;
    }

    /** The name of the one built RPM whose name matches. */
    private static String builtRpm(String regex) throws IOException {
        List<String> matching = builtRpms().keySet().stream()
                .filter(name -> name.matches(regex))
                .toList();
        assertThat(matching).as("the RPMs named %s", regex).hasSize(1);
        return matching.get(0);
    }

    /** The CycloneDX components of the built RPMs, by their file name. */
    private static Map<String, JsonNode> rpmComponents(JsonNode bom) {
        Map<String, JsonNode> components = new TreeMap<>();
        for (JsonNode component : bom.path("components")) {
            for (JsonNode property : component.path("properties")) {
                if (property.path("name").asText().equals("keel:file")) {
                    components.put(property.path("value").asText(), component);
                }
            }
        }
        return components;
    }

    private static JsonNode property(JsonNode component, String name) {
        for (JsonNode property : component.path("properties")) {
            if (property.path("name").asText().equals(name)) {
                return property.path("value");
            }
        }
        throw new AssertionError("no " + name + " in " + component);
    }

    @Test
    void bothDocumentsListEveryRpmAsRpmAndSha256sumReadIt() throws Exception {
        Path cdx = dir.resolve("sbom.cdx.json");
        CliRunner written = sbom("cyclonedx", cdx);
        assertThat(written.err())
                .contains("5 builds described (12 RPMs), 0 not")
                .doesNotContain("warning");
        byte[] document = Files.readAllBytes(cdx);
        assertThat(SbomValidation.cycloneDxProblems(document)).isEmpty();
        JsonNode bom = JSON.readTree(document);
        Map<String, JsonNode> components = rpmComponents(bom);
        Map<String, Path> rpms = builtRpms();
        assertThat(components.keySet()).isEqualTo(rpms.keySet()).hasSize(12);
        Map<String, List<String>> provided = new HashMap<>();
        for (JsonNode dependency : bom.path("dependencies")) {
            List<String> refs = new ArrayList<>();
            dependency.path("provides").forEach(ref -> refs.add(ref.asText()));
            provided.put(dependency.path("ref").asText(), refs);
        }
        for (Map.Entry<String, Path> rpm : rpms.entrySet()) {
            JsonNode component = components.get(rpm.getKey());
            String[] nevra = run(
                            "rpm",
                            "-qp",
                            "--nosignature",
                            "--qf",
                            "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{LICENSE}|%{SOURCERPM}",
                            rpm.getValue().toString())
                    .split("\\|");
            boolean source = nevra[6].equals("(none)");
            String arch = source ? "src" : nevra[4];
            String epoch = nevra[1].equals("(none)") ? "" : "&epoch=" + nevra[1];
            assertThat(component.path("name").asText()).isEqualTo(nevra[0]);
            assertThat(component.path("version").asText()).isEqualTo(nevra[2] + "-" + nevra[3]);
            assertThat(component.path("purl").asText())
                    .isEqualTo("pkg:rpm/upstream/" + nevra[0] + "@" + nevra[2] + "-" + nevra[3] + "?arch=" + arch
                            + "&distro=upstream-1" + epoch);
            assertThat(component.path("licenses").get(0).path("expression").asText())
                    .isEqualTo(nevra[5]);
            assertThat(component.path("hashes").get(0).path("content").asText())
                    .isEqualTo(run("sha256sum", rpm.getValue().toString()).substring(0, 64));
            String builtFrom = property(component, "keel:built-from").asText();
            assertThat(provided.get(builtFrom))
                    .contains(component.path("bom-ref").asText());
            if (source) {
                assertThat(builtFrom)
                        .isEqualTo("component/"
                                + property(component, "keel:component").asText());
            } else {
                assertThat(property(component, "keel:source-rpm").asText()).isEqualTo(nevra[6]);
                assertThat(builtFrom).endsWith("/" + nevra[6]);
            }
        }
        String pythonFoo = builtRpm("python3-foo-0\\.9\\.1-\\d+\\.kx1\\.noarch\\.rpm");
        assertThat(components.get(pythonFoo).path("bom-ref").asText()).isEqualTo("component/pyfoo/" + pythonFoo);

        Path spdxFile = dir.resolve("sbom.spdx.json");
        sbom("spdx", spdxFile);
        byte[] spdxDocument = Files.readAllBytes(spdxFile);
        assertThat(SbomValidation.spdxProblems(spdxDocument)).isEmpty();
        JsonNode spdx = JSON.readTree(spdxDocument);
        Map<String, JsonNode> packages = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (JsonNode pkg : spdx.path("packages")) {
            names.put(pkg.path("SPDXID").asText(), pkg.path("name").asText());
            if (pkg.has("packageFileName")) {
                packages.put(pkg.path("packageFileName").asText(), pkg);
            }
        }
        assertThat(packages.keySet()).isEqualTo(rpms.keySet());
        List<String> relationships = new ArrayList<>();
        for (JsonNode relationship : spdx.path("relationships")) {
            relationships.add(
                    names.getOrDefault(relationship.path("spdxElementId").asText(), "DOCUMENT") + " "
                            + relationship.path("relationshipType").asText() + " "
                            + names.get(relationship.path("relatedSpdxElement").asText()));
        }
        String devel = builtRpm("libwidget-devel-4\\.2\\.0-\\d+\\.kx1\\.x86_64\\.rpm");
        assertThat(packages.get(devel)
                        .path("checksums")
                        .get(0)
                        .path("checksumValue")
                        .asText())
                .isEqualTo(components
                        .get(devel)
                        .path("hashes")
                        .get(0)
                        .path("content")
                        .asText());
        assertThat(relationships)
                .contains(
                        "python-foo GENERATED_FROM pyfoo",
                        "python3-foo GENERATED_FROM python-foo",
                        "libwidget-devel GENERATED_FROM libwidget",
                        "widget-tools GENERATED_FROM libwidget",
                        "DOCUMENT DESCRIBES widget-tools");
    }

    @Test
    void theDocumentsWithRpmsAreTheSameBytesForAnyThreadCount() throws Exception {
        for (String format : List.of("cyclonedx", "spdx")) {
            Path one = dir.resolve(format + "-1.json");
            Path three = dir.resolve(format + "-3.json");
            sbom(format, one, "-j", "1");
            sbom(format, three, "-j", "3");
            assertThat(Files.readAllBytes(three)).as(format).isEqualTo(Files.readAllBytes(one));
            assertThat(Files.readString(one)).containsPattern("hello-2\\.1-\\d+\\.kx1\\.x86_64\\.rpm");
        }
    }

    @Test
    void eachSourcePackageHasOnePackageUrlTheSourceRpmsWhenItsBuildIsDescribed() throws Exception {
        JsonNode rendered =
                JSON.readTree(Files.readAllBytes(sbomFile("cyclonedx", "purls-rendered.json", "--rendered-only")));
        JsonNode built = JSON.readTree(Files.readAllBytes(sbomFile("cyclonedx", "purls-built.json")));
        Map<String, JsonNode> rpms = rpmComponents(built);
        List<String> sourceComponents = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (JsonNode component : rendered.path("components")) {
            String ref = component.path("bom-ref").asText();
            sourceComponents.add(ref);
            JsonNode described = withRef(built.path("components"), ref);
            assertThat(described.has("purl")).as(ref).isFalse();
            String spec = component.path("purl").asText();
            String sourceRpm = rpms.get(property(described, "keel:source-rpm").asText())
                    .path("purl")
                    .asText();
            if (sourceRpm.equals(spec)) {
                same.add(ref);
            }
        }
        // libwidget's release and pyfoo's name are not Keel's to compute; the others are rpm's
        assertThat(same)
                .as("the very same URL, where rpm reads the spec as Keel does")
                .containsExactly("component/greeter", "component/hello", "component/notice");
        assertThat(sourceComponents).hasSize(5);
        List<String> purls = built.findValuesAsText("purl");
        assertThat(purls)
                .as("the RPMs' and the upstream ancestors'")
                .hasSize(12 + 4)
                .doesNotHaveDuplicates();

        JsonNode spdx = JSON.readTree(Files.readAllBytes(sbomFile("spdx", "purls-built.spdx.json")));
        List<String> spdxPurls = new ArrayList<>();
        for (JsonNode pkg : spdx.path("packages")) {
            for (JsonNode reference : pkg.path("externalRefs")) {
                if (reference.path("referenceType").asText().equals("purl")) {
                    spdxPurls.add(reference.path("referenceLocator").asText());
                }
            }
        }
        assertThat(spdxPurls).containsExactlyInAnyOrderElementsOf(purls);
    }

    private static Path sbomFile(String format, String name, String... more) {
        Path file = dir.resolve(name);
        sbom(format, file, more);
        return file;
    }

    private static JsonNode withRef(JsonNode components, String ref) {
        for (JsonNode component : components) {
            if (component.path("bom-ref").asText().equals(ref)) {
                return component;
            }
        }
        throw new AssertionError("no " + ref);
    }

    @Test
    void renderedOnlyLeavesTheBuildsOut() throws Exception {
        Path cdx = dir.resolve("rendered-only.json");
        CliRunner written = sbom("cyclonedx", cdx, "--rendered-only");
        assertThat(written.err()).contains("builds not read (--rendered-only)");
        JsonNode bom = JSON.readTree(cdx.toFile());
        assertThat(rpmComponents(bom)).isEmpty();
        assertThat(bom.path("components")).hasSize(5);
        assertThat(bom.has("dependencies")).isFalse();
    }

    @Test
    void aBuildOfOlderRenderedFilesIsLeftOutWithAWarning() throws Exception {
        Path config = project.resolve("components/notice.comp.toml");
        String original = Files.readString(config);
        try {
            Files.writeString(
                    config,
                    "\n[[components.notice.overlays]]\ntype = \"spec-append-lines\"\nsection = \"%description\"\n"
                            + "lines = [\"Changed after the build.\"]\n",
                    StandardOpenOption.APPEND);
            keel(0, "component", "render", "notice");
            Path cdx = dir.resolve("stale.json");
            CliRunner written = sbom("cyclonedx", cdx);

            assertThat(written.err())
                    .contains("warning: notice: its last build is left out: "
                            + builtRpm("notice-1\\.3-\\d+\\.kx1\\.src\\.rpm") + " holds another notice.spec than"
                            + " the rendered one (build it again: keel component build notice; or --rendered-only)")
                    .contains("4 builds described (10 RPMs), 1 not");
            JsonNode bom = JSON.readTree(cdx.toFile());
            assertThat(SbomValidation.cycloneDxProblems(Files.readAllBytes(cdx)))
                    .isEmpty();
            assertThat(rpmComponents(bom).keySet())
                    .hasSize(10)
                    .noneMatch(file -> file.startsWith("notice-"))
                    .contains(builtRpm("hello-2\\.1-\\d+\\.kx1\\.src\\.rpm"));
            assertThat(bom.path("components").findValuesAsText("bom-ref")).contains("component/notice");
        } finally {
            Files.writeString(config, original);
            keel(0, "component", "render", "notice");
        }
    }

    @Test
    void aDamagedRpmWhereTheBuildRecordSaysOneIsIsAWarningNotAStackTrace() throws Exception {
        Path rpm = builtRpms().get(builtRpm("hello-2\\.1-\\d+\\.kx1\\.x86_64\\.rpm"));
        String sourceRpm = builtRpm("hello-2\\.1-\\d+\\.kx1\\.src\\.rpm");
        Path record = buildRecord("hello");
        byte[] original = Files.readAllBytes(rpm);
        byte[] originalRecord = Files.readAllBytes(record);
        try {
            Map<String, byte[]> cases = Map.of(
                    "the file ends inside the signature header",
                    Arrays.copyOf(original, 300),
                    "not an RPM file (no RPM lead)",
                    "garbage where an RPM should be, long enough to fill a lead.........................................."
                            .getBytes());
            for (Map.Entry<String, byte[]> damaged : cases.entrySet()) {
                Files.write(rpm, damaged.getValue());
                recordDigest(
                        record,
                        rpm.getFileName().toString(),
                        run("sha256sum", rpm.toString()).substring(0, 64));
                Path spdx = dir.resolve("damaged.json");
                CliRunner written = sbom("spdx", spdx);

                assertThat(written.err())
                        .contains("warning: hello: its last build is left out: cannot read the header of "
                                + rpm.getFileName() + ": " + damaged.getKey() + " (build it again")
                        .contains("4 builds described (10 RPMs), 1 not")
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ");
                assertThat(SbomValidation.spdxProblems(Files.readAllBytes(spdx)))
                        .isEmpty();
                assertThat(Files.readString(spdx)).doesNotContain(sourceRpm);
            }
        } finally {
            Files.write(rpm, original);
            Files.write(record, originalRecord);
        }
    }

    @Test
    void aBuildWhoseFilesAreNotAsItPublishedThemIsLeftOutWithAWarningAndNothingOutsideIsRead() throws Exception {
        Path out = project.resolve("out");
        Path rpm = builtRpms().get(builtRpm("hello-2\\.1-\\d+\\.kx1\\.x86_64\\.rpm"));
        String published = out.relativize(rpm).toString();
        Path record = buildRecord("hello");
        byte[] original = Files.readAllBytes(rpm);
        byte[] originalRecord = Files.readAllBytes(record);
        // the very bytes the record names: read, it would pass for the published file
        Path secret = Files.write(dir.resolve("secret.rpm"), original);
        String outward = out.relativize(secret).toString();
        try {
            Files.delete(rpm);
            assertLeftOut(published + " is missing from the output directory");

            Files.createSymbolicLink(rpm, secret);
            assertLeftOut(published + " leads out of the output directory through a link, so it is not read");

            Files.delete(rpm);
            Files.createDirectories(rpm.resolve("inside"));
            assertLeftOut(published + " is a directory, not the file the build published");

            FileTrees.delete(rpm);
            Files.write(rpm, original);
            recordField(record, rpm.getFileName().toString(), "path", outward);
            assertLeftOut(outward + " leads out of the output directory, so it is not read");
        } finally {
            FileTrees.delete(rpm);
            Files.write(rpm, original);
            Files.write(record, originalRecord);
            Files.delete(secret);
        }
        assertThat(sbom("spdx", dir.resolve("restored.json")).err())
                .contains("5 builds described (12 RPMs), 0 not")
                .doesNotContain("warning");
    }

    /** Writes both documents: hello's build is left out with {@code reason} in the warning, and nothing else. */
    private static void assertLeftOut(String reason) throws Exception {
        for (String format : List.of("cyclonedx", "spdx")) {
            Path document = dir.resolve("left-out-" + format + ".json");
            CliRunner written = sbom(format, document);
            assertThat(written.err())
                    .as(reason)
                    .contains("warning: hello: its last build is left out: " + reason
                            + " (build it again: keel component build hello; or --rendered-only)")
                    .contains("4 builds described (10 RPMs), 1 not")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            byte[] bytes = Files.readAllBytes(document);
            assertThat(
                            format.equals("spdx")
                                    ? SbomValidation.spdxProblems(bytes)
                                    : SbomValidation.cycloneDxProblems(bytes))
                    .isEmpty();
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContainPattern("hello-2\\.1-\\d+\\.kx1\\.src\\.rpm");
        }
    }

    /** The build record Keel's cache keeps of the component's last build. */
    private static Path buildRecord(String component) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("cache/build"))) {
            return files.filter(file -> file.getFileName().toString().equals(component + ".json"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Makes the record agree with a file it names, as a build that wrote a damaged file would have left it. */
    private static void recordDigest(Path record, String fileName, String sha256) throws IOException {
        recordField(record, fileName, "sha256", sha256);
    }

    /** Sets a field of the record's artifact that names {@code fileName}. */
    private static void recordField(Path record, String fileName, String field, String value) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(record.toFile());
        List<JsonNode> artifacts = new ArrayList<>(tree.findParents("sha256"));
        boolean found = false;
        for (JsonNode artifact : artifacts) {
            if (artifact.path("path").asText().endsWith("/" + fileName)) {
                ((ObjectNode) artifact).put(field, value);
                found = true;
            }
        }
        assertThat(found).as("%s names %s", record, fileName).isTrue();
        JSON.writeValue(record.toFile(), tree);
    }
}
