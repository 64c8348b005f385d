package dev.keel.build.koji;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.graph.BuildGraph;
import dev.keel.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds components in Koji, layer by layer of the dependency graph, as the koji CLI's {@code
 * build} would for each: a component whose NVR the target's destination tag already has is
 * skipped; otherwise its source RPM (built locally) is uploaded, or its SCM URL given, and {@code
 * build} is called on the target. The components of a layer are all submitted before any is waited for, so they build
 * concurrently in Koji. Tasks are watched with {@code getTaskInfo} until they end; a failed task's
 * error ({@code getTaskResult}) and the tail of its failed child's {@code build.log} are reported.
 * Before the next layer, the build tag's repository must hold every NVR the layer built (as {@code
 * koji wait-repo --build} checks it: {@code getRepo}, then {@code listTagged} at the repository's
 * event). Each submitted task's id is kept in {@code stateDir}, so a rerun watches a task still
 * running instead of submitting it again, and skips what was built. With {@code nowait}, the first
 * layer with something to build is submitted and the run ends there, as {@code koji build --nowait}
 * returns after submitting: a later layer cannot start before it is built, and a rerun goes on.
 */
public final class KojiBuilder {

    /** Koji's task states that end a task (koji.TASK_STATES: FREE 0, OPEN 1, CLOSED 2, CANCELED 3, ASSIGNED 4, FAILED 5). */
    static final long CLOSED = 2, CANCELED = 3, FAILED = 5;

    /** Koji's build state COMPLETE (koji.BUILD_STATES). */
    static final int BUILD_COMPLETE = 1;

