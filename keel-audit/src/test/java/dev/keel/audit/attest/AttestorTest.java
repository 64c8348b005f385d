package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.io.Digests;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements of a real project rendered from a spec snapshot and a local spec: subjects, every
 * input with its digest, the parameters, the project's commit, refusals of stale or foreign
 * rendered directories, and the same bytes for the same inputs wherever the project lies.
 */
class AttestorTest {

    @TempDir
    Path dir;

    private static String sha256(Path file) throws Exception {
        return Digests.hex("SHA-256", Files.readAllBytes(file));
    }

    private static Map<String, ResourceDescriptor> byName(List<ResourceDescriptor> descriptors) {
        Map<String, ResourceDescriptor> map = new java.util.TreeMap<>();
        descriptors.forEach(descriptor -> map.put(descriptor.label(), descriptor));
        return map;
    }

    @Test
    void theSubjectsAreTheRenderedFilesAndTheDependenciesEveryInput() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        Statement statement = project.statement("curl");

        assertThat(statement.type()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.predicateType()).isEqualTo("https://slsa.dev/provenance/v1");
        Path rendered = project.root.resolve("specs/c/curl");
        assertThat(statement.subject())
                .containsExactly(
                        ResourceDescriptor.file(
                                "specs/c/curl/curl-fix.patch", sha256(rendered.resolve("curl-fix.patch"))),
                        ResourceDescriptor.file("specs/c/curl/curl.spec", sha256(rendered.resolve("curl.spec"))),
                        ResourceDescriptor.file("specs/c/curl/sources", sha256(rendered.resolve("sources"))));

        Provenance.BuildDefinition definition = statement.predicate().buildDefinition();
        assertThat(definition.buildType()).isEqualTo(Provenance.BUILD_TYPE);
        assertThat(definition.externalParameters())
                .containsExactly(
                        Map.entry("component", "curl"),
                        Map.entry("distro", "fedora"),
                        Map.entry("distroVersion", "43"),
                        Map.entry("projectState", "not-in-git"),
                        Map.entry("releaseCalculation", "auto"),
                        Map.entry("upstream", "spec-snapshot"));
        assertThat(definition.internalParameters().get("renderSteps"))
                .isEqualTo(List.of(
                        "overlays",
                        "build.check.skip",
                        "render: header",
                        "render: archive hashes",
                        "render: rpmautospec",
                        "render: sources file",
                        "render: sidecar files"));

        Map<String, ResourceDescriptor> dependencies = byName(definition.resolvedDependencies());
        assertThat(dependencies)
                .containsOnlyKeys("azldev.toml", "curl-1.0.tar.gz", "curl.spec", "patches/curl-fix.patch");
        assertThat(dependencies.get("azldev.toml"))
                .isEqualTo(ResourceDescriptor.file("azldev.toml", sha256(project.root.resolve("azldev.toml")))
                        .annotated(ResourceDescriptor.ROLE, "configuration"));
        assertThat(dependencies.get("curl.spec"))
                .isEqualTo(ResourceDescriptor.file("curl.spec", sha256(project.snapshot.resolve("curl.spec")))
                        .annotated(ResourceDescriptor.ROLE, "upstream-spec"));
        assertThat(dependencies.get("patches/curl-fix.patch"))
                .isEqualTo(ResourceDescriptor.file(
                                "patches/curl-fix.patch", sha256(project.root.resolve("patches/curl-fix.patch")))
                        .annotated(ResourceDescriptor.ROLE, "overlay-input")
                        .annotated("keel_usedBy", List.of("overlay 2 at azldev.toml:18:1")));
        ResourceDescriptor lookaside = dependencies.get("curl-1.0.tar.gz");
        assertThat(lookaside.digest()).containsExactly(Map.entry("sha512", TestProject.SOURCE_SHA512));
        assertThat(lookaside.downloadLocation())
                .as("the credentials of the address are not recorded")
                .isEqualTo("https://downloads.example.org/curl/curl-1.0.tar.gz");
        assertThat(lookaside.role()).isEqualTo("lookaside");

