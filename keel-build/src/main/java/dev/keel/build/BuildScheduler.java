package dev.keel.build;

import dev.keel.build.graph.BuildGraph;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Builds the selected components of a {@link BuildGraph}, with the stage-1 build ({@code
 * NAME@stage1}) of each that has one, on at most {@code jobs} threads: each of these nodes only
 * after every one of these nodes it needs has been built (or is unchanged). The members of
 * a dependency cycle do not wait for each other (they cannot: they are built in name order, each
 * with what the others left from an earlier build). Of the components ready at a time, the one
 * with the longest chain of selected components waiting on it goes first, then the one the
 * configuration marks expensive, then by name.
 *
 * <p>When a component fails, its dependents are {@code blocked} (naming the failed components they
 * needed); with {@code keepGoing} everything else is still built, without it nothing new starts
 * and the components not started are {@code skipped} (those already running finish). The results
 * are sorted by node name.
 */
public final class BuildScheduler {

    /** Builds one node (a component or a stage-1 build); a build that fails is a result, an exception a bug. */
    @FunctionalInterface
    public interface Work {
        BuildResult build(String node) throws Exception;
    }

    /**
     * @param jobs the most components built at once
     * @param keepGoing keep building what does not depend on a failure ({@code -k})
     */
    public record Options(int jobs, boolean keepGoing) {}

    private final BuildGraph graph;
    private final SortedSet<String> nodes;
    private final Set<String> expensive;

    /**
     * @param graph the dependency graph
     * @param selected the components to build (a subset of the graph's)
     * @param expensive the components whose configuration says they are expensive to build (their
     *     stage-1 builds are too)
     */
    public BuildScheduler(BuildGraph graph, Set<String> selected, Set<String> expensive) {
        this.graph = graph;
        this.nodes = graph.nodes(selected);
        this.expensive = graph.nodes(expensive);
    }

