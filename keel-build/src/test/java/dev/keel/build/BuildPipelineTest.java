package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.backend.DistroMacros;
import dev.keel.build.backend.LocalBackend;
import dev.keel.core.config.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the test distro with real rpmbuild, createrepo_c and dnf. */
class BuildPipelineTest {

    @TempDir
    Path dir;

    private TestDistro distro;

    @BeforeEach
    void setUp() throws Exception {
        RpmTools.assumeLocalBuild();
        distro = TestDistro.write(dir.resolve("project"));
    }

    private BuildPipeline.Report build(int jobs, boolean keepGoing, boolean rebuild) throws Exception {
        Project project = distro.load();
        BuildPipeline pipeline = new BuildPipeline(
                project,
                TestDistro.graph(),
                distro.sources(dir.resolve("lookaside")),
                new LocalBackend(
                        LocalBackend.Options.of(DistroMacros.of(project).macros(), List.of())),
                new BuildPipeline.Options(
                        jobs, keepGoing, false, false, rebuild, PreservePolicy.ON_FAILURE, null, dir.resolve("cache")));
        return pipeline.run(new TreeMap<>(project.components()), result -> {});
    }

    private static Map<String, String> statuses(BuildPipeline.Report report) {
        return report.results().stream()
                .collect(Collectors.toMap(
                        BuildResult::component, r -> r.outcome().key(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void buildsInOrderThenFindsEverythingUnchanged() throws Exception {
        BuildPipeline.Report first = build(2, false, false);
        first.results().forEach(r -> System.err.println(r));
        assertThat(statuses(first))
                .containsOnly(
                        Map.entry(TestDistro.DATA, "built"),
                        Map.entry(TestDistro.LIB, "built"),
                        Map.entry(TestDistro.PROG, "built"),
                        Map.entry(TestDistro.REPORT, "built"));
        BuildPipeline.Report second = build(2, false, false);
        assertThat(statuses(second).values()).containsOnly("unchanged");
    }
}
