package dev.keel.build.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.build.backend.BackendResult;
import dev.keel.build.backend.BuildConditionals;
import dev.keel.build.backend.BuildRequest;
import dev.keel.build.backend.BuildTarget;
import dev.keel.build.tool.HostArch;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.io.Digests;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock backend with a fake mock (mock cannot be installed on Debian 12): the exact argument
 * arrays mock gets, the configuration file it reads, the repository of the build dependencies
 * (real RPMs, real createrepo_c), and each way a build fails.
 */
class MockBackendTest {

    private static final String PROJECT = """
            [project]
            default-distro = { name = "azl", version = "4.0" }
            [distros.azl]
            default-version = "4.0"
            [distros.azl.versions."4.0"]
            release-ver = "4.0"
            mock-config = "mock/azl4.cfg"
            """;

    /** The reproducibility macros every mock run defines, in order. */
    private static final List<String> DEFINES = List.of(
            "--define",
            "_buildhost keel",
            "--define",
            "clamp_mtime_to_source_date_epoch 1",
            "--define",
            "source_date_epoch_from_changelog 1",
            "--define",
            "use_source_date_epoch_as_buildtime 1");

    @TempDir
    Path dir;

    private FakeMock fake;
    private Project project;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> missing = HostTool.missing(List.of(HostTool.RPM, HostTool.RPMBUILD, HostTool.CREATEREPO));
        assumeTrue(
                missing.isEmpty(),
                () -> missing.orElse("") + " (the fake mock builds with rpmbuild; the backend runs createrepo_c)");
        fake = FakeMock.install(dir.resolve("fake"));
        project = project("config_opts['root'] = 'azl-4.0'\nconfig_opts['macros']['%dist'] = '.azl4'\n");
    }

    private Project project(String mockConfig) throws IOException {
        write(dir.resolve("project/azldev.toml"), PROJECT);
        write(dir.resolve("project/mock/azl4.cfg"), mockConfig);
        return new ProjectLoader(false).load(dir.resolve("project/azldev.toml"));
    }

    private MockBackend.Options options(List<Path> localRepos) throws IOException {
        return MockBackend.Options.of(
                project,
                BuildTarget.of(project).orElseThrow(),
                HostArch.rpm(),
                fake.executable().toString(),
                localRepos);
    }

    private Path configFile() {
        return project.workDir().resolve("mock/azl-4.0-" + HostArch.rpm() + ".cfg");
    }

    private BuildRequest request(
            String name, BuildConditionals conditionals, List<Path> dependencies, boolean srpmOnly, boolean noCheck)
            throws IOException {
        Path sources = dir.resolve("sources-" + name);
        write(sources.resolve(name + ".spec"), spec(name));
        return new BuildRequest(
                name,
                sources,
                name + ".spec",
                conditionals,
                dependencies,
                dir.resolve("work/" + name),
                dir.resolve("logs/" + name + ".log"),
                srpmOnly,
                noCheck);
    }

    private static BackendResult build(MockBackend backend, BuildRequest request) throws Exception {
        Files.createDirectories(request.log().getParent());
        Files.deleteIfExists(request.log());
        Files.createFile(request.log());
        return backend.build(request);
    }

    private static String spec(String name) {
        return """
                Name:           %s
                Version:        1
                Release:        1
                Summary:        A spec of Keel's mock backend tests
                License:        MIT

                %%description
                A test.

                %%prep

                %%build

                %%install

                %%files

                %%changelog
                * Tue Mar 03 2026 Keel Test <test@example.org> - 1-1
                - Test
                """.formatted(name.startsWith("-") ? "keeltest-hostile" : name);
    }

    /** A real noarch binary RPM, built with rpmbuild. */
    private Path rpm(String name) throws Exception {
        Path spec = dir.resolve("deps/" + name + ".spec");
        write(spec, spec(name).replace("License:        MIT", "License:        MIT\nBuildArch:      noarch"));
        Path out = dir.resolve("deps/rpms");
        var result = new ToolRunner(dir.resolve("deps/home"))
                .run(
                        ToolCommand.of(
                                Duration.ofMinutes(5),
                                List.of(
                                        "rpmbuild",
                                        "-bb",
                                        "--define",
                                        "_topdir " + dir.resolve("deps/top"),
                                        "--define",
                                        "_rpmdir " + out,
                                        "--define",
                                        "_build_name_fmt %{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}.rpm",
                                        spec.toString())),
                        dir.resolve("deps/rpmbuild.log"));
        assertThat(result.succeeded()).as("rpmbuild of " + name).isTrue();
        return out.resolve(name + "-1-1.noarch.rpm");
    }

    /** A repository made with createrepo_c of one real RPM. */
    private Path localRepository(String path) throws Exception {
        Path repository = dir.resolve(path);
        Files.createDirectories(repository);
        Files.copy(rpm("keeltest-local"), repository.resolve("keeltest-local-1-1.noarch.rpm"));
        var result = new ToolRunner(dir.resolve("deps/home"))
                .run(
                        ToolCommand.of(
                                Duration.ofMinutes(5), List.of("createrepo_c", "--quiet", repository.toString())),
                        null);
        assertThat(result.succeeded()).isTrue();
        return repository;
    }

    private static List<String> arguments(Object... parts) {
        List<String> arguments = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(item -> arguments.add(item.toString()));
            } else {
                arguments.add(part.toString());
            }
        }
        return arguments;
    }

    @Test
    void buildsTheSourceRpmThenTheBinaryRpmsAgainstARepositoryOfTheDependencies() throws Exception {
        Path one = rpm("keeltest-dep-one");
        Path two = rpm("keeltest-dep-two");
        MockBackend backend = new MockBackend(options(List.of()));
        BuildRequest request = request("keeltest-a", BuildConditionals.NONE, List.of(one, two), false, true);
        BackendResult result = build(backend, request);

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        Path work = request.workDir();
        assertThat(result.srpm()).isEqualTo(work.resolve("srpm/keeltest-a-1-1.src.rpm"));
        assertThat(result.rpms())
                .as("the binary RPMs, not the source RPM mock leaves beside them")
                .containsExactly(work.resolve("rpms/keeltest-a-1-1." + HostArch.rpm() + ".rpm"));
        List<FakeMock.Call> calls = fake.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).arguments())
                .containsExactlyElementsOf(arguments(
                        "-r",
                        configFile(),
                        "--buildsrpm",
                        "--spec",
                        work.resolve("sources/keeltest-a.spec"),
                        "--sources",
                        work.resolve("sources"),
                        "--resultdir",
                        work.resolve("srpm"),
                        "--uniqueext",
                        MockBackend.rootName(configFile(), 1),
                        DEFINES,
                        "--nocheck"));
        assertThat(calls.get(1).arguments())
                .containsExactlyElementsOf(arguments(
                        "-r",
                        configFile(),
                        "--rebuild",
                        result.srpm(),
                        "--resultdir",
                        work.resolve("rpms"),
                        "--uniqueext",
                        MockBackend.rootName(configFile(), 1),
                        DEFINES,
                        "--addrepo",
                        work.resolve("dependencies"),
                        "--nocheck"));
        assertThat(calls.get(1).repositories())
                .as("what the repository of the dependencies held while mock ran")
                .containsExactly(
                        work.resolve("dependencies") + ":",
                        "keeltest-dep-one-1-1.noarch.rpm",
                        "keeltest-dep-two-1-1.noarch.rpm",
                        "repodata");
        assertThat(primaryMetadata(work.resolve("dependencies")))
                .contains("<name>keeltest-dep-one</name>", "<name>keeltest-dep-two</name>");

        assertThat(configFile()).isAbsolute().startsWith(project.workDir());
        assertThat(Files.readString(configFile()))
                .isEqualTo(MockConfig.render(project, BuildTarget.of(project).orElseThrow(), HostArch.rpm()))
                .contains("config_opts['root'] = 'azl-4.0'");
        String log = Files.readString(request.log());
        assertThat(log)
                .containsSubsequence(
                        "--buildsrpm",
                        "keel: mock's state.log (" + work.resolve("srpm/state.log")
                                + "):\nfake mock: srpm of keeltest-a",
                        "keel: mock's root.log",
                        "keel: mock's build.log",
                        "Wrote: ",
                        "--rebuild",
                        "keel: mock's build.log (" + work.resolve("rpms/build.log") + "):",
                        "fake mock: built keeltest-a\n");
    }

    @Test
    void aStageOneBuildGivesItsConditionalsAndTheLocalRepositoriesToBothSteps() throws Exception {
        Path local = localRepository("local-repo");
        MockBackend backend = new MockBackend(options(List.of(local)));
        BuildRequest request = request(
                "keeltest-b",
                new BuildConditionals(List.of("bootstrap"), List.of("tests", "docs")),
                List.of(),
                false,
                false);
        BackendResult result = build(backend, request);

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        Path work = request.workDir();
        List<Object> common = List.of(
                "--uniqueext",
                MockBackend.rootName(configFile(), 1),
                "--with",
                "bootstrap",
                "--without",
                "tests",
                "--without",
                "docs",
                DEFINES,
                "--addrepo",
                local);
        List<FakeMock.Call> calls = fake.calls();
        assertThat(calls.get(0).arguments())
                .containsExactlyElementsOf(arguments(
                        "-r",
                        configFile(),
                        "--buildsrpm",
                        "--spec",
                        work.resolve("sources/keeltest-b.spec"),
                        "--sources",
                        work.resolve("sources"),
                        "--resultdir",
                        work.resolve("srpm"),
                        arguments(common.toArray())));
        assertThat(calls.get(1).arguments())
                .as("no dependency: no repository of them")
                .containsExactlyElementsOf(arguments(
                        "-r",
                        configFile(),
                        "--rebuild",
                        result.srpm(),
                        "--resultdir",
                        work.resolve("rpms"),
                        arguments(common.toArray())));
        assertThat(calls.get(1).repositories()).contains("keeltest-local-1-1.noarch.rpm", "repodata");
        assertThat(work.resolve("dependencies")).doesNotExist();
    }

    @Test
    void aSourceOnlyBuildStopsAtTheSourceRpm() throws Exception {
        MockBackend backend = new MockBackend(options(List.of()));
        BuildRequest request =
                request("keeltest-c", BuildConditionals.NONE, List.of(rpm("keeltest-dep-one")), true, false);
        BackendResult result = build(backend, request);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.srpm()).hasFileName("keeltest-c-1-1.src.rpm");
        assertThat(result.rpms()).isEmpty();
        assertThat(fake.calls())
                .singleElement()
                .satisfies(call ->
                        assertThat(call.arguments()).contains("--buildsrpm").doesNotContain("--addrepo"));
        assertThat(request.workDir().resolve("dependencies")).doesNotExist();
    }

    @Test
    void aFailedStepIsABuildFailureWithTheTellingLinesOfMocksBuildLog() throws Exception {
        MockBackend backend = new MockBackend(options(List.of()));
        fake.behave("keeltest-d", FakeMock.Step.REBUILD, FakeMock.Behaviour.FAIL);
        BuildRequest request = request("keeltest-d", BuildConditionals.NONE, List.of(), false, false);
        BackendResult result = build(backend, request);

        assertThat(result.succeeded()).isFalse();
        Failure failure = result.failure();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.BUILD);
        assertThat(failure.message()).isEqualTo("mock --rebuild failed (exit status 30)");
        assertThat(failure.location().file()).isEqualTo(request.log());
        assertThat(failure.details())
                .containsExactly(
                        new Failure.Detail("error 1", "error: keeltest-d does not build (fake mock)"),
                        new Failure.Detail("error 2", "error: Bad exit status from /var/tmp/rpm-tmp.fake (%build)"),
                        new Failure.Detail("log tail 1", "Executing(%build): /bin/sh -e /var/tmp/rpm-tmp.fake"),
                        new Failure.Detail("log tail 2", "error: keeltest-d does not build (fake mock)"),
                        new Failure.Detail("log tail 3", "error: Bad exit status from /var/tmp/rpm-tmp.fake (%build)"),
                        new Failure.Detail("log tail 4", "Child return code was: 1"));
        assertThat(Files.readString(request.log()))
                .as("mock's own output and its logs are kept")
                .contains("ERROR: Exception(fake)", "fake mock: the build root of keeltest-d is ready");

        fake.behave("keeltest-e", FakeMock.Step.SRPM, FakeMock.Behaviour.FAIL);
        BackendResult srpm = build(backend, request("keeltest-e", BuildConditionals.NONE, List.of(), false, false));
        assertThat(srpm.failure().message()).isEqualTo("mock --buildsrpm failed (exit status 30)");
        assertThat(fake.calls()).hasSize(3);
    }

    @Test
    void twoSourceRpmsOrNoneAreAFailure() throws Exception {
        MockBackend backend = new MockBackend(options(List.of()));
        fake.behave("keeltest-two", FakeMock.Step.SRPM, FakeMock.Behaviour.TWO_SRPMS);
        fake.behave("keeltest-none", FakeMock.Step.SRPM, FakeMock.Behaviour.NO_SRPM);
        BackendResult two = build(backend, request("keeltest-two", BuildConditionals.NONE, List.of(), false, false));
        BackendResult none = build(backend, request("keeltest-none", BuildConditionals.NONE, List.of(), false, false));

        assertThat(two.failure().kind()).isEqualTo(Failure.Kind.BUILD);
        assertThat(two.failure().message()).isEqualTo("mock --buildsrpm wrote 2 source RPMs, not one");
        assertThat(none.failure().message()).isEqualTo("mock --buildsrpm wrote 0 source RPMs, not one");
        assertThat(fake.calls()).as("neither is rebuilt").hasSize(2);
    }

    @Test
    void aMockThatHangsIsKilledWithItsChildrenAtTheTimeLimit() throws Exception {
        MockBackend.Options generous = options(List.of());
        MockBackend backend = new MockBackend(new MockBackend.Options(
                generous.executable(),
                generous.configFile(),
                generous.config(),
                generous.localRepos(),
                Duration.ofHours(8),
                Duration.ofSeconds(1),
                generous.scratch()));
        fake.behave("keeltest-slow", FakeMock.Step.SRPM, FakeMock.Behaviour.HANG);
        long start = System.nanoTime();
        BackendResult result =
                build(backend, request("keeltest-slow", BuildConditionals.NONE, List.of(), false, false));

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("does not hang")
                .isLessThan(Duration.ofMinutes(1));
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TOOL);
        assertThat(result.failure().message()).isEqualTo("mock --buildsrpm ran out of time");
        long sleeper = fake.sleeper("keeltest-slow").orElseThrow();
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (ProcessHandle.of(sleeper).filter(ProcessHandle::isAlive).isPresent() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(sleeper).filter(ProcessHandle::isAlive))
                .as("mock's child is killed with it")
                .isEmpty();
    }

    @Test
    void withoutMockNothingIsBuiltAndTheFailureSaysWhatToDo() throws Exception {
        Path absent = dir.resolve("no-such/mock");
        for (String executable : List.of(absent.toString(), dir.toString())) {
            assertThatThrownBy(() -> MockBackend.requireHost(executable, List.of()))
                    .isInstanceOfSatisfying(FailureException.class, e -> {
                        assertThat(e.failure().kind()).isEqualTo(Failure.Kind.TOOL);
                        assertThat(e.failure().message()).isEqualTo("cannot build: mock is not installed");
                        assertThat(e.failure().details()).containsExactly(new Failure.Detail("looked for", executable));
                        assertThat(e.failure().hint())
                                .isEqualTo("mock is not packaged for Debian 12: build on a Fedora, RHEL or Azure"
                                        + " Linux host with mock installed (dnf install mock) and the user in the"
                                        + " mock group (usermod -a -G mock USER), or use --backend local");
                    });
        }
        assumeTrue(ToolRunner.find("mock").isEmpty(), "mock is installed on this host");
        assertThatThrownBy(() -> MockBackend.requireHost("mock", List.of()))
                .hasMessage("cannot build: mock is not installed");
        MockBackend.Options options = options(List.of());
        MockBackend backend = new MockBackend(new MockBackend.Options(
                "mock",
                options.configFile(),
                options.config(),
                List.of(),
                options.buildTimeout(),
                options.stepTimeout(),
                options.scratch()));
        assertThatThrownBy(backend::identity).hasMessage("cannot build: mock is not installed");
    }

    @Test
    void theIdentityHoldsTheConfigurationAndMocksVersion() throws Exception {
        String first = new MockBackend(options(List.of())).identity();
        assertThat(first)
                .startsWith("mock-1\nconfig: sha256 "
                        + Digests.hex(
                                "SHA-256",
                                MockConfig.render(
                                                project, BuildTarget.of(project).orElseThrow(), HostArch.rpm())
                                        .getBytes(StandardCharsets.UTF_8)))
                .contains("\n%_buildhost keel\n")
                .endsWith("\nmock: " + FakeMock.VERSION);
        assertThat(new MockBackend(options(List.of())).identity()).isEqualTo(first);

        project = project("config_opts['root'] = 'azl-4.0'\nconfig_opts['macros']['%dist'] = '.azl4.1'\n");
        assertThat(new MockBackend(options(List.of())).identity())
                .as("a changed configuration changes every build's fingerprint")
                .isNotEqualTo(first);
        Path local = localRepository("local-repo");
        assertThat(new MockBackend(options(List.of(local))).identity()).contains("local-repos: " + local + "=");
    }

    @Test
    void aRepositoryPathDnfWouldSplitIsRefused() throws Exception {
        Path spaced = dir.resolve("my repo");
        assertThatThrownBy(() -> new MockBackend(options(List.of(spaced))).identity())
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(Failure.Kind.CONFIGURATION);
                    assertThat(e.failure().message())
                            .isEqualTo("--local-repo " + spaced
                                    + " cannot be given to mock: dnf would not read it as one repository path");
                });
        for (String name : List.of("a,b", "$basearch", "line\nbreak")) {
            assertThatThrownBy(() -> new MockBackend(options(List.of(dir.resolve(name)))).identity())
                    .hasMessageContaining("cannot be given to mock");
        }

        BuildRequest request =
                request("keeltest-f", BuildConditionals.NONE, List.of(rpm("keeltest-dep-one")), false, false);
        BuildRequest spacedWork = new BuildRequest(
                request.component(),
                request.sources(),
                request.spec(),
                request.conditionals(),
                request.dependencies(),
                dir.resolve("work dir/keeltest-f"),
                request.log(),
                false,
                false);
        BackendResult result = build(new MockBackend(options(List.of())), spacedWork);
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(result.failure().message())
                .isEqualTo("the build directory " + dir.resolve("work dir/keeltest-f/dependencies")
                        + " cannot be given to mock: dnf would not read it as one repository path");
        assertThat(result.failure().hint()).contains("work-dir");
        assertThat(fake.calls()).as("mock never ran").isEmpty();
    }

    @Test
    void aHostileSpecNameStaysOneArgument() throws Exception {
        MockBackend backend = new MockBackend(options(List.of()));
        String name = "-r --enable-network x";
        BackendResult result = build(backend, request(name, BuildConditionals.NONE, List.of(), true, false));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        Path work = dir.resolve("work/" + name);
        assertThat(fake.calls().get(0).arguments())
                .containsSubsequence(
                        "--spec", work.resolve("sources/" + name + ".spec").toString(),
                        "--sources", work.resolve("sources").toString(),
                        "--resultdir", work.resolve("srpm").toString())
                .doesNotContain("--enable-network");
        assertThat(result.srpm()).hasFileName("keeltest-hostile-1-1.src.rpm");
    }

    /** The primary metadata of a repository createrepo_c made. */
    private static String primaryMetadata(Path repository) throws IOException {
        Path primary;
        try (Stream<Path> files = Files.list(repository.resolve("repodata"))) {
            primary = files.filter(f -> f.getFileName().toString().endsWith("-primary.xml.gz"))
                    .findFirst()
                    .orElseThrow();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(primary))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void buildRootsOfTwoCheckoutsDifferAndEachKeepsItsNames() {
        Path one = Path.of("/srv/a/build/work/mock/upstream-1-x86_64.cfg");
        assertThat(MockBackend.rootName(one, 1))
                .matches("keel-[0-9a-f]{8}-1")
                .isEqualTo(MockBackend.rootName(Path.of("/srv/a/build/work/mock/../mock/upstream-1-x86_64.cfg"), 1))
                .isNotEqualTo(MockBackend.rootName(Path.of("/srv/b/build/work/mock/upstream-1-x86_64.cfg"), 1))
                .isNotEqualTo(MockBackend.rootName(one, 2));
    }
}
