package dev.keel.build.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.outcome.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend on hand-written specs, with real rpmbuild in its sandbox. */
class LocalBackendTest {

    @TempDir
    Path dir;

    @BeforeEach
    void requireTools() {
        Optional<String> why = LocalBackend.unavailable(List.of());
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds RPMs)");
    }

    private LocalBackend backend() {
        return new LocalBackend(
                LocalBackend.Options.of(new TreeMap<>(Map.of("dist", ".kt1")), List.of(), dir.resolve("scratch")));
    }

    /** A noarch spec with the given preamble lines and build script, and a changelog. */
    private static String spec(String name, String preamble, String build, String files) {
        return """
                Name:           %s
                Version:        1
                Release:        1%%{?dist}
                Summary:        A spec of Keel's backend tests
                License:        MIT
                BuildArch:      noarch
                %s

                %%description
                A test.

                %%prep

                %%build
                %s

                %%install
                %s

                %%files
                %s

                %%changelog
                * Tue Mar 03 2026 Keel Test <test@example.org> - 1-1
                - Test
                """.formatted(
                        name,
                        preamble,
                        build,
                        files.isEmpty() ? "" : "install -Dpm 0644 /dev/null %{buildroot}" + files,
                        files);
    }

    private BuildRequest request(
            String name, String specText, List<Path> dependencies, boolean srpmOnly, boolean noCheck) throws Exception {
        Path sources = dir.resolve("sources-" + name);
        Files.createDirectories(sources);
        Files.writeString(sources.resolve(name + ".spec"), specText);
        return new BuildRequest(
                name,
                sources,
                name + ".spec",
                BuildConditionals.NONE,
                dependencies,
                dir.resolve("work-" + name),
                dir.resolve("logs/" + name + ".log"),
                srpmOnly,
                noCheck);
    }

    private BackendResult build(LocalBackend backend, BuildRequest request) throws Exception {
        Files.createDirectories(request.log().getParent());
        Files.deleteIfExists(request.log());
        Files.createFile(request.log());
        return backend.build(request);
    }

    @Test
    void missingHostRequirementsFailBeforeTheBuildAndSayWhatToInstall() throws Exception {
        assumeTrue(
                ToolRunner.find("pkg-config").isPresent(), "pkg-config is not installed: apt-get install -y pkgconf");
        BackendResult result = build(
                backend(),
                request(
                        "keeltest-needs",
                        spec(
                                "keeltest-needs",
                                "BuildRequires: /usr/bin/keeltest-no-such-tool\n"
                                        + "BuildRequires: pkgconfig(keeltest-no-such-library) >= 1.0\n"
                                        + "BuildRequires: keeltest-no-such-package\nBuildRequires: /bin/sh",
                                "echo building",
                                ""),
                        List.of(),
                        false,
                        false));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TOOL);
        assertThat(result.failure().message())
                .isEqualTo("the host lacks 2 build requirements that no in-distro dependency provides");
        assertThat(result.failure().details())
                .containsExactly(
                        new Failure.Detail("missing", "/usr/bin/keeltest-no-such-tool (no such file)"),
                        new Failure.Detail(
                                "missing", "pkgconfig(keeltest-no-such-library) >= 1.0 (pkg-config does not find it)"));
        assertThat(result.failure().hint()).contains("apt-file search");
        assertThat(result.notes())
                .containsExactly("build requirements the host must provide, not checked: keeltest-no-such-package (no"
                        + " rpm database on this host says who provides it)");
        assertThat(Files.readString(dir.resolve("logs/keeltest-needs.log"))).doesNotContain("Executing(%build)");
    }

    @Test
    void theBuildConditionalsApplyToEveryRpmbuild() throws Exception {
        String text = spec(
                        "keeltest-cond",
                        "%if %{with a_dep}\nBuildRequires: /usr/share/keeltest-nowhere/needed\n%endif",
                        "true",
                        "")
                .replace("Name:", "%bcond a_dep 1\n%bcond extra 0\nName:")
                .replace(
                        "Release:        1%{?dist}",
                        "Release:        1%{!?with_a_dep:.noadep}%{?with_extra:.extra}%{?dist}");
        BackendResult normal = build(backend(), request("keeltest-cond", text, List.of(), false, false));
        assertThat(normal.failure().message())
                .isEqualTo("the host lacks 1 build requirement that no in-distro dependency provides");

        BuildRequest plain = request("keeltest-cond", text, List.of(), false, false);
        BackendResult stage1 = build(
                backend(),
                new BuildRequest(
                        plain.component(),
                        plain.sources(),
                        plain.spec(),
                        new BuildConditionals(List.of("extra"), List.of("a_dep")),
                        List.of(),
                        plain.workDir(),
                        plain.log(),
                        false,
                        false));
        assertThat(stage1.succeeded()).as("%s", stage1.failure()).isTrue();
        assertThat(stage1.srpm().getFileName()).hasToString("keeltest-cond-1-1.noadep.extra.kt1.src.rpm");
        assertThat(stage1.rpms())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("keeltest-cond-1-1.noadep.extra.kt1.noarch.rpm");
        assertThat(Files.readString(plain.log())).contains("--without a_dep");
    }

    @Test
    void aBuildConditionalThatIsNoNameIsRefused() {
        for (String name : List.of("", "a b", "--define", "a\nb", "x%{y}")) {
            assertThatThrownBy(() -> new BuildConditionals(List.of(), List.of(name)))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new BuildConditionals(List.of("bootstrap"), List.of("tests", "docs")).arguments())
                .containsExactly("--with", "bootstrap", "--without", "tests", "--without", "docs");
    }

    @Test
    void srpmOnlyBuildsTheSourcePackageAlone() throws Exception {
        BackendResult result = build(
                backend(),
                request("keeltest-source", spec("keeltest-source", "", "exit 1", ""), List.of(), true, false));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.srpm().getFileName()).hasToString("keeltest-source-1-1.kt1.src.rpm");
        assertThat(result.rpms()).isEmpty();
    }

    @Test
    void noCheckSkipsTheCheckSection() throws Exception {
        String text = spec("keeltest-checked", "", "true", "/usr/share/keeltest-checked/file")
                .replace("%files", "%check\necho 'error: the tests fail'; exit 1\n\n%files");
        BackendResult checked = build(backend(), request("keeltest-checked", text, List.of(), false, false));
        assertThat(checked.succeeded()).isFalse();
        assertThat(checked.failure().details()).contains(new Failure.Detail("error 1", "error: the tests fail"));
        BackendResult unchecked = build(backend(), request("keeltest-checked", text, List.of(), false, true));
        assertThat(unchecked.succeeded()).isTrue();
        assertThat(unchecked.rpms())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("keeltest-checked-1-1.kt1.noarch.rpm");
    }

    @Test
    void aBuildThatTakesTooLongIsKilledWithEverythingItStarted() throws Exception {
        LocalBackend impatient = new LocalBackend(new LocalBackend.Options(
                new TreeMap<>(), List.of(), Duration.ofSeconds(3), Duration.ofMinutes(5), dir.resolve("scratch")));
        long start = System.nanoTime();
        BackendResult result = build(
                impatient,
                request("keeltest-slow", spec("keeltest-slow", "", "sleep 3171", ""), List.of(), false, false));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("does not hang")
                .isLessThan(Duration.ofMinutes(2));
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TOOL);
        assertThat(result.failure().message()).isEqualTo("rpmbuild --rebuild ran out of time");
        // the kill is sent; on a loaded machine the kernel may take a moment to reap the processes
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sleeping("sleep 3171") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sleeping("sleep 3171")).as("the build's processes are gone").isFalse();
    }

    @Test
    void dependenciesThatOwnTheSameFileCannotBeInstalledTogether() throws Exception {
        String file = "/usr/share/keeltest-shared/file";
        BackendResult a = build(
                backend(),
                request(
                        "keeltest-one",
                        spec("keeltest-one", "", "true", file).replace("/dev/null", "/etc/hostname"),
                        List.of(),
                        false,
                        false));
        BackendResult b = build(
                backend(), request("keeltest-two", spec("keeltest-two", "", "true", file), List.of(), false, false));
        BackendResult both = build(
                backend(),
                request(
                        "keeltest-both",
                        spec("keeltest-both", "", "true", ""),
                        List.of(a.rpms().get(0), b.rpms().get(0)),
                        false,
                        false));
        assertThat(both.failure().message()).startsWith("the build dependencies cannot be installed together");
        assertThat(both.failure().hint()).contains("same file");
    }

    @Test
    void aDependencyUnderATopLevelDirectoryTheHostLacksIsRefused() throws Exception {
        BackendResult odd = build(
                backend(),
                request(
                        "keeltest-odd",
                        spec("keeltest-odd", "", "true", "/keeltest-top/file"),
                        List.of(),
                        false,
                        false));
        BackendResult user = build(
                backend(),
                request(
                        "keeltest-user",
                        spec("keeltest-user", "", "true", ""),
                        List.of(odd.rpms().get(0)),
                        false,
                        false));
        assertThat(user.succeeded()).isFalse();
        assertThat(user.failure().message())
                .isEqualTo(
                        "the build dependencies install files under /keeltest-top, which this host has not as a directory");
    }

    @Test
    void aWorkDirectoryAnOverlayCannotNameIsRefused() throws Exception {
        BuildRequest request =
                request("keeltest-comma", spec("keeltest-comma", "", "true", ""), List.of(), false, false);
        BuildRequest comma = new BuildRequest(
                request.component(),
                request.sources(),
                request.spec(),
                request.conditionals(),
                List.of(),
                dir.resolve("a,b"),
                request.log(),
                false,
                false);
        BackendResult result = build(backend(), comma);
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(result.failure().message()).contains("contains a ',', ':', '\\' or a line break");
    }

    @Test
    void aLocalRepositoryProvidesWhatTheLayerLacks() throws Exception {
        assumeTrue(
                HostTool.missing(List.of(HostTool.DNF, HostTool.CREATEREPO)).isEmpty(), "needs dnf and createrepo_c");
        String tool = "/usr/share/keeltest-extra/greeting";
        BackendResult extra = build(
                backend(),
                request("keeltest-extra", spec("keeltest-extra", "", "true", tool), List.of(), false, false));
        Path repo = dir.resolve("extra-repo");
        Files.createDirectories(repo);
        Files.copy(extra.rpms().get(0), repo.resolve(extra.rpms().get(0).getFileName()));
        Process createrepo = new ProcessBuilder("createrepo_c", "--quiet", repo.toString())
                .inheritIO()
                .start();
        assertThat(createrepo.waitFor()).isZero();
        LocalBackend withRepo = new LocalBackend(
                LocalBackend.Options.of(new TreeMap<>(Map.of("dist", ".kt1")), List.of(repo), dir.resolve("scratch")));
        BackendResult result = build(
                withRepo,
                request(
                        "keeltest-user-of-extra",
                        spec("keeltest-user-of-extra", "BuildRequires: keeltest-extra >= 1", "test -f " + tool, ""),
                        List.of(),
                        false,
                        false));
        assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
        assertThat(result.notes()).contains("from --local-repo: keeltest-extra-1-1.kt1.noarch.rpm");
    }

    private static boolean sleeping(String command) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .anyMatch(line -> line.contains(command));
    }
}
