package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.graph.BuildGraph;
import dev.keel.core.outcome.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scheduler on hand-made graphs, with work that records what ran when. */
class BuildSchedulerTest {

    /** a <- b <- c, a <- d, e alone; x and y need each other. */
    private static BuildGraph graph() {
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        dependsOn.put("a", new TreeSet<>());
        dependsOn.put("b", new TreeSet<>(List.of("a")));
        dependsOn.put("c", new TreeSet<>(List.of("b")));
        dependsOn.put("d", new TreeSet<>(List.of("a")));
        dependsOn.put("e", new TreeSet<>());
        dependsOn.put("x", new TreeSet<>(List.of("y")));
        dependsOn.put("y", new TreeSet<>(List.of("x")));
        return new BuildGraph(
                dependsOn,
                List.of(),
                List.of(List.of("x", "y")),
                List.of(List.of("a", "e", "x", "y"), List.of("b", "d"), List.of("c")),
                List.of("a", "b", "c"));
    }

    /** Work that fails for the named components and records the order things started and ended in. */
    private static final class Recorder implements BuildScheduler.Work {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final Set<String> failing;

        Recorder(String... failing) {
            this.failing = Set.of(failing);
        }

        @Override
        public BuildResult build(String component) throws Exception {
            started.add(component);
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            finished.add(component);
            return BuildResult.of(
                    component,
                    failing.contains(component)
                            ? new BuildOutcome.Failed(Failure.of(Failure.Kind.BUILD, component + " broke"))
                            : new BuildOutcome.Built());
        }
    }

    private static Map<String, String> run(Set<String> selected, int jobs, boolean keepGoing, Recorder work)
            throws InterruptedException {
        List<BuildResult> heard = Collections.synchronizedList(new ArrayList<>());
        List<BuildResult> results = new BuildScheduler(graph(), new TreeSet<>(selected), Set.of())
                .run(new BuildScheduler.Options(jobs, keepGoing), work, heard::add);
        assertThat(results).extracting(BuildResult::component).isSorted();
        assertThat(heard).containsExactlyInAnyOrderElementsOf(results);
        return statuses(results);
    }

    private static Map<String, String> statuses(List<BuildResult> results) {
        return results.stream()
                .collect(Collectors.toMap(
                        BuildResult::component, BuildSchedulerTest::describe, (a, b) -> a, TreeMap::new));
    }

    private static String describe(BuildResult result) {
        if (result.outcome() instanceof BuildOutcome.Blocked blocked) {
            return "blocked by " + String.join(",", blocked.by());
        }
        return result.outcome().key();
    }

    private static final Set<String> ALL = Set.of("a", "b", "c", "d", "e", "x", "y");

    @ParameterizedTest(name = "--jobs {0}")
    @ValueSource(ints = {1, 2, 3, 8})
    void buildsEachComponentAfterWhatItNeedsAndNeverMoreAtOnceThanAllowed(int jobs) throws Exception {
        Recorder work = new Recorder();
        assertThat(run(ALL, jobs, false, work).values()).containsOnly("built");
        assertThat(work.mostAtOnce.get()).isLessThanOrEqualTo(jobs);
        for (String[] edge : new String[][] {{"a", "b"}, {"b", "c"}, {"a", "d"}}) {
            assertThat(work.finished.indexOf(edge[0]))
                    .as("%s finishes before %s starts", edge[0], edge[1])
                    .isLessThan(work.started.indexOf(edge[1]));
        }
    }

    @Test
    void startsTheLongestChainFirstThenByName() throws Exception {
        Recorder work = new Recorder();
        run(ALL, 1, false, work);
        // a has the longest chain waiting on it (b, c); then the others of the first layer by name
        assertThat(work.started).containsExactly("a", "b", "c", "d", "e", "x", "y");
    }

    @Test
    void anExpensiveComponentGoesFirstAmongEquals() throws Exception {
        Recorder work = new Recorder();
        new BuildScheduler(graph(), new TreeSet<>(Set.of("d", "e", "x")), Set.of("x"))
                .run(new BuildScheduler.Options(1, false), work, result -> {});
        assertThat(work.started).containsExactly("x", "d", "e");
    }

    @Test
    void withKeepGoingAFailureBlocksOnlyItsDependents() throws Exception {
        Map<String, String> statuses = run(ALL, 2, true, new Recorder("a"));
        assertThat(statuses)
                .containsEntry("a", "failed")
                .containsEntry("b", "blocked by a")
                .containsEntry("c", "blocked by a")
                .containsEntry("d", "blocked by a")
                .containsEntry("e", "built")
                .containsEntry("x", "built")
                .containsEntry("y", "built");
    }

    @Test
    void withoutKeepGoingNothingNewStartsAfterAFailure() throws Exception {
        Recorder work = new Recorder("a");
        Map<String, String> statuses = run(ALL, 1, false, work);
        assertThat(work.started).containsExactly("a");
        assertThat(statuses)
                .containsEntry("a", "failed")
                .containsEntry("b", "blocked by a")
                .containsEntry("c", "blocked by a")
                .containsEntry("d", "blocked by a")
                .containsEntry("e", "skipped")
                .containsEntry("x", "skipped");
    }

