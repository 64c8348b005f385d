package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.backend.LocalBackend;
import dev.keel.build.graph.BuildGraph;
import dev.keel.build.graph.FactExtractor;
import dev.keel.build.graph.GraphBuilder;
import dev.keel.build.graph.GraphFacts;
import dev.keel.build.mock.DistroMacros;
import dev.keel.build.tool.HostArch;
import dev.keel.build.tool.HostTool;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.Digests;
import dev.keel.core.render.LocalSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dependency cycle broken by a bootstrap build, end to end with real rpmbuild: the graph of
 * {@link TestDistro#writeCycle} as {@link GraphBuilder} finds it from the rendered specs, then the
 * stage-1 build, the component that needs it, the final build, and a component that needs both
 * (built against the final build only: stage 1 and the final build cannot share a layer).
 */
class BootstrapBuildTest {

    private static final String STAGE1 = TestDistro.BETA + BuildGraph.STAGE1;

    @TempDir
    Path dir;

    private TestDistro distro;
    private Project project;
    private BuildGraph graph;

    @BeforeEach
    void setUp() throws Exception {
        RpmTools.assumeLocalBuild(HostTool.CREATEREPO);
        distro = TestDistro.writeCycle(dir.resolve("project"));
        project = distro.load();
        GraphFacts facts = GraphFacts.fromRender(
                project,
                new LocalSpecs(),
                new FactExtractor(HostArch.rpm(), DistroMacros.of(project).macros()),
                1);
        graph = GraphBuilder.build(facts, project.components().keySet(), Set.of())
                .graph();
    }

    private BuildPipeline.Report build(SortedMap<String, ResolvedComponent> selected, Path publishRepo)
            throws Exception {
        BuildPipeline pipeline = new BuildPipeline(
                project,
                graph,
                distro.sources(dir.resolve("lookaside")),
                new LocalBackend(LocalBackend.Options.of(
                        DistroMacros.of(project).macros(),
                        List.of(),
                        project.workDir().resolve("tool-home"))),
                BuildPipelineTest.options(dir.resolve("cache"), 2, false, false, publishRepo));
        assertThat(pipeline.nodes(selected.keySet())).containsExactlyElementsOf(graph.nodes(selected.keySet()));
        return pipeline.run(selected, result -> {});
    }

    @Test
    void theGraphHasAStage1NodeThatBreaksTheCycle() {
        assertThat(graph.bootstrap())
                .containsExactly(
                        Map.entry(STAGE1, new BuildGraph.Bootstrap(TestDistro.BETA, List.of(), List.of("a_dep"))));
        assertThat(graph.dependsOn())
                .containsEntry(TestDistro.ALPHA, new java.util.TreeSet<>(Set.of(STAGE1)))
                .containsEntry(TestDistro.BETA, new java.util.TreeSet<>(Set.of(TestDistro.ALPHA)))
                .containsEntry(STAGE1, new java.util.TreeSet<>())
                .containsEntry(TestDistro.GAMMA, new java.util.TreeSet<>(Set.of(TestDistro.ALPHA, TestDistro.BETA)));
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void buildsStage1ThenWhatNeedsItThenTheFinalBuildAndKeepsStage1OutOfThePublishedRpms() throws Exception {
        HostState host = HostState.now();
        Path repo = dir.resolve("repo");
        BuildPipeline.Report first = build(new TreeMap<>(project.components()), repo);
        assertThat(BuildPipelineTest.statuses(first))
                .as("%s", first)
                .containsExactly(
                        Map.entry(TestDistro.ALPHA, "built"),
                        Map.entry(TestDistro.BETA, "built"),
                        Map.entry(STAGE1, "built"),
                        Map.entry(TestDistro.GAMMA, "built"));
        BuildResult stage1 = first.results().get(2);
        assertThat(stage1.notes())
                .contains("stage-1 build (--without a_dep): kept for the builds that need it, not published");
        assertThat(stage1.log()).isEqualTo(distro.root().resolve("build/logs/" + STAGE1 + ".log"));

        Path out = distro.root().resolve("out");
        SortedMap<String, String> files = BuildPipelineTest.published(out);
        assertThat(files.keySet())
                .containsExactly(
                        "bootstrap/keeltest-beta/keeltest-beta-1.0-1.kt1.noarch.rpm",
                        "bootstrap/keeltest-beta/keeltest-beta-1.0-1.kt1.src.rpm",
                        "rpms/keeltest-alpha-1.0-1.kt1.noarch.rpm",
                        "rpms/keeltest-beta-1.0-1.kt1.noarch.rpm",
                        "rpms/keeltest-gamma-1.0-1.kt1.noarch.rpm",
                        "srpms/keeltest-alpha-1.0-1.kt1.src.rpm",
                        "srpms/keeltest-beta-1.0-1.kt1.src.rpm",
                        "srpms/keeltest-gamma-1.0-1.kt1.src.rpm");
        assertThat(files.get("bootstrap/keeltest-beta/keeltest-beta-1.0-1.kt1.noarch.rpm"))
                .as("stage 1 and the final build differ, under the same file name")
                .isNotEqualTo(files.get("rpms/keeltest-beta-1.0-1.kt1.noarch.rpm"));
        assertThat(stage1.rpms())
                .extracting(BuildResult.PublishedRpm::path)
                .containsExactly(out.resolve("bootstrap/keeltest-beta/keeltest-beta-1.0-1.kt1.noarch.rpm"));
        assertThat(Files.readString(first.results().get(0).log()))
                .as("alpha is built against stage 1")
                .contains(out.resolve("bootstrap/keeltest-beta/keeltest-beta-1.0-1.kt1.noarch.rpm")
                        .toString());
        try (Stream<Path> listing = Files.list(repo)) {
            assertThat(listing.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "keeltest-alpha-1.0-1.kt1.noarch.rpm",
                            "keeltest-beta-1.0-1.kt1.noarch.rpm",
                            "keeltest-gamma-1.0-1.kt1.noarch.rpm",
                            "repodata");
        }
        assertThat(Digests.hex("SHA-256", repo.resolve("keeltest-beta-1.0-1.kt1.noarch.rpm")))
                .as("the publish repository has the final build")
                .isEqualTo(files.get("rpms/keeltest-beta-1.0-1.kt1.noarch.rpm"));
        host.assertUntouched(dir);

        BuildPipeline.Report second = build(new TreeMap<>(project.components()), repo);
        assertThat(BuildPipelineTest.statuses(second).values()).containsOnly("unchanged");
        assertThat(BuildPipelineTest.published(out)).isEqualTo(files);

        SortedMap<String, ResolvedComponent> alpha = new TreeMap<>();
        alpha.put(TestDistro.ALPHA, project.components().get(TestDistro.ALPHA));
        assertThat(BuildPipelineTest.statuses(build(alpha, repo)))
                .as("alone, alpha uses the kept stage 1")
                .containsExactly(Map.entry(TestDistro.ALPHA, "unchanged"));
    }

    @Test
    void aComponentThatNeedsAStage1BuildNeverBuiltIsBlockedNamingIt() throws Exception {
        SortedMap<String, ResolvedComponent> alpha = new TreeMap<>();
        alpha.put(TestDistro.ALPHA, project.components().get(TestDistro.ALPHA));
        BuildPipeline.Report report = build(alpha, null);
        assertThat(BuildPipelineTest.statuses(report))
                .containsExactly(Map.entry(TestDistro.ALPHA, "blocked by " + STAGE1));
        assertThat(((BuildOutcome.Blocked) report.results().get(0).outcome()).reason())
                .isEqualTo("needs " + STAGE1 + ", which has not been built: build it first or with it (a stage-1 build"
                        + " comes with its component)");
    }
}
