package dev.keel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.core.config.Project;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.RenderResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistGitSourceTest {

    @TempDir
    Path dir;

    private UpstreamRepo upstream;
    private RevCommit first;
    private RevCommit second;
    private RevCommit third;

    @BeforeEach
    void createUpstream() throws Exception {
        upstream = new UpstreamRepo(dir.resolve("upstream/hello.git"), "f43");
        first = upstream.commit(
                "hello.spec", "Name: hello\nVersion: 1\n", "Initial import", Instant.parse("2026-01-10T10:00:00Z"));
        upstream.commit("hello.patch", "diff\n", "Add a patch", Instant.parse("2026-01-20T10:00:00Z"));
        second = upstream.git.log().setMaxCount(1).call().iterator().next();
        third = upstream.commit(
                "hello.spec", "Name: hello\nVersion: 2\n", "Update to 2", Instant.parse("2026-03-01T10:00:00Z"));
    }

    private Project project(String spec) throws Exception {
        return DistGitProjects.load(dir.resolve("project"), upstream.dir.getParent(), "[components.hello]\n" + spec);
    }

    private DistGitSource source(Project project) {
        return source(project, FetchPolicy.DEFAULT);
    }

    private DistGitSource source(Project project, FetchPolicy policy) {
        return new DistGitSource(
                project, new MirrorCache(dir.resolve("cache"), policy), new LockStore(project.lockDir()));
    }

    private static final FetchPolicy OFFLINE = new FetchPolicy(true, DownloadLimits.DEFAULT, RetryPolicy.DEFAULT);

    /** Moves the upstream away: any fetch now fails. */
    private void takeUpstreamAway() throws IOException {
        upstream.close();
        Files.move(upstream.dir, dir.resolve("gone"));
    }

    private void lock(Project project, RevCommit commit) throws IOException {
        new LockStore(project.lockDir()).write("hello", new LockFile(null, commit.getName(), 0, null, null));
    }

    private static String spec(DistGitSource.Checkout checkout) {
        return new String(checkout.tree().get("hello.spec").orElseThrow().content(), StandardCharsets.UTF_8);
    }

    @Test
    void takesTheBranchHeadAndAllItsFiles() throws Exception {
        Project project = project("");
        DistGitSource.Checkout checkout =
                source(project).checkout(project.components().get("hello"));
        assertThat(checkout.commit()).isEqualTo(third.getName());
        assertThat(checkout.branch()).isEqualTo("f43");
        assertThat(checkout.tree().files().keySet()).containsExactly("hello.patch", "hello.spec");
        assertThat(spec(checkout)).contains("Version: 2");
    }

    @Test
    void aSnapshotTakesTheLastFirstParentCommitBeforeIt() throws Exception {
        Project project = project(
                "spec = { upstream-distro = { name = \"fedora\", version = \"43\" } }\n"
                        + "[distros.fedora.versions.43.default-component-config]\nspec = { upstream-distro = { name = \"fedora\", snapshot = \"2026-02-01T00:00:00Z\" } }");
        DistGitSource.Checkout checkout =
                source(project).checkout(project.components().get("hello"));
        assertThat(checkout.commit()).isEqualTo(second.getName());
    }

    @Test
    void aShortPinWins() throws Exception {
        Project project =
                project("spec = { upstream-commit = \"" + first.getName().substring(0, 8) + "\" }");
        assertThat(source(project).checkout(project.components().get("hello")).commit())
                .isEqualTo(first.getName());
    }

    @Test
    void theLockWinsOverEverything() throws Exception {
        Project project = project("spec = { upstream-commit = \"" + third.getName() + "\" }");
        new LockStore(project.lockDir()).write("hello", new LockFile(null, second.getName(), 0, null, null));
        assertThat(source(project).checkout(project.components().get("hello")).commit())
                .isEqualTo(second.getName());
    }

    @Test
    void aPinThatUpstreamLostIsAClearError() throws Exception {
        Project project = project("spec = { upstream-commit = \"deadbeefdeadbeef\" }");
        assertThatThrownBy(() -> source(project).checkout(project.components().get("hello")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("deadbeefdeadbeef is not in the upstream repository");
    }

    @Test
    void aLockedCommitThatUpstreamLostNamesTheLockFile() throws Exception {
        Project project = project("");
        new LockStore(project.lockDir())
                .write("hello", new LockFile(null, "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef", 0, null, null));
        assertThatThrownBy(() -> source(project).checkout(project.components().get("hello")))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(Failure.Kind.UPSTREAM);
                    assertThat(e.failure().message())
                            .startsWith("locked commit deadbeefdeadbeefdeadbeefdeadbeefdeadbeef is not in the"
                                    + " upstream repository ");
                    assertThat(e.failure().location().file())
                            .isEqualTo(project.lockDir().resolve("hello.lock"));
                    assertThat(e.failure().hint()).contains("keel component update");
                });
    }

    @Test
    void aMissingBranchIsAClearError() throws Exception {
        upstream.git.branchRename().setOldName("f43").setNewName("main").call();
        Project project = project("");
        assertThatThrownBy(() -> source(project).checkout(project.components().get("hello")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no branch 'f43'");
    }

    @Test
    void theMirrorIsFetchedIncrementallyInLaterRuns() throws Exception {
        Project project = project("");
        assertThat(source(project).checkout(project.components().get("hello")).commit())
                .isEqualTo(third.getName());
        RevCommit fourth = upstream.commit(
                "hello.spec", "Name: hello\nVersion: 3\n", "Update to 3", Instant.parse("2026-04-01T10:00:00Z"));
        assertThat(source(project).checkout(project.components().get("hello")).commit())
                .isEqualTo(fourth.getName());
        try (var mirrors = Files.list(dir.resolve("cache/git"))) {
            assertThat(mirrors.filter(p -> p.toString().endsWith(".git")).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void concurrentRunsShareOneMirrorSafely() throws Exception {
        Project project = project("");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(executor.submit(() -> source(project)
                        .checkout(project.components().get("hello"))
                        .commit()));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(third.getName());
            }
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void renderingFreezesAutoreleaseAndWritesTheChangelogFromTheHistory() throws Exception {
        // The earlier specs have no Release, so rpm cannot parse them: their version is unknown
        // (left out of their entries) and, as in rpmautospec, the count runs on through them.
        String spec = "Name: hello\nVersion: 2\nRelease: %autorelease\nSummary: Hello\nLicense: MIT\n\n"
                + "%description\nHello.\n\n%changelog\n%autochangelog\n";
        upstream.commit("hello.spec", spec, "Use rpmautospec", Instant.parse("2026-03-02T10:00:00Z"));
        Project project = project("");
        RenderPipeline pipeline = new RenderPipeline(
                project,
                source(project),
                new RenderPipeline.Options(dir.resolve("out"), false, false, false, 1, dir.resolve("render-cache")));
        RenderResult result =
                pipeline.run(project.components().values(), r -> {}).results().get(0);
        assertThat(result.outcome().isFailed()).as(result.outcome().toString()).isFalse();
        Path rendered = dir.resolve("out/h/hello/hello.spec");
        String text = Files.readString(rendered);
        assertThat(text)
                .startsWith("## START: Set by rpmautospec\n")
                .contains("    release_number = 4;\n")
                .contains("""
                        %changelog
                        ## START: Generated by rpmautospec
                        * Mon Mar 02 2026 Upstream Packager <up@example.org> - 2-4
                        - Use rpmautospec

                        * Sun Mar 01 2026 Upstream Packager <up@example.org>
                        - Update to 2
                        """)
                .endsWith("\n## END: Generated by rpmautospec\n")
                .doesNotContain("%autochangelog");
        assumeTrue(onPath("rpmspec"), "rpmspec is not on the PATH (apt-get install rpm), skipping the rpm check");
        Process rpmspec = new ProcessBuilder(
                        "rpmspec",
                        "-q",
                        "--srpm",
                        "--qf",
                        "%{release}\n[%{changelogname}\n]",
                        "--define",
                        "dist .fc43",
                        rendered.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(new String(rpmspec.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("4.fc43\nUpstream Packager <up@example.org> - 2-4\nUpstream Packager <up@example.org>\n");
        assertThat(rpmspec.waitFor()).isZero();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    @Test
    void aLockedCommitTheMirrorHoldsIsNeverFetched() throws Exception {
        Project project = project("");
        source(project).checkout(project.components().get("hello"));
        lock(project, second);
        takeUpstreamAway();
        DistGitSource again = source(project);
        assertThat(again.identity(project.components().get("hello"))).isEqualTo(second.getName());
        assertThat(again.checkout(project.components().get("hello")).commit()).isEqualTo(second.getName());
        assertThat(again.history(project.components().get("hello"))).isPresent();
        assertThat(source(project, OFFLINE)
                        .checkout(project.components().get("hello"))
                        .commit())
                .isEqualTo(second.getName());
    }

    @Test
    void aPinTheMirrorHoldsIsNeverFetched() throws Exception {
        Project project =
                project("spec = { upstream-commit = \"" + first.getName().substring(0, 10) + "\" }");
        source(project).checkout(project.components().get("hello"));
        takeUpstreamAway();
        assertThat(source(project).resolve(project.components().get("hello"))).isEqualTo(first.getName());
    }

    @Test
    void aBranchIsFetchedOncePerRunAndAGoneUpstreamIsNamed() throws Exception {
        Project project = project("");
        source(project).checkout(project.components().get("hello"));
        takeUpstreamAway();
        String address = dir.resolve("upstream").toUri() + "hello.git";
        assertThatThrownBy(() -> source(project).checkout(project.components().get("hello")))
                .hasMessageStartingWith("cannot fetch " + address + ": ")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void offlineUsesTheMirrorAsItIsAndNamesWhatIsMissing() throws Exception {
        Project project = project("");
        String address = dir.resolve("upstream").toUri() + "hello.git";
        assertThatThrownBy(() ->
                        source(project, OFFLINE).checkout(project.components().get("hello")))
                .hasMessage(address + " is not in Keel's cache, and --offline forbids fetching it"
                        + " (run once without --offline)");
        assertThat(dir.resolve("cache/git")).doesNotExist();

        source(project).checkout(project.components().get("hello"));
        RevCommit fourth = upstream.commit(
                "hello.spec", "Name: hello\nVersion: 3\n", "Update to 3", Instant.parse("2026-04-01T10:00:00Z"));
        assertThat(source(project, OFFLINE)
                        .checkout(project.components().get("hello"))
                        .commit())
                .as("offline, the branch is what the mirror last fetched")
                .isEqualTo(third.getName());
        lock(project, fourth);
        assertThatThrownBy(() ->
                        source(project, OFFLINE).checkout(project.components().get("hello")))
                .hasMessage("commit " + fourth.getName() + " of " + address
                        + " is not in Keel's cache, and --offline forbids fetching it (run once without --offline)");
    }

    @Test
    void aFetchLargerThanTheLimitFailsClearlyAndLeavesNothing() throws Exception {
        byte[] noise = new byte[3 << 20];
        new java.util.Random(42).nextBytes(noise);
        Files.write(upstream.dir.resolve("big.bin"), noise);
        upstream.git.add().addFilepattern("big.bin").call();
        upstream.commitIndex("Add a big file", Instant.parse("2026-03-05T10:00:00Z"));
        for (int i = 0; i < 20; i++) {
            upstream.commit("n" + i, "file " + i + "\n", "Small " + i, Instant.parse("2026-03-06T10:00:00Z"));
        }
        Project project = project("");
        FetchPolicy small = new FetchPolicy(false, DownloadLimits.DEFAULT.withMaxBytes(1 << 20), RetryPolicy.DEFAULT);
        assertThatThrownBy(() ->
                        source(project, small).checkout(project.components().get("hello")))
                .isInstanceOf(DownloadException.class)
                .hasMessage("cannot fetch " + dir.resolve("upstream").toUri() + "hello.git: larger than the download"
                        + " limit of 1 MiB (--max-download-size)");
        try (Stream<Path> left = Files.list(dir.resolve("cache/git"))) {
            assertThat(left.map(path -> path.getFileName().toString())).allMatch(name -> name.endsWith(".lock"));
        }
        assertThat(source(project)
                        .checkout(project.components().get("hello"))
                        .tree()
                        .files())
                .containsKey("big.bin");
    }

    @Test
    void whatAKilledFetchLeftIsRemovedBeforeTheNextFetch() throws Exception {
        Project project = project("");
        source(project).checkout(project.components().get("hello"));
        Path mirror;
        try (Stream<Path> mirrors = Files.list(dir.resolve("cache/git"))) {
            mirror = mirrors.filter(path -> path.toString().endsWith(".git"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.writeString(mirror.resolve("refs/heads/f43.lock"), "");
        Files.writeString(mirror.resolve("packed-refs.lock"), "");
        Files.writeString(mirror.resolve("objects/incoming_123.pack"), "half a pack");
        Path staging = Files.createDirectories(mirror.resolveSibling("." + mirror.getFileName() + ".12345"));
        Files.writeString(staging.resolve("HEAD"), "ref: refs/heads/master\n");
        RevCommit fourth = upstream.commit(
                "hello.spec", "Name: hello\nVersion: 3\n", "Update to 3", Instant.parse("2026-04-01T10:00:00Z"));
        assertThat(source(project).checkout(project.components().get("hello")).commit())
                .isEqualTo(fourth.getName());
        assertThat(mirror.resolve("refs/heads/f43.lock")).doesNotExist();
        assertThat(mirror.resolve("packed-refs.lock")).doesNotExist();
        assertThat(mirror.resolve("objects/incoming_123.pack")).doesNotExist();
        assertThat(staging).doesNotExist();
    }

    @Test
    void credentialsInTheBaseUriAreNeitherShownNorStored() throws Exception {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"dist-git\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            String base =
                    "http://pkgr:t0p%2Fs3cret@127.0.0.1:" + server.getAddress().getPort() + "/rpms/";
            Project project = DistGitProjects.load(dir.resolve("project"), base, "", "[components.hello]\n");
            assertThatThrownBy(
                            () -> source(project).checkout(project.components().get("hello")))
                    .hasMessage("cannot fetch http://***@127.0.0.1:"
                            + server.getAddress().getPort() + "/rpms/hello.git: the server refused the credentials");
            assertThat(SecretScan.findings(dir.resolve("cache"), "t0p", "s3cret", "pkgr"))
                    .isEmpty();
            DistGitSource.Target target =
                    source(project).target(project.components().get("hello"));
            assertThat(target.address()).doesNotContain("s3cret");
            Project plain = DistGitProjects.load(
                    dir.resolve("plain"), base.replace("pkgr:t0p%2Fs3cret@", ""), "", "[components.hello]\n");
            assertThat(target.resolutionHash())
                    .as("credentials are not a resolution input")
                    .isEqualTo(source(plain)
                            .target(plain.components().get("hello"))
                            .resolutionHash());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSilentDistGitServerTimesOutClearly() throws Exception {
        com.sun.net.httpserver.HttpServer silent =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        silent.setExecutor(Executors.newCachedThreadPool());
        silent.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            String base = "http://127.0.0.1:" + silent.getAddress().getPort() + "/rpms/";
            Project project = DistGitProjects.load(dir.resolve("project"), base, "", "[components.hello]\n");
            java.time.Duration second = java.time.Duration.ofSeconds(1);
            FetchPolicy quick = new FetchPolicy(
                    false,
                    new DownloadLimits(second, second, second, 1, DownloadLimits.DEFAULT_MAX_BYTES),
                    RetryPolicy.DEFAULT);
            assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                            java.time.Duration.ofSeconds(60),
                            () -> source(project, quick)
                                    .checkout(project.components().get("hello"))))
                    .hasMessage("cannot fetch " + base + "hello.git: the server sent nothing for too long (timed out)");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }
}
