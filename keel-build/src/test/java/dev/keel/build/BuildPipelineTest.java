package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.backend.LocalBackend;
import dev.keel.build.mock.DistroMacros;
import dev.keel.build.repo.RepoCheck;
import dev.keel.build.tool.HostTool;
import dev.keel.core.config.Project;
import dev.keel.core.io.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the test distro ({@link TestDistro}: a library, a program that links it, a noarch
 * package that runs the program at build time, and an independent noarch package) with real
 * rpmbuild, in dependency order, incrementally, and checks the host is left as it was.
 */
class BuildPipelineTest {

    @TempDir
    Path dir;

    private TestDistro distro;

    @BeforeEach
    void setUp() throws Exception {
        RpmTools.assumeLocalBuild(HostTool.CREATEREPO);
        distro = TestDistro.write(dir.resolve("project"));
    }

    /** Builds every component of {@code distro} with the given options. */
    static BuildPipeline.Report build(TestDistro distro, Path cache, BuildPipeline.Options options) throws Exception {
        Project project = distro.load();
        BuildPipeline pipeline = new BuildPipeline(
                project,
                TestDistro.graph(),
                distro.sources(cache.resolve("lookaside")),
                new LocalBackend(LocalBackend.Options.of(
                        DistroMacros.of(project).macros(),
                        List.of(),
                        project.workDir().resolve("tool-home"))),
                options);
        return pipeline.run(new TreeMap<>(project.components()), result -> {});
    }

    static BuildPipeline.Options options(Path cache, int jobs, boolean keepGoing, boolean rebuild, Path publishRepo) {
        return new BuildPipeline.Options(
                jobs, keepGoing, false, false, rebuild, PreservePolicy.ON_FAILURE, publishRepo, cache);
    }

    private BuildPipeline.Report build(int jobs, boolean keepGoing, boolean rebuild) throws Exception {
        return build(distro, dir.resolve("cache"), options(dir.resolve("cache"), jobs, keepGoing, rebuild, null));
    }

    static Map<String, String> statuses(BuildPipeline.Report report) {
        return report.results().stream()
                .collect(Collectors.toMap(
                        BuildResult::component, BuildPipelineTest::describe, (a, b) -> a, TreeMap::new));
    }

    private static String describe(BuildResult result) {
        if (result.outcome() instanceof BuildOutcome.Blocked blocked) {
            return "blocked by " + String.join(",", blocked.by());
        }
        return result.outcome().key();
    }