    /** Builds; {@code done} hears about each result as it comes (on the calling thread). */
    public List<BuildResult> run(Options options, Work work, Consumer<BuildResult> done) throws InterruptedException {
        Map<String, Set<String>> needs = needs();
        Map<String, Integer> height = heights(needs);
        Comparator<String> priority = Comparator.<String>comparingInt(c -> -height.get(c))
                .thenComparing(c -> !expensive.contains(c))
                .thenComparing(Comparator.naturalOrder());
        SortedMap<String, BuildResult> results = new TreeMap<>();
        Set<String> pending = new TreeSet<>(nodes);
        Set<String> running = new HashSet<>();
        boolean stopped = false;
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, options.jobs()));
        CompletionService<BuildResult> completion = new ExecutorCompletionService<>(executor);
        Map<Future<BuildResult>, String> futures = new HashMap<>();
        try {
            while (!pending.isEmpty() || !running.isEmpty()) {
                for (String component : new ArrayList<>(pending)) {
                    SortedSet<String> blockers = blockers(component, needs, results);
                    if (!blockers.isEmpty()) {
                        pending.remove(component);
                        record(
                                results,
                                done,
                                BuildResult.of(
                                        component,
                                        new BuildOutcome.Blocked(
                                                List.copyOf(blockers),
                                                "needs " + String.join(", ", blockers) + ", which did not build")));
                    }
                }
                if (stopped) {
                    for (String component : pending) {
                        record(
                                results,
                                done,
                                BuildResult.of(
                                        component,
                                        new BuildOutcome.Skipped(
                                                "not started: another component failed (-k keeps going)")));
                    }
                    pending.clear();
                }
                List<String> ready = pending.stream()
                        .filter(c -> needs.get(c).stream().allMatch(results::containsKey))
                        .sorted(priority)
                        .toList();
                for (String component : ready) {
                    if (running.size() >= Math.max(1, options.jobs())) {
                        break;
                    }
                    pending.remove(component);
                    running.add(component);
                    futures.put(completion.submit(() -> work.build(component)), component);
                }
                if (running.isEmpty()) {
                    // only reachable with dependencies in a cycle the graph does not name
                    for (String component : pending) {
                        List<String> waiting = needs.get(component).stream()
                                .filter(pending::contains)
                                .toList();
                        record(
                                results,
                                done,
                                BuildResult.of(
                                        component,
                                        new BuildOutcome.Blocked(
                                                waiting,
                                                "waits in a dependency cycle: " + String.join(", ", waiting))));
                    }
                    pending.clear();
                    continue;
                }
                Future<BuildResult> next = completion.take();
                String component = futures.remove(next);
                running.remove(component);
                BuildResult result = collect(component, next);
                record(results, done, result);
                if (!result.outcome().usable() && !options.keepGoing()) {
                    stopped = true;
                }
            }
        } finally {
            executor.shutdownNow();
        }
        return List.copyOf(results.values());
    }

    private static BuildResult collect(String component, Future<BuildResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Failure failure = Failures.of(e.getCause(), Failure.Kind.INTERNAL);
            return BuildResult.of(component, new BuildOutcome.Failed(failure));
        }
    }

    private static void record(SortedMap<String, BuildResult> results, Consumer<BuildResult> done, BuildResult result) {
        results.put(result.component(), result);
        done.accept(result);
    }

    /**
     * The components whose failure keeps {@code component} from building: the failed ones among
     * what it needs, and what blocks the blocked ones it needs.
     */
    private static SortedSet<String> blockers(
            String component, Map<String, Set<String>> needs, SortedMap<String, BuildResult> results) {
        SortedSet<String> blockers = new TreeSet<>();
        for (String need : needs.get(component)) {
            BuildResult result = results.get(need);
            if (result == null || result.outcome().usable()) {
                continue;
            }
            if (result.outcome() instanceof BuildOutcome.Blocked blocked) {
                blockers.addAll(blocked.by());
            } else {
                blockers.add(need);
            }
        }
        return blockers;
    }

    /** What each node waits for: the nodes to build that it depends on outside its own cycle. */
    private Map<String, Set<String>> needs() {
        Map<String, Set<String>> cycleOf = new HashMap<>();
        for (List<String> cycle : graph.cycles()) {
            Set<String> members = Set.copyOf(cycle);
            cycle.forEach(member -> cycleOf.put(member, members));
        }
        Map<String, Set<String>> needs = new HashMap<>();
        for (String component : nodes) {
            Set<String> own = new TreeSet<>();
            for (String dependency : graph.dependsOn().getOrDefault(component, new TreeSet<>())) {
                boolean sameCycle = cycleOf.getOrDefault(component, Set.of()).contains(dependency);
                if (nodes.contains(dependency) && !sameCycle && !dependency.equals(component)) {
                    own.add(dependency);
                }
            }
            needs.put(component, own);
        }
        return needs;
    }

    /** For each node, the longest chain of nodes to build that wait on it (0 for none). */
    private Map<String, Integer> heights(Map<String, Set<String>> needs) {
        Map<String, Set<String>> waiters = new HashMap<>();
        nodes.forEach(c -> waiters.put(c, new HashSet<>()));
        needs.forEach((component, own) -> own.forEach(need -> waiters.get(need).add(component)));
        Map<String, Integer> height = new HashMap<>();
        for (String component : nodes) {
            height(component, waiters, height, new HashSet<>());
        }
        return height;
    }

    private static int height(
            String component, Map<String, Set<String>> waiters, Map<String, Integer> height, Set<String> visiting) {
        Integer known = height.get(component);
        if (known != null) {
            return known;
        }
        if (!visiting.add(component)) {
            return 0;
        }
        int longest = 0;
        for (String waiter : waiters.get(component)) {
            longest = Math.max(longest, 1 + height(waiter, waiters, height, visiting));
        }
        visiting.remove(component);
        height.put(component, longest);
        return longest;
    }
}
