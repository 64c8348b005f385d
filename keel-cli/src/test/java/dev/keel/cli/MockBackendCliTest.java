package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.mock.FakeMock;
import dev.keel.build.tool.HostArch;
import dev.keel.build.tool.HostTool;
import dev.keel.cli.demo.ExampleDistro;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code component build --backend mock} on the example distro, with a fake mock (mock cannot be
 * installed on Debian 12; {@link FakeMock} records its arguments and builds with rpmbuild): every
 * component built in the graph's order, each against a repository of what it needs, and nothing
 * rebuilt until the mock configuration changes.
 */
class MockBackendCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private FakeMock fake;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> missing = HostTool.missing(List.of(HostTool.RPM, HostTool.RPMBUILD, HostTool.CREATEREPO));
        assumeTrue(
                missing.isEmpty(),
                () -> missing.orElse("") + " (the fake mock builds with rpmbuild; the backend runs createrepo_c)");
        fake = FakeMock.install(dir.resolve("fake"));
        System.setProperty(MockBuild.EXECUTABLE_PROPERTY, fake.executable().toString());
        try (ExampleDistro example = ExampleDistro.install(dir.resolve("example"))) {
            project = example.project();
        }
        Path distro = project.resolve("distro/upstream.distro.toml");
        Files.writeString(
                distro,
                Files.readString(distro)
                        .replace(
                                "dist-git-branch = \"main\"\n",
                                "dist-git-branch = \"main\"\nmock-config = \"../mock/upstream-1.cfg\"\n"));
        mockConfig("config_opts['root'] = 'keel-example-1'\n");
        assertThat(keel("component", "update", "-a").exitCode()).isZero();
        assertThat(keel("component", "render", "-a").exitCode()).isZero();
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(MockBuild.EXECUTABLE_PROPERTY);
    }

    private void mockConfig(String text) throws Exception {
        Files.createDirectories(project.resolve("mock"));
        Files.writeString(project.resolve("mock/upstream-1.cfg"), text);
    }

    private CliRunner keel(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private JsonNode build() throws Exception {
        CliRunner result = keel("component", "build", "-a", "--backend", "mock", "-j", "1", "-O", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private static Map<String, String> statuses(JsonNode rows) {
        Map<String, String> statuses = new TreeMap<>();
        rows.forEach(row ->
                statuses.put(row.get("component").asText(), row.get("status").asText()));
        return statuses;
    }

    /** The calls that built {@code component}'s binary RPMs, by their source RPM's name. */
    private static int rebuildOf(List<FakeMock.Call> calls, String component) {
        for (int i = 0; i < calls.size(); i++) {
            List<String> arguments = calls.get(i).arguments();
            if (arguments.contains("--rebuild")
                    && arguments.get(arguments.indexOf("--rebuild") + 1).contains("/build/" + component + "/")) {
                return i;
            }
        }
        throw new AssertionError("no mock --rebuild of " + component + " in " + calls);
    }

    @Test
    void theExampleBuildsInTheGraphsOrderEachAgainstWhatItNeeds() throws Exception {
        JsonNode rows = build();
        assertThat(statuses(rows))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "greeter", "built",
                        "hello", "built",
                        "libwidget", "built",
                        "notice", "built",
                        "pyfoo", "built")));
        List<FakeMock.Call> calls = fake.calls();
        assertThat(calls.get(0).arguments()).containsExactly("--version");
        assertThat(calls).as("--version, then two calls per component").hasSize(11);
        assertThat(rebuildOf(calls, "libwidget")).isLessThan(rebuildOf(calls, "notice"));
        assertThat(rebuildOf(calls, "notice")).isLessThan(rebuildOf(calls, "greeter"));

        Path work = project.resolve("build/work");
        Path backend = work.resolve("build/notice/backend");
        FakeMock.Call notice = calls.get(rebuildOf(calls, "notice"));
        String srpm = notice.arguments().get(3);
        assertThat(srpm).startsWith(backend.resolve("srpm") + "/").endsWith(".src.rpm");
        assertThat(notice.arguments())
                .containsExactly(
                        "-r",
                        work.resolve("mock/upstream-1-" + HostArch.rpm() + ".cfg")
                                .toString(),
                        "--rebuild",
                        srpm,
                        "--resultdir",
                        backend.resolve("rpms").toString(),
                        "--uniqueext",
                        dev.keel.build.mock.MockBackend.rootName(
                                work.resolve("mock/upstream-1-" + HostArch.rpm() + ".cfg"), 1),
                        "--define",
                        "_buildhost keel",
                        "--define",
                        "clamp_mtime_to_source_date_epoch 1",
                        "--define",
                        "source_date_epoch_from_changelog 1",
                        "--define",
                        "use_source_date_epoch_as_buildtime 1",
                        "--addrepo",
                        backend.resolve("dependencies").toString());
        assertThat(notice.repositories())
                .as("the repository of notice's dependencies: libwidget's RPMs")
                .anyMatch(file -> file.startsWith("libwidget-") && file.endsWith(".rpm"))
                .contains("repodata");
        assertThat(calls.get(rebuildOf(calls, "greeter")).repositories())
                .as("what greeter needs, directly or through others")
                .anyMatch(file -> file.startsWith("notice-"))
                .anyMatch(file -> file.startsWith("libwidget-"));
        assertThat(calls.get(rebuildOf(calls, "hello")).arguments()).doesNotContain("--addrepo");

        for (JsonNode row : rows) {
            assertThat(row.get("srpm").asText()).startsWith("out/srpms/");
            assertThat(row.get("rpms")).hasSize(1);
            assertThat(Files.readString(project.resolve(row.get("log").asText())))
                    .contains("keel: mock's build.log (")
                    .contains("fake mock: built ");
        }
        assertThat(Files.readString(work.resolve("mock/upstream-1-" + HostArch.rpm() + ".cfg")))
                .isEqualTo(keel("mock", "config").out());

        assertThat(statuses(build()).values()).as("nothing changed").containsOnly("unchanged");
        mockConfig("config_opts['root'] = 'keel-example-1'\nconfig_opts['macros']['%vendor'] = 'Keel Example'\n");
        assertThat(statuses(build()).values())
                .as("the mock configuration changed: every build changes")
                .containsOnly("built");
    }

    @Test
    void withoutMockNothingIsBuiltAndTheErrorSaysWhatToDo() throws Exception {
        Path absent = dir.resolve("no-such/mock");
        System.setProperty(MockBuild.EXECUTABLE_PROPERTY, absent.toString());
        CliRunner result = keel("component", "build", "-a", "--backend", "mock");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("cannot build: mock is not installed")
                .contains("looked for: " + absent)
                .contains("mock is not packaged for Debian 12")
                .contains("dnf install mock")
                .contains("--backend local")
                .doesNotContain("Exception");
        assertThat(fake.calls()).isEmpty();
        assertThat(project.resolve("out")).doesNotExist();
    }

    @Test
    void aDistroVersionWithoutAMockConfigurationIsAConfigurationError() throws Exception {
        Path distro = project.resolve("distro/upstream.distro.toml");
        Files.writeString(distro, Files.readString(distro).replace("mock-config = \"../mock/upstream-1.cfg\"\n", ""));
        CliRunner result = keel("component", "build", "-a", "--backend", "mock");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("distro upstream 1 has no mock configuration for " + HostArch.rpm())
                .contains("set mock-config");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void theOptionsOfOtherBackendsAndUnknownBackendsAreUsageErrors() {
        CliRunner koji = keel("component", "build", "-a", "--backend", "mock", "--scratch");
        assertThat(koji.exitCode()).isEqualTo(2);
        assertThat(koji.err())
                .contains("--scratch, --nowait, --from-scm, --wait-repo-timeout and --koji-* go with --backend koji");
        CliRunner unknown = keel("component", "build", "-a", "--backend", "chroot");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown backend 'chroot': the backends are local, mock and koji");
        CliRunner kojiLocal = keel("component", "build", "-a", "--backend", "koji", "--local-repo", "x");
        assertThat(kojiLocal.exitCode()).isEqualTo(2);
        assertThat(kojiLocal.err()).contains("are for the local and mock backends");
    }
}