    /** Every file under the output directory with its SHA-256, by path relative to it. */
    static SortedMap<String, String> published(Path out) throws Exception {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(out)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(file).toString(), Digests.hex("SHA-256", file));
            }
        }
        return files;
    }

    @Test
    void buildsInDependencyOrderThenFindsEverythingUnchangedAndLeavesTheHostAlone() throws Exception {
        HostState host = HostState.now();
        BuildPipeline.Report first = build(2, false, false);
        assertThat(statuses(first))
                .as("%s", first)
                .containsOnly(
                        Map.entry(TestDistro.DATA, "built"),
                        Map.entry(TestDistro.LIB, "built"),
                        Map.entry(TestDistro.PROG, "built"),
                        Map.entry(TestDistro.REPORT, "built"));
        Path out = distro.root().resolve("out");
        assertThat(published(out).keySet())
                .containsExactly(
                        "rpms/keeltest-data-1.5-1.kt1.noarch.rpm",
                        "rpms/keeltest-lib-1.0-1.kt1.x86_64.rpm",
                        "rpms/keeltest-lib-devel-1.0-1.kt1.x86_64.rpm",
                        "rpms/keeltest-prog-2.0-1.kt1.x86_64.rpm",
                        "rpms/keeltest-report-3.0-1.kt1.noarch.rpm",
                        "srpms/keeltest-data-1.5-1.kt1.src.rpm",
                        "srpms/keeltest-lib-1.0-1.kt1.src.rpm",
                        "srpms/keeltest-prog-2.0-1.kt1.src.rpm",
                        "srpms/keeltest-report-3.0-1.kt1.src.rpm");
        BuildResult lib = first.results().get(1);
        assertThat(lib.log()).isEqualTo(distro.root().resolve("build/logs/keeltest-lib.log"));
        assertThat(lib.notes())
                .anyMatch(note -> note.startsWith("build requirements the host must provide, not checked: gcc"));
        assertThat(distro.root().resolve("build/work/build"))
                .as("work directories of successful builds are removed")
                .isEmptyDirectory();
        host.assertUntouched(dir);

        SortedMap<String, String> before = published(out);
        BuildPipeline.Report second = build(2, false, false);
        assertThat(statuses(second).values()).containsOnly("unchanged");
        assertThat(second.results().get(0).log()).isNull();
        assertThat(published(out)).isEqualTo(before);
    }

    @Test
    void aChangedLibraryRebuildsItAndEverythingThatNeedsItOnly() throws Exception {
        build(1, false, false);
        distro.library(7);
        BuildPipeline.Report report = build(2, false, false);
        assertThat(statuses(report))
                .containsOnly(
                        Map.entry(TestDistro.DATA, "unchanged"),
                        Map.entry(TestDistro.LIB, "built"),
                        Map.entry(TestDistro.PROG, "built"),
                        Map.entry(TestDistro.REPORT, "built"));
    }

    @Test
    void rebuildForcesEveryBuildAndGivesTheSameBytes() throws Exception {
        build(2, false, false);
        SortedMap<String, String> before = published(distro.root().resolve("out"));
        BuildPipeline.Report report = build(2, false, true);
        assertThat(statuses(report).values()).containsOnly("built");
        assertThat(published(distro.root().resolve("out"))).isEqualTo(before);
    }

    @Test
    void aFailureWithKeepGoingBlocksItsDependentsBuildsTheRestAndKeepsTheRepositoryConsistent() throws Exception {
        distro.breakLibrary();
        Path repo = dir.resolve("repo");
        BuildPipeline.Report report =
                build(distro, dir.resolve("cache"), options(dir.resolve("cache"), 2, true, false, repo));
        assertThat(statuses(report))
                .containsOnly(
                        Map.entry(TestDistro.DATA, "built"),
                        Map.entry(TestDistro.LIB, "failed"),
                        Map.entry(TestDistro.PROG, "blocked by keeltest-lib"),
                        Map.entry(TestDistro.REPORT, "blocked by keeltest-lib"));
        BuildOutcome.Failed failed =
                (BuildOutcome.Failed) report.results().get(1).outcome();
        assertThat(failed.failure().message()).isEqualTo("rpmbuild --rebuild failed (exit status 1)");
        assertThat(failed.failure().details())
                .anyMatch(d -> d.label().equals("error 1") && d.value().contains("keeltestlib.c:2:"))
                .anyMatch(d -> d.label().startsWith("log tail ") && d.value().contains("Bad exit status"));
        assertThat(distro.root().resolve("build/work/build/keeltest-lib/backend/sandbox/build"))
                .as("a failed build's directory is kept (--preserve-buildenv on-failure)")
                .isDirectory();
        assertThat(published(distro.root().resolve("out")).keySet())
                .containsExactly("rpms/keeltest-data-1.5-1.kt1.noarch.rpm", "srpms/keeltest-data-1.5-1.kt1.src.rpm");
        try (Stream<Path> files = Files.list(repo)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("keeltest-data-1.5-1.kt1.noarch.rpm", "repodata");
        }
        RpmTools.assume(RepoCheck.tools().toArray(HostTool[]::new));
        RepoCheck.Report check = new RepoCheck(repo, List.of(), "1", dir.resolve("check"))
                .run(List.of("keeltest-data"), dir.resolve("check.log"));
        assertThat(check.passed()).as("%s", check).isTrue();
        assertThat(check.installed()).containsExactly("keeltest-data-1.5-1.kt1.noarch");

        distro.library(42);
        BuildPipeline.Report fixed =
                build(distro, dir.resolve("cache"), options(dir.resolve("cache"), 2, true, false, repo));
        assertThat(statuses(fixed))
                .containsOnly(
                        Map.entry(TestDistro.DATA, "unchanged"),
                        Map.entry(TestDistro.LIB, "built"),
                        Map.entry(TestDistro.PROG, "built"),
                        Map.entry(TestDistro.REPORT, "built"));
    }

    @Test
    void withoutKeepGoingNothingStartsAfterTheFirstFailure() throws Exception {
        distro.breakLibrary();
        assertThat(statuses(build(1, false, false)))
                .containsOnly(
                        Map.entry(TestDistro.DATA, "skipped"),
                        Map.entry(TestDistro.LIB, "failed"),
                        Map.entry(TestDistro.PROG, "blocked by keeltest-lib"),
                        Map.entry(TestDistro.REPORT, "blocked by keeltest-lib"));
    }

    @Test
    void aDependencyOutsideTheSelectionMustHaveBeenBuilt() throws Exception {
        Project project = distro.load();
        SortedMap<String, dev.keel.core.config.ResolvedComponent> prog = new TreeMap<>();
        prog.put(TestDistro.PROG, project.components().get(TestDistro.PROG));
        BuildPipeline pipeline = new BuildPipeline(
                project,
                TestDistro.graph(),
                distro.sources(dir.resolve("lookaside")),
                new LocalBackend(LocalBackend.Options.of(
                        DistroMacros.of(project).macros(),
                        List.of(),
                        project.workDir().resolve("tool-home"))),
                options(dir.resolve("cache"), 1, false, false, null));
        assertThat(statuses(pipeline.run(prog, result -> {})))
                .containsOnly(Map.entry(TestDistro.PROG, "blocked by keeltest-lib"));
        build(1, false, false);
        distro.library(9);
        assertThat(statuses(pipeline.run(prog, result -> {})))
                .as("the library's published build is used, not its changed sources")
                .containsOnly(Map.entry(TestDistro.PROG, "unchanged"));
    }
}