    @Test
    void aComponentBlockedByABlockedOneNamesTheFailureBehind() throws Exception {
        Map<String, String> statuses = run(Set.of("a", "b", "c"), 3, true, new Recorder("a"));
        assertThat(statuses).containsEntry("c", "blocked by a");
    }

    @Test
    void theMembersOfACycleDoNotWaitForEachOther() throws Exception {
        Recorder work = new Recorder();
        assertThat(run(Set.of("x", "y"), 2, false, work))
                .containsOnly(Map.entry("x", "built"), Map.entry("y", "built"));
    }

    @Test
    void onlySelectedDependenciesAreWaitedFor() throws Exception {
        Recorder work = new Recorder();
        assertThat(run(Set.of("c"), 1, false, work)).containsOnly(Map.entry("c", "built"));
        assertThat(work.started).containsExactly("c");
    }

    /** p and q needed each other; q's stage 1 (q@stage1) now meets p's need; r needs q; e alone. */
    private static BuildGraph bootstrapGraph() {
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        dependsOn.put("e", new TreeSet<>());
        dependsOn.put("p", new TreeSet<>(List.of("q@stage1")));
        dependsOn.put("q", new TreeSet<>(List.of("p")));
        dependsOn.put("q@stage1", new TreeSet<>());
        dependsOn.put("r", new TreeSet<>(List.of("q")));
        return new BuildGraph(
                dependsOn,
                List.of(),
                List.of(),
                List.of(List.of("e", "q@stage1"), List.of("p"), List.of("q"), List.of("r")),
                List.of("q@stage1", "p", "q", "r"),
                new TreeMap<>(Map.of("q@stage1", new BuildGraph.Bootstrap("q", List.of(), List.of("tests")))));
    }

    private static List<BuildResult> runBootstrap(Set<String> selected, Set<String> expensive, Recorder work)
            throws InterruptedException {
        return new BuildScheduler(bootstrapGraph(), selected, expensive)
                .run(new BuildScheduler.Options(1, true), work, result -> {});
    }

    @Test
    void aSelectedComponentsStage1BuildIsScheduledBeforeWhatNeedsIt() throws Exception {
        Recorder work = new Recorder();
        List<BuildResult> results = runBootstrap(Set.of("e", "p", "q", "r"), Set.of(), work);
        assertThat(work.started).containsExactly("q@stage1", "p", "q", "e", "r");
        assertThat(results).extracting(BuildResult::component).containsExactly("e", "p", "q", "q@stage1", "r");
    }

    @Test
    void aStage1BuildIsScheduledOnlyWithItsComponent() throws Exception {
        Recorder work = new Recorder();
        assertThat(runBootstrap(Set.of("p", "r"), Set.of(), work))
                .extracting(BuildResult::component)
                .containsExactly("p", "r");
        assertThat(work.started).containsExactly("p", "r");
    }

    @Test
    void aFailedStage1BuildBlocksEverythingThatNeedsIt() throws Exception {
        List<BuildResult> results = runBootstrap(Set.of("e", "p", "q", "r"), Set.of(), new Recorder("q@stage1"));
        assertThat(statuses(results))
                .containsExactly(
                        Map.entry("e", "built"),
                        Map.entry("p", "blocked by q@stage1"),
                        Map.entry("q", "blocked by q@stage1"),
                        Map.entry("q@stage1", "failed"),
                        Map.entry("r", "blocked by q@stage1"));
    }

    @Test
    void theStage1BuildOfAnExpensiveComponentIsExpensiveToo() throws Exception {
        Recorder work = new Recorder();
        runBootstrap(Set.of("e", "q"), Set.of("q"), work);
        assertThat(work.started).containsExactly("q", "q@stage1", "e");
    }

    @Test
    void anUnnamedCycleBlocksInsteadOfHanging() throws Exception {
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        dependsOn.put("p", new TreeSet<>(List.of("q")));
        dependsOn.put("q", new TreeSet<>(List.of("p")));
        BuildGraph unnamed = new BuildGraph(dependsOn, List.of(), List.of(), List.of(List.of("p", "q")), List.of());
        List<BuildResult> results = new BuildScheduler(unnamed, new TreeSet<>(Set.of("p", "q")), Set.of())
                .run(new BuildScheduler.Options(2, true), new Recorder(), result -> {});
        assertThat(results).extracting(r -> r.outcome().key()).containsOnly("blocked");
    }

    @Test
    void workThatThrowsIsAnInternalFailureNotACrash() throws Exception {
        List<BuildResult> results = new BuildScheduler(graph(), new TreeSet<>(Set.of("a", "b")), Set.of())
                .run(
                        new BuildScheduler.Options(1, true),
                        component -> {
                            throw new IllegalStateException("bug");
                        },
                        result -> {});
        assertThat(results.get(0).outcome())
                .isInstanceOfSatisfying(
                        BuildOutcome.Failed.class,
                        failed -> assertThat(failed.failure().kind()).isEqualTo(Failure.Kind.INTERNAL));
        assertThat(results.get(1).outcome().key()).isEqualTo("blocked");
    }
}
