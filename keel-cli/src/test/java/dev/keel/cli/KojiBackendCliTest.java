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
    void kojiOptionsWithoutTheKojiBackendAreUsageErrors() {
        CliRunner result = keel("component", "build", "-a", "--scratch");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--scratch, --nowait and --koji-* go with --backend koji");
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
