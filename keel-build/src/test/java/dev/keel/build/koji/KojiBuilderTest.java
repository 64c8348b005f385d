package dev.keel.build.koji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.build.graph.BuildGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KojiBuilder} against {@link KojiBuildHub}, a protocol double of a Koji hub over HTTPS with
 * a client certificate (not a real hub): layers, skipping what the destination tag has, uploads,
 * concurrent submission within a layer, waiting for the build tag's repository, failures with
 * their logs, {@code --nowait} and resuming, {@code --scratch}.
 */
class KojiBuilderTest {

    /** alpha; beta and gamma need alpha; delta needs beta; omega needs nothing and is already built. */
    private static final BuildGraph GRAPH = graph(Map.of(
            "alpha", Set.of(),
            "beta", Set.of("alpha"),
            "gamma", Set.of("alpha"),
            "delta", Set.of("beta"),
            "omega", Set.of()));

    @TempDir
    Path dir;

    private KojiTestHub testHub;
    private KojiHubDouble hub;
    private final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        testHub = KojiTestHub.start(dir.resolve("home"));
        hub = testHub.hub();
    }

    @AfterEach
    void stop() {
        testHub.close();
    }

    private static BuildGraph graph(Map<String, Set<String>> needs) {
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        needs.forEach((component, dependencies) -> dependsOn.put(component, new TreeSet<>(dependencies)));
        return new BuildGraph(
                dependsOn,
                List.of(),
                List.of(),
                List.of(List.of("alpha", "omega"), List.of("beta", "gamma"), List.of("delta")),
                List.of("alpha", "beta", "delta"));
    }

    private KojiSession login() throws Exception {
        KojiProfile profile = testHub.profile(true);
        KojiSession session = testHub.session(profile, KojiSession.Options.of(profile), slept::add);
        session.sslLogin();
        return session;
    }

    private List<KojiBuilder.Result> run(boolean scratch, boolean nowait) throws Exception {
        return run(scratch, nowait, true);
    }

    private final List<String> progress = new ArrayList<>();
    private Duration repoTimeout = Duration.ofMinutes(10);

    private List<KojiBuilder.Result> run(boolean scratch, boolean nowait, boolean keepGoing) throws Exception {
        try (KojiSession session = login()) {
            KojiBuilder builder = new KojiBuilder(
                    session,
                    dir.resolve("work/koji"),
                    new KojiBuilder.Options(
                            "kx1-candidate",
                            scratch,
                            nowait,
                            Duration.ofSeconds(6),
                            repoTimeout,
                            "https://koji.example.org/koji",
                            keepGoing),
                    slept::add);
            builder.progress((component, state, elapsed, url) -> {
                assertThat(elapsed.isNegative()).isFalse();
                progress.add(component + ": " + state + (url == null ? "" : " " + url));
            });
            return builder.run(GRAPH, new TreeSet<>(GRAPH.dependsOn().keySet()), this::srpm);
        }
    }

    /** A stand-in source RPM of one and a half upload blocks, named by its NVR as rpmbuild names it. */
    private String release = "1";

    private final Set<String> unbuildable = new java.util.HashSet<>();

    private KojiBuilder.Source srpm(String component) throws java.io.IOException {
        if (unbuildable.contains(component)) {
            throw new dev.keel.core.outcome.FailureException(dev.keel.core.outcome.Failure.of(
                    dev.keel.core.outcome.Failure.Kind.BUILD, "rpmbuild -bs of " + component + " failed"));
        }
        String nvr = component + "-1.0-" + release + ".kx1";
        Path file = dir.resolve("srpms/" + nvr + ".src.rpm");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x".repeat(3 * KojiUpload.BLOCK / 2));
        return KojiBuilder.Source.upload(file, component, nvr);
    }

    private static Map<String, String> statuses(List<KojiBuilder.Result> results) {
        return results.stream()
                .collect(Collectors.toMap(
                        KojiBuilder.Result::component, r -> r.status().key(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void buildsLayerByLayerSubmittingALayerTogetherAndWaitingForTheRepository() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of("omega", "omega-1.0-1.kx1"));
        List<KojiBuilder.Result> results = run(false, false);
        assertThat(statuses(results))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "alpha", "built", "beta", "built", "delta", "built", "gamma", "built", "omega", "skipped")));
        List<KojiBuildHub.BuildCall> builds = koji.builds();
        assertThat(builds).extracting(KojiBuildHub.BuildCall::name).containsExactly("alpha", "beta", "gamma", "delta");
        assertThat(builds.get(1).repositoryHeld()).contains("alpha-1.0-1.kx1");
        assertThat(builds.get(2).repositoryHeld())
                .as("gamma was submitted before beta ended: the layer builds together")
                .contains("alpha-1.0-1.kx1")
                .doesNotContain("beta-1.0-1.kx1");
        assertThat(builds.get(3).repositoryHeld()).contains("beta-1.0-1.kx1");
        KojiBuilder.Result alpha = results.get(0);
        assertThat(alpha.url()).isEqualTo("https://koji.example.org/koji/taskinfo?taskID=" + alpha.taskId());
        assertThat(results.get(4).detail()).isEqualTo("kx1 already has omega-1.0-1.kx1");
        assertThat(hub.received())
                .extracting(KojiHubDouble.Received::method)
                .filteredOn("uploadFile"::equals)
                .hasSize(12);
    }

    @Test
    void aFailedBuildShowsItsErrorAndLogAndBlocksItsDependentsOnly() throws Exception {
        new KojiBuildHub(hub, Set.of("beta"), Map.of());
        List<KojiBuilder.Result> results = run(false, false);
        assertThat(statuses(results))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "alpha", "built", "beta", "failed", "delta", "blocked", "gamma", "built", "omega", "built")));
        KojiBuilder.Result beta = results.get(1);
        assertThat(beta.detail())
                .startsWith("getTaskResult failed on the hub: BuildError")
                .contains("mock exited with status 1")
                .contains("build.log of task " + (beta.taskId() + 1) + ", last lines:")
                .contains("    make: *** [all] Error 1");
        assertThat(results.get(2).detail()).isEqualTo("needs beta");
    }

    @Test
    void withoutKeepGoingAFailedLayerEndsTheBuild() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of("beta"), Map.of());
        List<KojiBuilder.Result> results = run(false, false, false);
        assertThat(statuses(results))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "alpha", "built", "beta", "failed", "delta", "skipped", "gamma", "built", "omega", "built")));
        assertThat(results.get(2).detail()).contains("-k goes on");
        assertThat(koji.builds()).extracting(KojiBuildHub.BuildCall::name).doesNotContain("delta");
    }

    @Test
    void nowaitSubmitsTheFirstLayerAndARerunWatchesItInsteadOfSubmittingAgain() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        List<KojiBuilder.Result> first = run(false, true);
        assertThat(statuses(first))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "alpha",
                        "submitted",
                        "beta",
                        "skipped",
                        "delta",
                        "skipped",
                        "gamma",
                        "skipped",
                        "omega",
                        "submitted")));
        assertThat(first.get(1).detail()).contains("--nowait");
        assertThat(koji.builds()).hasSize(2);

        List<KojiBuilder.Result> second = run(false, false);
        assertThat(statuses(second).values()).containsOnly("built");
        assertThat(koji.builds())
                .as("alpha and omega were watched, not submitted again")
                .extracting(KojiBuildHub.BuildCall::name)
                .containsExactly("alpha", "omega", "beta", "gamma", "delta");
        assertThat(second.get(0).taskId()).isEqualTo(first.get(0).taskId());

        List<KojiBuilder.Result> third = run(false, false);
        assertThat(statuses(third).values())
                .as("all in the destination tag now")
                .containsOnly("skipped");
    }

    @Test
    void fromScmTheHubChecksOutTheSourceAndNothingIsUploaded() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        GRAPH.dependsOn().keySet().forEach(c -> koji.scm("specs/" + c, c + "-1.0-1.kx1"));
        List<KojiBuilder.Result> results;
        try (KojiSession session = login()) {
            results = new KojiBuilder(
                            session,
                            dir.resolve("work/koji"),
                            new KojiBuilder.Options(
                                    "kx1-candidate",
                                    false,
                                    false,
                                    Duration.ZERO,
                                    Duration.ofMinutes(1),
                                    "https://koji.example.org/koji",
                                    true),
                            slept::add)
                    .run(
                            GRAPH,
                            new TreeSet<>(GRAPH.dependsOn().keySet()),
                            c -> KojiBuilder.Source.scm(
                                    "git+https://git.example.org/distro.git?specs/" + c + "#abc", c, c + "-1.0-1.kx1"));
        }
        assertThat(statuses(results).values()).containsOnly("built");
        assertThat(hub.received()).extracting(KojiHubDouble.Received::method).doesNotContain("uploadFile");
    }

    @Test
    void scratchBuildsAreNeverSkippedTaggedOrWaitedFor() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of("omega", "omega-1.0-1.kx1"));
        List<KojiBuilder.Result> results = run(true, false);
        assertThat(statuses(results).values()).containsOnly("built");
        assertThat(koji.builds()).hasSize(5).allMatch(KojiBuildHub.BuildCall::scratch);
        assertThat(koji.tagged()).containsExactly("omega-1.0-1.kx1");
        assertThat(hub.received()).extracting(KojiHubDouble.Received::method).doesNotContain("getRepo");
    }

    @Test
    void eachComponentsProgressIsReportedAsItMovesOn() throws Exception {
        new KojiBuildHub(hub, Set.of(), Map.of("omega", "omega-1.0-1.kx1"));
        List<KojiBuilder.Result> results = run(false, false);
        String alphaUrl = results.get(0).url();
        assertThat(progress)
                .filteredOn(line -> line.startsWith("alpha: "))
                .containsExactly(
                        "alpha: submitted " + alphaUrl,
                        "alpha: open: buildArch x86_64 " + alphaUrl,
                        "alpha: built " + alphaUrl);
        assertThat(progress).contains("omega: skipped");
        assertThat(progress.indexOf("beta: submitted " + results.get(1).url()))
                .as("beta starts after alpha is built")
                .isGreaterThan(progress.indexOf("alpha: built " + alphaUrl));
    }

    @Test
    void watchingBacksOffWhileNothingChangesAndEveryRoundIsOneMulticall() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        koji.taskLooks(9);
        run(false, false);
        List<Duration> firstLayer = slept.subList(0, 7);
        assertThat(firstLayer)
                .as("6 s after a change, then doubling up to a minute")
                .containsExactly(
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(12),
                        Duration.ofSeconds(24),
                        Duration.ofSeconds(48),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60));
        assertThat(slept).allMatch(wait -> wait.compareTo(KojiTaskWatch.MAX_WAIT) <= 0);
        assertThat(hub.received())
                .extracting(KojiHubDouble.Received::method)
                .as("no single getTaskInfo: each round asks for every open task at once")
                .doesNotContain("getTaskInfo")
                .contains("multiCall");
    }

    @Test
    void theRepositoryWaitUsesTheNvrKojiBuiltWhenTheHubsMacrosDiffer() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        koji.builtAs("alpha", "alpha-1.0-1.kx1.hub");
        List<KojiBuilder.Result> results = run(false, false);
        assertThat(statuses(results).values()).containsOnly("built");
        assertThat(results.get(0).nvr()).isEqualTo("alpha-1.0-1.kx1.hub");
        assertThat(results.get(0).detail()).contains("Koji built alpha-1.0-1.kx1.hub, not alpha-1.0-1.kx1");
        assertThat(koji.builds().get(2).repositoryHeld()).contains("alpha-1.0-1.kx1.hub");
    }

    @Test
    void aRepositoryThatNeverHoldsTheBuildEndsTheWaitWithAnError() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        hub.define("getRepo", params -> Map.of("id", 1L, "create_event", 1L, "state", 1L));
        repoTimeout = Duration.ofMinutes(1);
        assertThatThrownBy(() -> run(false, false))
                .isInstanceOf(KojiException.class)
                .hasMessageContaining("the repository of kx1-build does not hold alpha-1.0-1.kx1, omega-1.0-1.kx1")
                .hasMessageContaining("--wait-repo-timeout");
        assertThat(koji.builds()).extracting(KojiBuildHub.BuildCall::name).containsExactly("alpha", "omega");
    }

    @Test
    void nowaitRerunsGoOnPastTasksThatHaveClosed() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        Map<String, String> first = statuses(run(false, true));
        assertThat(first).containsEntry("alpha", "submitted").containsEntry("beta", "skipped");
        for (int rerun = 0; rerun < 6 && koji.builds().size() < 5; rerun++) {
            run(false, true);
        }
        assertThat(koji.builds())
                .as("each --nowait rerun takes what closed as built and submits the next layer")
                .extracting(KojiBuildHub.BuildCall::name)
                .containsExactly("alpha", "omega", "beta", "gamma", "delta");
        assertThat(koji.builds().get(2).repositoryHeld()).contains("alpha-1.0-1.kx1");
        Map<String, String> last = statuses(run(false, false));
        assertThat(last).as("the last layer's task is watched to its end").containsEntry("delta", "built");
        assertThat(koji.builds()).as("and nothing is submitted twice").hasSize(5);
    }

    @Test
    void aRerunWithAnotherNvrSubmitsItInsteadOfWatchingTheOldTask() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        run(false, true);
        release = "2";
        List<KojiBuilder.Result> results = run(false, false);
        assertThat(results.get(0).nvr()).isEqualTo("alpha-1.0-2.kx1");
        assertThat(koji.tagged()).contains("alpha-1.0-2.kx1");
    }

    @Test
    void aSourceRpmThatDoesNotBuildHereFailsOnlyItsComponentWithKeepGoing() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of(), Map.of());
        unbuildable.add("beta");
        List<KojiBuilder.Result> results = run(false, false, true);
        assertThat(statuses(results))
                .containsEntry("beta", "failed")
                .containsEntry("delta", "blocked")
                .containsEntry("gamma", "built");
        assertThat(results.get(1).detail()).isEqualTo("rpmbuild -bs of beta failed");
        assertThat(koji.builds()).extracting(KojiBuildHub.BuildCall::name).doesNotContain("beta", "delta");
    }

    @Test
    void hostileHubAnswersEndWithAClearErrorNotALoopOrACrash() throws Exception {
        new KojiBuildHub(hub, Set.of(), Map.of());
        hub.define("getTaskInfo", params -> Map.of("id", params.get(0), "state", "CLOSED"));
        assertThatThrownBy(() -> run(false, false))
                .isInstanceOf(KojiException.class)
                .hasMessageContaining("the state 'CLOSED', which is none of Koji's task states");

        stop();
        start();
        new KojiBuildHub(hub, Set.of(), Map.of());
        hub.define("listBuilds", params -> List.of(Map.of("nvr", "garbage")));
        assertThatThrownBy(() -> run(false, false))
                .isInstanceOf(KojiException.class)
                .hasMessageContaining("has no name-version-release: 'garbage'");

        stop();
        start();
        new KojiBuildHub(hub, Set.of(), Map.of());
        hub.define("build", params -> "not-a-task");
        assertThatThrownBy(() -> run(false, false))
                .isInstanceOf(KojiException.class)
                .hasMessageContaining("with 'not-a-task', not a task id");
    }

    @Test
    void anUnreadableBuildLogStillReportsTheFailure() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of("beta"), Map.of());
        hub.define("downloadTaskOutput", params -> "abcde");
        List<KojiBuilder.Result> results = run(false, false);
        assertThat(statuses(results)).containsEntry("beta", "failed").containsEntry("gamma", "built");
        assertThat(results.get(1).detail())
                .startsWith("getTaskResult failed on the hub: BuildError")
                .contains("its build.log could not be read");
    }

    @Test
    void onlyTheEndOfALongBuildLogIsFetched() throws Exception {
        KojiBuildHub koji = new KojiBuildHub(hub, Set.of("beta"), Map.of());
        String tail = "error: Bad exit status from /var/tmp/rpm-tmp.y (%check)\n";
        koji.buildLog(("noise line\n".repeat(20_000) + tail).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<KojiBuilder.Result> results = run(false, false);
        assertThat(results.get(1).detail()).contains("    error: Bad exit status from /var/tmp/rpm-tmp.y (%check)");
        assertThat(hub.received())
                .filteredOn(call -> call.method().equals("downloadTaskOutput"))
                .isNotEmpty()
                .allSatisfy(call -> assertThat(
                                ((Number) ((Map<?, ?>) call.params().get(2)).get("offset")).longValue())
                        .isGreaterThan(100_000));
    }

    @Test
    void aCorruptTaskRecordIsATypedErrorNamingTheFile() throws Exception {
        new KojiBuildHub(hub, Set.of(), Map.of());
        Path record = dir.resolve("work/koji/alpha.kx1-candidate.task.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "[1]");
        assertThatThrownBy(() -> run(false, false))
                .isInstanceOfSatisfying(
                        dev.keel.core.outcome.FailureException.class,
                        e -> assertThat(e.failure().message())
                                .isEqualTo(record + " is not a Koji task record Keel wrote"));
    }

    @Test
    void uploadsGoToAStagingDirectoryNamedAsKojisClientNamesIt() throws Exception {
        new KojiBuildHub(hub, Set.of(), Map.of());
        run(false, false);
        assertThat(hub.received())
                .filteredOn(call -> call.method().equals("uploadFile"))
                .isNotEmpty()
                .allSatisfy(call ->
                        assertThat((String) call.params().get(0)).matches("cli-build/[0-9]+\\.[0-9]{3}\\.[A-Za-z]{8}"));
    }

    @Test
    void anUploadTakesItsNameAndNvrFromRpmbuildsFileNameOnly() {
        KojiBuilder.Source source = KojiBuilder.Source.upload(Path.of("/x/libwidget-devel-4.2.0-3.kx1.src.rpm"));
        assertThat(source.name()).isEqualTo("libwidget-devel");
        assertThat(source.nvr()).isEqualTo("libwidget-devel-4.2.0-3.kx1");
        for (String bad : List.of("garbage.src.rpm", "a-1.src.rpm", "a-1-1.x86_64.rpm", "a b-1-1.src.rpm")) {
            assertThatThrownBy(() -> KojiBuilder.Source.upload(Path.of("/x", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not named NAME-VERSION-RELEASE.src.rpm");
        }
    }
}