        assertThat(statement.predicate().runDetails().builder())
                .isEqualTo(new Provenance.Builder(
                        "https://keel.dev/keel@1.2.3", new java.util.TreeMap<>(Map.of("keel", "1.2.3"))));
        assertThat(new String(AttestationJson.compact(statement), StandardCharsets.UTF_8))
                .doesNotContain("s3cret", "builder:", dir.toString());
    }

    @Test
    void aLocalSpecsFilesAreItsUpstreamAndAComponentWithoutUpstreamSpecIsSkipped() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        Map<String, Attestation> attestations = project.attest();

        Statement hello = attestations.get("hello").statement().orElseThrow();
        assertThat(hello.predicate().buildDefinition().externalParameters()).containsEntry("upstream", "local");
        assertThat(byName(hello.predicate().buildDefinition().resolvedDependencies()))
                .containsOnlyKeys("azldev.toml", "local/hello/hello.conf", "local/hello/hello.spec")
                .hasEntrySatisfying(
                        "local/hello/hello.conf", d -> assertThat(d.role()).isEqualTo("local-spec"));
        assertThat(attestations.get("ghost").outcome()).isInstanceOf(Outcome.Skipped.class);
        assertThat(attestations.get("ghost").statement()).isEmpty();
    }

    @Test
    void theProjectsCommitIsAParameterWithTheInputsThatDifferFromIt() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        try (Git git = Git.init().setDirectory(project.root.toFile()).call()) {
            git.add().addFilepattern("azldev.toml").addFilepattern("local").call();
            git.commit()
                    .setMessage("the project")
                    .setAuthor("A", "a@example.org")
                    .setCommitter("A", "a@example.org")
                    .setSign(false)
                    .call();
            String head = git.getRepository().resolve("HEAD").getName();

            Map<String, Object> curl =
                    project.statement("curl").predicate().buildDefinition().externalParameters();
            assertThat(curl)
                    .containsEntry("projectCommit", head)
                    .containsEntry("projectState", "uncommitted")
                    .containsEntry("uncommittedInputs", List.of("patches/curl-fix.patch"));
            assertThat(project.statement("hello").predicate().buildDefinition().externalParameters())
                    .containsEntry("projectCommit", head)
                    .containsEntry("projectState", "committed")
                    .doesNotContainKey("uncommittedInputs");

            git.add().addFilepattern("patches").call();
            git.commit()
                    .setMessage("the patch")
                    .setAuthor("A", "a@example.org")
                    .setCommitter("A", "a@example.org")
                    .setSign(false)
                    .call();
            assertThat(project.statement("curl").predicate().buildDefinition().externalParameters())
                    .containsEntry("projectState", "committed");
        }
    }

    @Test
    void aRenderedDirectoryThatIsNotWhatARenderMakesNowIsNotAttested() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        Path rendered = project.root.resolve("specs/c/curl");
        Files.writeString(rendered.resolve("curl.spec"), "# edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(rendered.resolve("stray.txt"), "not rendered\n");
        Files.delete(rendered.resolve("sources"));

        Attestation curl = project.attest().get("curl");
        assertThat(curl.statement()).isEmpty();
        assertThat(((Outcome.Failed) curl.outcome()).failure().message())
                .isEqualTo("the rendered files are not what a render makes from the inputs now: curl.spec (differs),"
                        + " sources (missing), stray.txt (not rendered)");
        assertThat(project.attest().get("hello").outcome())
                .as("the others are attested")
                .isEqualTo(Outcome.ok());

        Files.writeString(project.root.resolve("patches/curl-fix.patch"), "--- changed input\n");
        project.render();
        Files.writeString(project.root.resolve("patches/curl-fix.patch"), "--- changed again, not rendered\n");
        assertThat(((Outcome.Failed) project.attest().get("curl").outcome())
                        .failure()
                        .message())
                .contains("curl-fix.patch (differs)");
    }

    @Test
    void aComponentNotRenderedOrWithALinkInItsDirectoryIsNotAttested() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        Path rendered = project.root.resolve("specs/c/curl");
        Path outside = Files.writeString(dir.resolve("outside.txt"), "secret\n");
        Files.createSymbolicLink(rendered.resolve("link.txt"), outside);
        assertThat(((Outcome.Failed) project.attest().get("curl").outcome())
                        .failure()
                        .message())
                .isEqualTo("the rendered directory holds a link or special file, which Keel never writes");

        dev.keel.core.io.FileTrees.delete(rendered);
        assertThat(((Outcome.Failed) project.attest().get("curl").outcome())
                        .failure()
                        .message())
                .isEqualTo("the component is not rendered");

        Files.createSymbolicLink(rendered, project.root.resolve("specs/h/hello"));
        assertThat(((Outcome.Failed) project.attest().get("curl").outcome())
                        .failure()
                        .message())
                .isEqualTo("the rendered directory is a symbolic link, which Keel never writes");
    }

    /** A build of the rendered curl: its source RPM holds the rendered spec and patch, its RPM names it. */
    private static List<Path> build(TestProject project, String spec) throws Exception {
        Path rendered = project.root.resolve("specs/c/curl");
        Path srpm = TestRpms.write(
                project.root.resolve("out/srpms/curl-1.0-1.src.rpm"),
                new java.util.TreeMap<>(Map.of(
                        "curl.spec", spec,
                        "curl-fix.patch", sha256(rendered.resolve("curl-fix.patch")),
                        "curl-1.0.tar.gz", "cd".repeat(32))),
                null);
        Path rpm =
                TestRpms.write(project.root.resolve("out/rpms/curl-1.0-1.x86_64.rpm"), Map.of(), "curl-1.0-1.src.rpm");
        return List.of(srpm, rpm);
    }

    @Test
    void theFilesOfTheLastBuildAreSubjectsWhenTheBuildIsOfTheRenderedFiles() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        List<Path> files = build(project, sha256(project.root.resolve("specs/c/curl/curl.spec")));
        BuiltOutputs built =
                component -> component.equals("curl") ? new BuiltOutputs.Published(files) : new BuiltOutputs.NotBuilt();

        Statement curl = project.attest(built, 2).get("curl").statement().orElseThrow();
        assertThat(curl.subject())
                .extracting(ResourceDescriptor::name)
                .containsExactly(
                        "out/rpms/curl-1.0-1.x86_64.rpm",
                        "out/srpms/curl-1.0-1.src.rpm",
                        "specs/c/curl/curl-fix.patch",
                        "specs/c/curl/curl.spec",
                        "specs/c/curl/sources");
        assertThat(curl.subject().get(1).digest()).containsEntry("sha256", sha256(files.get(0)));
    }

    @Test
    void aBuildOfOtherFilesThanTheRenderedOnesIsNotAttested() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        List<Path> older = build(project, "00".repeat(32));
        Attestation stale = project.attest(component -> new BuiltOutputs.Published(older), 2)
                .get("curl");
        assertThat(((Outcome.Failed) stale.outcome()).failure().message())
                .isEqualTo(
                        "the last build is not of the rendered files: curl-1.0-1.src.rpm holds another curl.spec than"
                                + " the rendered one");
        assertThat(((Outcome.Failed) stale.outcome()).failure().hint()).contains("--rendered-only");

        List<Path> files = build(project, sha256(project.root.resolve("specs/c/curl/curl.spec")));
        TestRpms.write(files.get(1), Map.of(), "curl-0.9-1.src.rpm");
        assertThat(((Outcome.Failed) project.attest(component -> new BuiltOutputs.Published(files), 2)
                                .get("curl")
                                .outcome())
                        .failure()
                        .message())
                .isEqualTo("the last build is not of the rendered files: curl-1.0-1.x86_64.rpm was built from"
                        + " curl-0.9-1.src.rpm, not curl-1.0-1.src.rpm");

        Files.writeString(files.get(0), "not an rpm");
        assertThat(((Outcome.Failed) project.attest(component -> new BuiltOutputs.Published(files), 2)
                                .get("curl")
                                .outcome())
                        .failure()
                        .message())
                .contains("cannot read the header of curl-1.0-1.src.rpm: the file ends inside the lead");
    }

    @Test
    void aBuildWhoseFilesAreNotAsItPublishedThemIsNotAttested() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        List<String> problems = List.of(
                "rpms/curl-1.0-1.x86_64.rpm is missing from the output directory",
                "srpms/curl-1.0-1.src.rpm was changed since the build published it (another SHA-256)");
        Attestation damaged = project.attest(component -> new BuiltOutputs.Damaged(problems), 2)
                .get("curl");

        Failure failure = ((Outcome.Failed) damaged.outcome()).failure();
        assertThat(failure.message())
                .isEqualTo("the last build's files are not as it published them: rpms/curl-1.0-1.x86_64.rpm is"
                        + " missing from the output directory; srpms/curl-1.0-1.src.rpm was changed since the build"
                        + " published it (another SHA-256)");
        assertThat(failure.kind()).isEqualTo(Failure.Kind.FILESYSTEM);
        assertThat(failure.location().file()).isEqualTo(project.root.resolve("out"));
        assertThat(failure.hint())
                .isEqualTo("build it again (keel component build curl), or attest the rendered files alone"
                        + " (--rendered-only)");
        assertThat(damaged.statement()).isEmpty();
    }

    @Test
    void builtFilesOutsideTheProjectAreNotAttested() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        List<Path> files = build(project, sha256(project.root.resolve("specs/c/curl/curl.spec")));
        Path elsewhere = Files.copy(files.get(0), dir.resolve("curl-1.0-1.src.rpm"));
        Attestation outside = project.attest(component -> new BuiltOutputs.Published(List.of(elsewhere)), 2)
                .get("curl");
        assertThat(((Outcome.Failed) outside.outcome()).failure().message())
                .isEqualTo("an input is outside the project directory, so no path names it");
    }

    @Test
    void theSameInputsGiveTheSameStatementWhereverTheProjectIsAndWhateverTheWorkers() throws Exception {
        TestProject first = TestProject.create(dir, "one").render();
        TestProject second =
                TestProject.create(dir.resolve("somewhere/else"), "two").render();
        byte[] one = AttestationJson.compact(
                first.attest(BuiltOutputs.NONE, 1).get("curl").statement().orElseThrow());
        byte[] two = AttestationJson.compact(
                second.attest(BuiltOutputs.NONE, 4).get("curl").statement().orElseThrow());
        assertThat(new String(two, StandardCharsets.UTF_8)).isEqualTo(new String(one, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(first.root)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("attesting writes nothing into the project")
                    .containsExactlyInAnyOrder("azldev.toml", "local", "patches", "specs");
        }
    }
}
