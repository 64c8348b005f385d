package dev.keel.build.koji;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.graph.BuildGraph;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
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

    /** A name-version-release: a name, then a version and a release without dashes. */
    private static final java.util.regex.Pattern NVR = java.util.regex.Pattern.compile("[^\\s/]+-[^-\\s/]+-[^-\\s/]+");

    /** Koji's build state COMPLETE (koji.BUILD_STATES). */
    static final int BUILD_COMPLETE = 1;

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

        /** A source RPM named as rpmbuild names it, {@code NAME-VERSION-RELEASE.src.rpm}. */
        public static Source upload(Path srpm) {
            String file = srpm.getFileName().toString();
            String nvr = file.endsWith(".src.rpm") ? file.substring(0, file.length() - ".src.rpm".length()) : "";
            if (!NVR.matcher(nvr).matches()) {
                throw new IllegalArgumentException(file + " is not named NAME-VERSION-RELEASE.src.rpm");
            }
            return upload(srpm, packageName(nvr), nvr);
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

    /**
     * Told as each component's build moves on: its state ({@code submitted}, {@code open:
     * buildArch x86_64}, {@code built}, ...), the time since Keel submitted it or began watching it
     * in this run, and its task's page when it has one.
     */
    @FunctionalInterface
    public interface Progress {
        void update(String component, String state, Duration elapsed, String url);
    }

    private final KojiSession session;
    private final Path stateDir;
    private final Options options;
    private final KojiSession.Sleeper sleeper;
    private final KojiTaskWatch tasks;
    private final Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
    private Progress progress = (component, state, elapsed, url) -> {};

    public KojiBuilder(KojiSession session, Path stateDir, Options options) {
        this(session, stateDir, options, duration -> Thread.sleep(duration.toMillis()));
    }

    KojiBuilder(KojiSession session, Path stateDir, Options options, KojiSession.Sleeper sleeper) {
        this.session = session;
        this.stateDir = stateDir;
        this.options = options;
        this.sleeper = sleeper;
        this.tasks = new KojiTaskWatch(session, options.pollInterval(), sleeper);
    }

    /** Where to report each component's progress. */
    public KojiBuilder progress(Progress progress) {
        this.progress = progress;
        return this;
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
        KojiRepoWait repository = new KojiRepoWait(session, options.pollInterval(), options.repoTimeout(), sleeper);
        SortedMap<String, Result> results = new TreeMap<>();
        for (List<String> layer : graph.layers()) {
            List<String> members = layer.stream().filter(selected::contains).toList();
            Map<String, Submitted> running = new LinkedHashMap<>();
            for (String component : members) {
                Optional<String> blocker = blocker(graph, component, results);
                if (blocker.isPresent()) {
                    put(results, new Result(component, Status.BLOCKED, null, null, null, "needs " + blocker.get()));
                    continue;
                }
                Submitted submitted = submit(component, destTag, sources, results);
                if (submitted != null) {
                    running.put(component, submitted);
                }
            }
            if (options.nowait() && !running.isEmpty()) {
                Map<String, Long> open = tasks.poll(ids(running), listener(running, results));
                if (!open.isEmpty()) {
                    open.keySet()
                            .forEach(component -> put(
                                    results,
                                    result(
                                            component,
                                            Status.SUBMITTED,
                                            running.get(component),
                                            "task " + open.get(component) + " running")));
                    skipRest(
                            selected,
                            results,
                            "not submitted: it waits for an earlier layer (--nowait); run again to go on");
                    break;
                }
            } else {
                tasks.watch(ids(running), listener(running, results));
            }
            if (!options.keepGoing()
                    && members.stream()
                            .anyMatch(c ->
                                    results.get(c) != null && results.get(c).status() == Status.FAILED)) {
                skipRest(selected, results, "not submitted: a failure stops the build (-k goes on)");
                break;
            }
            List<String> built = members.stream()
                    .map(results::get)
                    .filter(r -> r != null && r.status() == Status.BUILT)
                    .map(Result::nvr)
                    .toList();
            if (!options.scratch()) {
                if (options.nowait() && !repository.holds(buildTag, built)) {
                    skipRest(
                            selected,
                            results,
                            "not submitted: " + buildTag + "'s repository does not hold the layer before yet"
                                    + " (--nowait); run again to go on");
                    break;
                }
                repository.until(buildTag, built);
            }
            // only now is a rerun free to take these as built: their repository holds them
            for (String component : running.keySet()) {
                Files.deleteIfExists(stateFile(component));
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
        long millis = System.currentTimeMillis();
        return String.format(java.util.Locale.ROOT, "cli-build/%d.%03d.%s", millis / 1000, millis % 1000, letters);
    }

    private void skipRest(SortedSet<String> selected, Map<String, Result> results, String why) {
        selected.stream()
                .filter(component -> !results.containsKey(component))
                .forEach(component -> put(results, new Result(component, Status.SKIPPED, null, null, null, why)));
    }

    /** Records a component's result and reports it. */
    private void put(Map<String, Result> results, Result result) {
        results.put(result.component(), result);
        progress.update(result.component(), result.status().key(), elapsed(result.component()), result.url());
    }

    private Duration elapsed(String component) {
        Long since = started.get(component);
        return since == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
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
        Source source;
        try {
            source = sources.of(component);
        } catch (FailureException e) {
            put(
                    results,
                    new Result(
                            component,
                            Status.FAILED,
                            null,
                            null,
                            null,
                            e.failure().message()));
            return null;
        }
        Optional<Submitted> earlier = readState(component);
        if (earlier.isPresent() && earlier.get().nvr().equals(source.nvr())) {
            long state = tasks.state(earlier.get().taskId());
            if (state != KojiTaskWatch.FAILED && state != KojiTaskWatch.CANCELED) {
                started.put(component, System.nanoTime());
                progress.update(
                        component,
                        "watching task " + earlier.get().taskId() + " of an earlier run",
                        Duration.ZERO,
                        taskUrl(earlier.get().taskId()));
                return earlier.get();
            }
        }
        if (!options.scratch() && tagged(destTag, source)) {
            put(
                    results,
                    new Result(
                            component,
                            Status.SKIPPED,
                            source.nvr(),
                            null,
                            null,
                            destTag + " already has " + source.nvr()));
            return null;
        }
        started.put(component, System.nanoTime());
        String from = source.scmUrl() != null
                ? source.scmUrl()
                : KojiUpload.upload(session, source.srpm(), uniqueServerDir());
        Map<String, Object> opts = new LinkedHashMap<>();
        if (options.scratch()) {
            opts.put("scratch", true);
        }
        Object answer = session.call("build", List.of(from, options.target(), opts), Map.of());
        long taskId = number(answer);
        if (taskId <= 0) {
            throw KojiException.transport(
                    "the hub answered build of " + component + " with '" + answer + "', not a task id", null);
        }
        Submitted submitted = new Submitted(taskId, source.nvr());
        writeState(component, submitted);
        progress.update(component, "submitted", elapsed(component), taskUrl(taskId));
        return submitted;
    }

    /** Whether the destination tag already has this NVR, complete. */
    private boolean tagged(String destTag, Source source) throws KojiException, InterruptedException {
        Map<?, ?> build = asMap(session.call("getBuild", source.nvr()));
        if (build == null || number(build.get("state")) != BUILD_COMPLETE) {
            return false;
        }
        Object tagged = session.call("listTagged", List.of(destTag), Map.of("package", source.name(), "inherit", true));
        return tagged instanceof List<?> list
                && list.stream()
                        .anyMatch(entry ->
                                entry instanceof Map<?, ?> map && source.nvr().equals(map.get("nvr")));
    }

    private static Map<String, Long> ids(Map<String, Submitted> running) {
        Map<String, Long> ids = new LinkedHashMap<>();
        running.forEach((component, task) -> ids.put(component, task.taskId()));
        return ids;
    }

    /** Reports the tasks' moves, and records each result as it ends. */
    private KojiTaskWatch.Listener listener(Map<String, Submitted> running, Map<String, Result> results) {
        return new KojiTaskWatch.Listener() {
            @Override
            public void moved(String component, String state) {
                progress.update(
                        component,
                        state,
                        elapsed(component),
                        taskUrl(running.get(component).taskId()));
            }

            @Override
            public void ended(String component, KojiTaskWatch.Ended how)
                    throws IOException, KojiException, InterruptedException {
                Submitted task = running.get(component);
                if (!how.closed()) {
                    Files.deleteIfExists(stateFile(component));
                    put(results, result(component, Status.FAILED, task, how.why()));
                    return;
                }
                String built = options.scratch() ? task.nvr() : builtNvr(task);
                put(
                        results,
                        result(
                                component,
                                Status.BUILT,
                                new Submitted(task.taskId(), built),
                                built.equals(task.nvr())
                                        ? ""
                                        : "Koji built " + built + ", not " + task.nvr() + " as the local source RPM"
                                                + " is named: the hub's macros differ"));
            }
        };
    }

    /**
     * The NVR a closed build task made ({@code listBuilds(taskID=...)}), which may differ from the
     * one Keel expected when the hub's macros differ from Keel's.
     */
    private String builtNvr(Submitted task) throws KojiException, InterruptedException {
        Object builds = session.call("listBuilds", List.of(), Map.of("taskID", task.taskId()));
        if (builds instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> build) {
            Object nvr = build.get("nvr");
            if (nvr instanceof String text && NVR.matcher(text).matches()) {
                return text;
            }
            throw KojiException.transport(
                    "the hub's build of task " + task.taskId() + " has no name-version-release: '" + nvr + "'", null);
        }
        return task.nvr();
    }

    /** The name of an N-V-R. */
    public static String packageName(String nvr) {
        int release = nvr.lastIndexOf('-');
        return nvr.substring(0, nvr.lastIndexOf('-', release - 1));
    }

    private Result result(String component, Status status, Submitted task, String detail) {
        return new Result(component, status, task.nvr(), task.taskId(), taskUrl(task.taskId()), detail);
    }

    /** The task's page on the hub's web interface. */
    String taskUrl(long taskId) {
        String base = options.weburl().endsWith("/") ? options.weburl() : options.weburl() + "/";
        return base + "taskinfo?taskID=" + taskId;
    }

    /** {@code <component>.<target>[.scratch].task.json}: a scratch run never overwrites a normal one. */
    private Path stateFile(String component) {
        String target = options.target().replaceAll("[^A-Za-z0-9._+-]", "_");
        return stateDir.resolve(component + "." + target + (options.scratch() ? ".scratch" : "") + ".task.json");
    }

    private Optional<Submitted> readState(String component) throws IOException {
        Path file = stateFile(component);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<?, ?> state;
        try {
            state = JSON.readValue(file.toFile(), Map.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            state = null;
        }
        if (state == null || number(state.get("taskId")) <= 0 || !(state.get("nvr") instanceof String)) {
            throw new FailureException(
                    Failure.of(Failure.Kind.FILESYSTEM, file + " is not a Koji task record Keel wrote")
                            .withHint("delete it: the next run then submits the build again"));
        }
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