    private static final int LOG_TAIL = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param target the build target
     * @param scratch scratch builds (never skipped, never tagged, no repository wait)
     * @param nowait submit and return: no watching, no repository wait
     * @param pollInterval between two looks at a task or a repository (Koji's {@code poll_interval})
     * @param repoTimeout how long to wait for the build tag's repository after a layer
     * @param weburl the hub's web interface, for task links
     * @param keepGoing after a layer with a failure, go on with what does not depend on it ({@code -k})
     */
    public record Options(
            String target,
            boolean scratch,
            boolean nowait,
            Duration pollInterval,
            Duration repoTimeout,
            String weburl,
            boolean keepGoing) {}

    /** How a component's Koji build ended. */
    public enum Status {
        BUILT,
        SKIPPED,
        SUBMITTED,
        FAILED,
        BLOCKED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A component's result: its NVR, task and link when it has them, and what to say about it. */
    public record Result(String component, Status status, String nvr, Long taskId, String url, String detail) {}

    /**
     * What Koji builds a component from, with the package name and NVR it builds: a source RPM
     * built locally (uploaded), or an SCM URL ({@code git+https://host/repo?path#commit}) the hub
     * checks out itself.
     */
    public record Source(Path srpm, String scmUrl, String name, String nvr) {

        public static Source upload(Path srpm, String name, String nvr) {
            return new Source(srpm, null, name, nvr);
        }

        public static Source scm(String url, String name, String nvr) {
            return new Source(null, url, name, nvr);
        }
    }

    /** Gives a component's source. */
    @FunctionalInterface
    public interface Sources {
        Source of(String component) throws IOException, InterruptedException;
    }

    private final KojiSession session;
    private final Path stateDir;
    private final Options options;
    private final KojiSession.Sleeper sleeper;

    public KojiBuilder(KojiSession session, Path stateDir, Options options) {
        this(session, stateDir, options, duration -> Thread.sleep(duration.toMillis()));
    }

    KojiBuilder(KojiSession session, Path stateDir, Options options, KojiSession.Sleeper sleeper) {
        this.session = session;
        this.stateDir = stateDir;
        this.options = options;
        this.sleeper = sleeper;
    }

    /** Builds the selected components of {@code graph} in its layers; results sorted by component. */
    public List<Result> run(BuildGraph graph, SortedSet<String> selected, Sources sources)
            throws IOException, KojiException, InterruptedException {
        Map<?, ?> target = asMap(session.call("getBuildTarget", options.target()));
        if (target == null) {
            throw KojiException.transport("the hub has no build target " + options.target(), null);
        }
        String buildTag = String.valueOf(target.get("build_tag_name"));
        String destTag = String.valueOf(target.get("dest_tag_name"));
        SortedMap<String, Result> results = new TreeMap<>();
        for (List<String> layer : graph.layers()) {
            List<String> members = layer.stream().filter(selected::contains).toList();
            Map<String, Submitted> running = new LinkedHashMap<>();
            for (String component : members) {
                Optional<String> blocker = blocker(graph, component, results);
                if (blocker.isPresent()) {
                    results.put(
                            component,
                            new Result(component, Status.BLOCKED, null, null, null, "needs " + blocker.get()));
                    continue;
                }
                Submitted submitted = submit(component, destTag, sources, results);
                if (submitted != null) {
                    running.put(component, submitted);
                }
            }
            if (options.nowait() && !running.isEmpty()) {
                running.forEach((component, task) -> results.put(
                        component, result(component, Status.SUBMITTED, task, "task " + task.taskId + " submitted")));
                skipRest(
                        selected,
                        results,
                        "not submitted: it waits for an earlier layer (--nowait); run again to go on");
                break;
            }
            watch(running, results);
            if (!options.keepGoing()
                    && members.stream()
                            .anyMatch(c ->
                                    results.get(c) != null && results.get(c).status() == Status.FAILED)) {
                skipRest(selected, results, "not submitted: a failure stops the build (-k goes on)");
                break;
            }
            if (!options.scratch()) {
                waitForRepository(buildTag, results, members);
            }
        }
        return List.copyOf(results.values());
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A fresh staging directory on the hub, as koji's {@code unique_path('cli-build')} makes one. */
    private static String uniqueServerDir() {
        StringBuilder letters = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 8; i++) {
            letters.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return "cli-build/" + System.currentTimeMillis() / 1000.0 + "." + letters;
    }

    private static void skipRest(SortedSet<String> selected, Map<String, Result> results, String why) {
        selected.stream()
                .filter(component -> !results.containsKey(component))
                .forEach(component ->
                        results.put(component, new Result(component, Status.SKIPPED, null, null, null, why)));
    }

    /** A task Keel submitted or found running. */
    private record Submitted(long taskId, String nvr) {}

    private Optional<String> blocker(BuildGraph graph, String component, Map<String, Result> results) {
        for (String dependency : graph.dependsOn().getOrDefault(component, new TreeSet<>())) {
            Result result = results.get(dependency);
            if (result != null && (result.status() == Status.FAILED || result.status() == Status.BLOCKED)) {
                return Optional.of(dependency);
            }
        }
        return Optional.empty();
    }

    private Submitted submit(String component, String destTag, Sources sources, Map<String, Result> results)
            throws IOException, KojiException, InterruptedException {
        Optional<Submitted> earlier = readState(component);
        if (earlier.isPresent()) {
            Map<?, ?> info = asMap(session.call("getTaskInfo", earlier.get().taskId(), true));
            long state = info == null ? FAILED : number(info.get("state"));
            if (state != FAILED && state != CANCELED) {
                return earlier.get();
            }
        }
        Source srpm = sources.of(component);
        if (!options.scratch() && tagged(destTag, srpm)) {
            results.put(
                    component,
                    new Result(
                            component, Status.SKIPPED, srpm.nvr(), null, null, destTag + " already has " + srpm.nvr()));
            return null;
        }
        String source =
                srpm.scmUrl() != null ? srpm.scmUrl() : KojiUpload.upload(session, srpm.srpm(), uniqueServerDir());
        Map<String, Object> opts = new LinkedHashMap<>();
        if (options.scratch()) {
            opts.put("scratch", true);
        }
        long taskId = number(session.call("build", List.of(source, options.target(), opts), Map.of()));
        Submitted submitted = new Submitted(taskId, srpm.nvr());
        writeState(component, submitted);
        return submitted;
    }

    /** Whether the destination tag already has this NVR, complete. */
    private boolean tagged(String destTag, Source srpm) throws KojiException, InterruptedException {
        Map<?, ?> build = asMap(session.call("getBuild", srpm.nvr()));
        if (build == null || number(build.get("state")) != BUILD_COMPLETE) {
            return false;
        }
        Object tagged = session.call("listTagged", List.of(destTag), Map.of("package", srpm.name(), "inherit", true));
        return tagged instanceof List<?> list
                && list.stream()
                        .anyMatch(entry ->
                                entry instanceof Map<?, ?> map && srpm.nvr().equals(map.get("nvr")));
    }

    private void watch(Map<String, Submitted> running, Map<String, Result> results)
            throws IOException, KojiException, InterruptedException {
        Map<String, Submitted> open = new LinkedHashMap<>(running);
        Duration wait = options.pollInterval();
        while (!open.isEmpty()) {
            for (Map.Entry<String, Submitted> entry : List.copyOf(open.entrySet())) {
                Map<?, ?> info =
                        asMap(session.call("getTaskInfo", entry.getValue().taskId(), true));
                long state = info == null ? FAILED : number(info.get("state"));
                if (state == CLOSED) {
                    open.remove(entry.getKey());
                    results.put(entry.getKey(), result(entry.getKey(), Status.BUILT, entry.getValue(), ""));
                    Files.deleteIfExists(stateFile(entry.getKey()));
                } else if (state == FAILED || state == CANCELED) {
                    open.remove(entry.getKey());
                    results.put(
                            entry.getKey(),
                            result(
                                    entry.getKey(),
                                    Status.FAILED,
                                    entry.getValue(),
                                    failure(entry.getValue().taskId(), state)));
                    Files.deleteIfExists(stateFile(entry.getKey()));
                }
            }
            if (!open.isEmpty()) {
                sleeper.sleep(wait);
            }
        }
    }

    /** Why a task failed: its error, and the last lines of the failed child's build log. */
    private String failure(long taskId, long state) throws KojiException, InterruptedException {
        if (state == CANCELED) {
            return "task " + taskId + " was canceled";
        }
        StringBuilder why = new StringBuilder();
        try {
            session.call("getTaskResult", taskId);
            why.append("task ").append(taskId).append(" failed");
        } catch (KojiException e) {
            why.append(e.getMessage());
        }
        Object children = session.call("getTaskChildren", taskId);
        if (children instanceof List<?> list) {
            for (Object child : list) {
                if (child instanceof Map<?, ?> map && number(map.get("state")) == FAILED) {
                    long childId = number(map.get("id"));
                    Object files = session.call("listTaskOutput", childId);
                    if (files instanceof List<?> names && names.contains("build.log")) {
                        Object log = session.call(
                                "downloadTaskOutput", List.of(childId, "build.log"), Map.of("offset", 0, "size", -1));
                        String text = decodeLog(log);
                        List<String> lines = text.lines().toList();
                        why.append("\n  build.log of task ").append(childId).append(", last lines:");
                        lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size())
                                .forEach(line -> why.append("\n    ").append(line));
                    }
                    break;
                }
            }
        }
        return why.toString();
    }

    private static String decodeLog(Object log) {
        byte[] bytes = log instanceof byte[] raw
                ? raw
                : java.util.Base64.getDecoder().decode(String.valueOf(log).replaceAll("\\s", ""));
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Waits until the build tag's current repository was made after every NVR the layer built was
     * tagged there: {@code listTagged(buildTag, event=<repo create_event>, package=NAME)} holds it.
     */
    private void waitForRepository(String buildTag, Map<String, Result> results, List<String> layer)
            throws KojiException, InterruptedException {
        List<Result> built = layer.stream()
                .map(results::get)
                .filter(r -> r != null && r.status() == Status.BUILT)
                .toList();
        if (built.isEmpty()) {
            return;
        }
        long waited = 0;
        while (true) {
            Map<?, ?> repo = asMap(session.call("getRepo", buildTag));
            if (repo != null && holdsAll(buildTag, number(repo.get("create_event")), built)) {
                return;
            }
            if (waited >= options.repoTimeout().toMillis()) {
                throw KojiException.transport(
                        "the repository of " + buildTag + " does not hold "
                                + String.join(
                                        ", ", built.stream().map(Result::nvr).toList()) + " after "
                                + options.repoTimeout().toSeconds() + " s",
                        null);
            }
            sleeper.sleep(options.pollInterval());
            // a zero poll interval still counts as a second, so the wait ends
            waited += Math.max(options.pollInterval().toMillis(), 1000);
        }
    }

    private boolean holdsAll(String buildTag, long event, List<Result> built)
            throws KojiException, InterruptedException {
        for (Result result : built) {
            String name = result.nvr()
                    .substring(0, result.nvr().lastIndexOf('-', result.nvr().lastIndexOf('-') - 1));
            Object tagged = session.call(
                    "listTagged", List.of(buildTag), Map.of("event", event, "package", name, "inherit", true));
            if (!(tagged instanceof List<?> list
                    && list.stream()
                            .anyMatch(e ->
                                    e instanceof Map<?, ?> map && result.nvr().equals(map.get("nvr"))))) {
                return false;
            }
        }
        return true;
    }

    private Result result(String component, Status status, Submitted task, String detail) {
        return new Result(component, status, task.nvr(), task.taskId(), taskUrl(task.taskId()), detail);
    }

    /** The task's page on the hub's web interface. */
    String taskUrl(long taskId) {
        String base = options.weburl().endsWith("/") ? options.weburl() : options.weburl() + "/";
        return base + "taskinfo?taskID=" + taskId;
    }

    private Path stateFile(String component) {
        return stateDir.resolve(component + ".task.json");
    }

    private Optional<Submitted> readState(String component) throws IOException {
        Path file = stateFile(component);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<?, ?> state = JSON.readValue(file.toFile(), Map.class);
        if (!options.target().equals(state.get("target"))
                || !Boolean.valueOf(options.scratch()).equals(state.get("scratch"))) {
            return Optional.empty();
        }
        return Optional.of(new Submitted(number(state.get("taskId")), String.valueOf(state.get("nvr"))));
    }

    private void writeState(String component, Submitted submitted) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("target", options.target());
        state.put("scratch", options.scratch());
        state.put("taskId", submitted.taskId());
        state.put("nvr", submitted.nvr());
        Files.createDirectories(stateDir);
        AtomicFiles.write(stateFile(component), JSON.writeValueAsBytes(state));
    }

    private static Map<?, ?> asMap(Object value) {
        return value instanceof Map<?, ?> map ? map : null;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
