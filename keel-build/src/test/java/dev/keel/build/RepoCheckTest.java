package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.backend.BackendResult;
import dev.keel.build.backend.BuildConditionals;
import dev.keel.build.backend.BuildRequest;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.repo.RepoCheck;
import dev.keel.build.tool.Dnf;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repo check} on the test distro's repository, with an input repository standing for the
 * distro's C library (a noarch package that provides what the compiled packages need from glibc).
 */
class RepoCheckTest {

    @TempDir
    Path dir;

    private Path repo;
    private Path inputs;

    @BeforeEach
    void buildTheDistroAndItsInputs() throws Exception {
        RpmTools.assumeLocalBuild(HostTool.CREATEREPO, HostTool.DNF, HostTool.REPOCLOSURE);
        TestDistro distro = TestDistro.write(dir.resolve("project"));
        repo = dir.resolve("repo");
        BuildPipeline.Report report = BuildPipelineTest.build(
                distro, dir.resolve("cache"), BuildPipelineTest.options(dir.resolve("cache"), 2, false, false, repo));
        assertThat(report.failed()).isFalse();
        inputs = stubInputs(repo);
    }

    /** A repository with one package that provides every requirement on the C library and loader. */
    private Path stubInputs(Path from) throws Exception {
        ToolRunner runner = new ToolRunner(dir.resolve("home"));
        List<String> query = new ArrayList<>(List.of("rpm", "-qp", "--requires"));
        try (Stream<Path> files = Files.list(from)) {
            files.filter(f -> f.toString().endsWith(".rpm")).forEach(f -> query.add(f.toString()));
        }
        TreeSet<String> provides = new TreeSet<>();
        runner.capture(ToolCommand.of(Duration.ofMinutes(1), query), null)
                .output()
                .lines()
                .filter(line -> line.startsWith("libc.so") || line.startsWith("rtld(") || line.startsWith("ld-linux"))
                .forEach(provides::add);
        Path sources = Files.createDirectories(dir.resolve("stub-sources"));
        Files.writeString(sources.resolve("keeltest-stub-libc.spec"), """
                Name: keeltest-stub-libc
                Version: 1
                Release: 1
                Summary: Stands for the input repositories' C library
                License: MIT
                BuildArch: noarch
                %s
                %%description
                A stub.
                %%files
                %%changelog
                * Tue Mar 03 2026 Keel Test <test@example.org> - 1-1
                - Stub
                """.formatted(
                        provides.stream().map(p -> "Provides: " + p + "\n").reduce("", String::concat)));
        Path log = dir.resolve("stub.log");
        Files.createFile(log);
        BackendResult stub = new LocalBackend(
                        LocalBackend.Options.of(new TreeMap<>(), List.of(), dir.resolve("scratch")))
                .build(new BuildRequest(
                        "keeltest-stub-libc",
                        sources,
                        "keeltest-stub-libc.spec",
                        BuildConditionals.NONE,
                        List.of(),
                        dir.resolve("stub-work"),
                        log,
                        false,
                        false));
        assertThat(stub.succeeded()).as("%s", stub.failure()).isTrue();
        Path repository = Files.createDirectories(dir.resolve("inputs"));
        Files.copy(stub.rpms().get(0), repository.resolve(stub.rpms().get(0).getFileName()));
        assertThat(runner.run(
                                ToolCommand.of(
                                        Duration.ofMinutes(5),
                                        List.of("createrepo_c", "--quiet", repository.toString())),
                                null)
                        .succeeded())
                .isTrue();
        return repository;
    }

    private RepoCheck check(List<Dnf.Repository> inputRepositories) {
        return new RepoCheck(repo, inputRepositories, "1", dir.resolve("check-work"));
    }

    private List<Dnf.Repository> withInputs() {
        return List.of(new Dnf.Repository("inputs", inputs.toUri().toString(), null));
    }

    @Test
    void withoutItsInputsTheRepositoryLacksTheCLibrary() throws Exception {
        RepoCheck.Report report = check(List.of()).run(List.of(), dir.resolve("check.log"));
        assertThat(report.passed()).isFalse();
        assertThat(report.unresolved())
                .extracting(RepoCheck.Unresolved::pkg)
                .containsExactly("keeltest-lib-1.0-1.kt1.x86_64", "keeltest-prog-2.0-1.kt1.x86_64");
        assertThat(report.unresolved().get(0).requires()).contains("rtld(GNU_HASH)");
    }

    @Test
    void withItsInputsEveryRequirementResolvesAndTheChainInstallsIntoAnEmptyRoot() throws Exception {
        HostState host = HostState.now();
        RepoCheck.Report report =
                check(withInputs()).run(List.of("keeltest-prog", "keeltest-report"), dir.resolve("check.log"));
        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(report.installed())
                .containsExactly(
                        "keeltest-lib-1.0-1.kt1.x86_64",
                        "keeltest-prog-2.0-1.kt1.x86_64",
                        "keeltest-report-3.0-1.kt1.noarch",
                        "keeltest-stub-libc-1-1.noarch");
        assertThat(dir.resolve("check-work/root/usr/bin/keeltest-prog")).isRegularFile();
        host.assertUntouched(dir);
    }

    @Test
    void aPackageThatCannotInstallFailsTheCheckWithDnfsWords() throws Exception {
        RepoCheck.Report report = check(List.of()).run(List.of("keeltest-prog"), dir.resolve("check.log"));
        assertThat(report.installFailure()).isNotNull();
        assertThat(report.installFailure().message()).startsWith("the packages do not install into an empty root");
        assertThat(report.installFailure().details())
                .anyMatch(detail -> detail.value().contains("nothing provides"));
    }

    @Test
    void aRemovedLibraryLeavesItsUsersUnresolved() throws Exception {
        try (Stream<Path> files = Files.list(repo)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("keeltest-lib-1.0"))
                    .toList()) {
                Files.delete(file);
            }
        }
        new ToolRunner(dir.resolve("home"))
                .run(
                        ToolCommand.of(
                                Duration.ofMinutes(5), List.of("createrepo_c", "--quiet", "--update", repo.toString())),
                        null);
        RepoCheck.Report report = check(withInputs()).run(List.of(), dir.resolve("check.log"));
        assertThat(report.unresolved())
                .containsExactly(
                        new RepoCheck.Unresolved(
                                "keeltest-lib-devel-1.0-1.kt1.x86_64", List.of("keeltest-lib(x86-64) = 1.0-1.kt1")),
                        new RepoCheck.Unresolved(
                                "keeltest-prog-2.0-1.kt1.x86_64", List.of("libkeeltestlib.so.1()(64bit)")));
    }
}
