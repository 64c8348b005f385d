package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.koji.KojiBuildHub;
import dev.keel.build.koji.KojiHubDouble;
import dev.keel.build.koji.TestPki;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import dev.keel.core.render.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code component build --backend koji} on the example distro, against a Koji hub double on
 * loopback (HTTPS with a client certificate, Koji's XML-RPC wire format: a protocol test, not a real
 * hub): the source RPMs are built here with rpmbuild, uploaded and built in the graph's layers.
 */
class KojiBackendCliTest {

    private static TestPki pki;

    @TempDir
    Path dir;

    private KojiHubDouble hub;
    private Path project;
    private Path config;
    private String previousCache;

    @BeforeAll
    static void pki() {
        pki = TestPki.create("koji");
    }

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> why = LocalBackend.unavailable(List.of());
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds source RPMs)");
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        System.setProperty(KojiBuild.ETC_PROPERTY, dir.resolve("etc").toString());
        hub = new KojiHubDouble(pki.serverContext());
        try (ExampleDistro example = ExampleDistro.install(dir.resolve("example"))) {
            project = example.project();
        }
        assertThat(keel("component", "update", "-a").exitCode()).isZero();
        assertThat(keel("component", "render", "-a").exitCode()).isZero();
        Path serverca = pki.writeServerCa(dir.resolve("pki/serverca.pem"));
        Path cert = pki.writeClient(dir.resolve("pki/client.pem"), "keel-bot", TestPki.KeyFormat.RSA_PKCS8);
        config = Files.writeString(
                dir.resolve("koji.conf"),
                "[kx]\nserver = " + hub.uri() + "\nweburl = https://koji.example.org/koji\ncert = " + cert
                        + "\nserverca = " + serverca + "\npoll_interval = 0\n");
    }

    @AfterEach
    void tearDown() {
        if (hub != null) {
            hub.close();
        }
        System.clearProperty(KojiBuild.ETC_PROPERTY);
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    private CliRunner keel(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private CliRunner build(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "component",
                "build",
                "-a",
                "--backend",
                "koji",
                "--koji-config",
                config.toString(),
                "--koji-profile",
                "kx",
                "--koji-target",
                "kx1-candidate",
                "-O",
                "json"));
        arguments.addAll(List.of(more));
        return keel(arguments.toArray(String[]::new));
    }

    private static Map<String, String> statuses(CliRunner result) throws Exception {
        Map<String, String> statuses = new TreeMap<>();
        for (JsonNode row : new ObjectMapper().readTree(result.out())) {
            statuses.put(row.get("component").asText(), row.get("status").asText());
        }
        return statuses;
    }

    @Test
    void theExampleBuildsInTheGraphsOrderEachLayerSubmittedTogether() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        CliRunner result = build();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(statuses(result).values()).containsOnly("built");
        List<KojiBuildHub.BuildCall> builds = koji.builds();
        assertThat(builds.subList(0, 3))
                .as("the first layer is submitted before any of it is built")
                .extracting(KojiBuildHub.BuildCall::name)
                .containsExactlyInAnyOrder("hello", "libwidget", "python-foo");
        assertThat(builds.subList(0, 3)).allMatch(call -> call.repositoryHeld().isEmpty());
        assertThat(builds.get(3).name()).isEqualTo("notice");
        assertThat(builds.get(3).repositoryHeld()).anyMatch(nvr -> nvr.startsWith("libwidget-4.2.0-3"));
        assertThat(builds.get(4).name()).isEqualTo("greeter");
        assertThat(builds.get(4).repositoryHeld()).anyMatch(nvr -> nvr.startsWith("notice-1.3-1"));
        JsonNode first = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(first.get("url").asText()).startsWith("https://koji.example.org/koji/taskinfo?taskID=");
        assertThat(result.err())
                .as("a progress line per component and state, with elapsed time and the task's page")
                .containsPattern(
                        "keel: koji: hello: submitted \\(0:\\d\\d\\) https://koji.example.org/koji/taskinfo\\?taskID=\\d+")
                .containsPattern("keel: koji: greeter: open: buildArch x86_64 \\(\\d+:\\d\\d\\) https://")
                .containsPattern("keel: koji: greeter: built \\(\\d+:\\d\\d\\)");
        assertThat(result.out() + result.err()).doesNotContain(KojiHubDouble.SESSION_KEY);
        assertNoSecretIn(project);

        CliRunner again = build();
        assertThat(statuses(again).values())
                .as("the destination tag has them all")
                .containsOnly("skipped");
    }

    @Test
    void scratchAndNowaitBehaveAsKojisCli() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        CliRunner nowait = build("--nowait");
        assertThat(nowait.exitCode()).as(nowait.err()).isZero();
        assertThat(statuses(nowait))
                .containsEntry("libwidget", "submitted")
                .containsEntry("notice", "skipped")
                .containsEntry("greeter", "skipped");
        assertThat(koji.builds()).hasSize(3);
        CliRunner resumed = build();
        assertThat(statuses(resumed).values()).as(resumed.err()).containsOnly("built");
        assertThat(koji.builds())
                .as("the first layer was watched, not submitted again")
                .hasSize(5);

        CliRunner scratch = build("--scratch");
        assertThat(statuses(scratch).values()).as(scratch.err()).containsOnly("built");
        assertThat(koji.builds().subList(5, 10)).allMatch(KojiBuildHub.BuildCall::scratch);
    }

    @Test
    void fromScmKojiChecksOutTheCommittedRenderedSpecsAndNothingIsUploaded() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        CliRunner srpms = keel("component", "build", "-a", "--srpm-only", "-O", "json");
        assertThat(srpms.exitCode()).as(srpms.err()).isZero();
        Path specs = project.resolve("specs");
        for (JsonNode row : new ObjectMapper().readTree(srpms.out())) {
            String file = Path.of(row.get("srpm").asText()).getFileName().toString();
            koji.scm(
                    "specs/" + RenderedTree.relativeDir(row.get("component").asText()),
                    file.substring(0, file.length() - ".src.rpm".length()));
        }
        String head;
        try (org.eclipse.jgit.api.Git git =
                org.eclipse.jgit.api.Git.init().setDirectory(project.toFile()).call()) {
            git.add().addFilepattern(".").call();
            head = git.commit()
                    .setMessage("Render the example")
                    .setAuthor("Keel Test", "keel@example.org")
                    .setCommitter("Keel Test", "keel@example.org")
                    .setSign(false)
                    .call()
                    .getName();
        }
        String repository = "git+https://git.example.org/kx/rendered.git";

        Files.writeString(
                specs.resolve("h/hello/hello.spec"), "\n# not committed\n", java.nio.file.StandardOpenOption.APPEND);
        CliRunner dirty = build("--from-scm", repository);
        assertThat(dirty.exitCode()).isEqualTo(1);
        assertThat(dirty.err())
                .contains("hello's rendered spec differs from commit " + head.substring(0, 12))
                .contains("specs/h/hello/hello.spec, modify")
                .contains("commit the rendered specs");
        assertThat(koji.builds())
                .as("nothing is submitted when one spec is not committed")
                .isEmpty();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(project.toFile())) {
            git.checkout().addPath("specs/h/hello/hello.spec").call();
        }

        CliRunner result = build("--from-scm", repository);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(statuses(result).values()).containsOnly("built");
        assertThat(result.err()).contains("Koji builds from " + repository + " at commit " + head);
        assertThat(koji.builds())
                .extracting(KojiBuildHub.BuildCall::source)
                .contains(repository + "?specs/h/hello#" + head, repository + "?specs/g/greeter#" + head);
        assertThat(koji.builds().get(4).name()).isEqualTo("greeter");
        assertThat(koji.builds().get(4).repositoryHeld()).anyMatch(nvr -> nvr.startsWith("notice-1.3-1"));
        assertThat(hub.received()).extracting(KojiHubDouble.Received::method).doesNotContain("uploadFile");
    }

    @Test
    void fromScmRefusesWhatKojiCannotCheckOut() throws Exception {
        new KojiBuildHub(hub, Set.of(), Map.of());
        CliRunner noGit = build("--from-scm", "git+https://git.example.org/kx/rendered.git");
        assertThat(noGit.exitCode()).isEqualTo(1);
        assertThat(noGit.err()).contains("are not in a git work tree");
        for (String hostile : List.of(
                "https://git.example.org/kx.git",
                "git+https://git.example.org/kx.git?specs#HEAD",
                "git+https://git.example.org/kx.git#main",
                "git+https://git.example.org/kx.git#abc\ndef",
                "git+https://user:secret@git.example.org/kx.git")) {
            CliRunner refused = build("--from-scm=" + hostile);
            assertThat(refused.exitCode()).as(hostile).isEqualTo(1);
            assertThat(refused.err())
                    .as(hostile)
                    .containsAnyOf("is not a git repository address Koji takes", "give a commit id")
                    .doesNotContain("secret")
                    .doesNotContain("Exception");
        }
        CliRunner option = build("--from-scm=-git+https://git.example.org/kx.git");
        assertThat(option.exitCode())
                .as("a value like an option is a usage error")
                .isEqualTo(2);
        assertThat(hub.received()).as("refused before logging in").isEmpty();
    }

    @Test
    void aRepositoryWaitNoBuildCouldUseIsAUsageError() {
        for (String minutes : List.of("0", "-5", "10081", "99999999999999999", "9223372036854775807")) {
            CliRunner result = build("--wait-repo-timeout", minutes);
            assertThat(result.exitCode()).as(minutes).isEqualTo(2);
            assertThat(result.err())
                    .as(minutes)
                    .contains("--wait-repo-timeout must be 1 to 10080 minutes, not " + minutes)
                    .doesNotContain("Exception");
        }
        assertThat(hub.received()).isEmpty();
    }

    @Test
    void kojiOptionsWithoutTheKojiBackendAreUsageErrors() {
        CliRunner result = keel("component", "build", "-a", "--scratch");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--scratch, --nowait, --from-scm, --wait-repo-timeout and --koji-* go with");
        assertThat(keel("component", "build", "-a", "--from-scm", "git+https://h/r.git")
                        .err())
                .contains("go with --backend koji");
    }

    /** Neither the session key nor the client's private key is written into the project. */
    private static void assertNoSecretIn(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text)
                        .as(file.toString())
                        .doesNotContain(KojiHubDouble.SESSION_KEY)
                        .doesNotContain("PRIVATE KEY");
            }
        }
    }
}
