package dev.keel.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.Digests;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.archive.Compression;
import dev.keel.core.overlay.archive.Tars;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.SourcePreparer;
import dev.keel.core.render.SpecSnapshot;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.DownloadLimits;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.LookasideEntry;
import dev.keel.core.source.MirrorCache;
import dev.keel.core.source.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifying a rendered project against a real upstream git repository and a lookaside served on
 * loopback: a faithful tree verifies, and each kind of tampering or hostile input is named.
 */
class VerifierTest {

    private static final byte[] ARCHIVE = tarGz(
            "hello-1.0/README", "Says hello.\n",
            "hello-1.0/vendor/zlib.c", "/* bundled */\n");

    /** A recorded hash that no archive has. */
    private static final String WRONG = "00".repeat(64);

    /** Wrong bytes are retried quickly here. */
    private static final FetchPolicy QUICK =
            new FetchPolicy(false, DownloadLimits.DEFAULT, new RetryPolicy(2, Duration.ofMillis(10)));

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private Git upstream;
    private RevCommit first;
    private RevCommit second;
    private Path projectDir;
    private Path userCache;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.startsWith("/huge/")) {
                    exchange.sendResponseHeaders(200, 8L << 30); // announced, never sent
                    return;
                }
                byte[] body = served.get(path);
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        server.start();
        served.put("/lookaside/hello/hello-1.0.tar.gz", ARCHIVE);
        upstream = Git.init()
                .setDirectory(dir.resolve("upstream/hello.git").toFile())
                .setInitialBranch("f43")
                .call();
        first = commit("hello.spec", spec("1.0"), "Initial import", "2026-01-01T00:00:00Z");
        commit("sources", "SHA512 (hello-1.0.tar.gz) = " + sha512(ARCHIVE) + "\n", "Upload", "2026-01-02T00:00:00Z");
        second = commit("hello.conf", "greeting = hi\n", "Add a configuration", "2026-01-03T00:00:00Z");
        projectDir = dir.resolve("project");
        writeProject("");
        write(projectDir.resolve("local/greet/greet.spec"), """
                Name: greet
                Version: 1
                Release: 1%{?dist}
                Summary: Greets
                License: MIT
                Source0: greet.sh

                %description
                Greets.

                %changelog
                * Thu Jan 01 2026 Someone <someone@example.org> - 1-1
                - First
                """);
        write(projectDir.resolve("local/greet/greet.sh"), "echo hi\n");
        new LockStore(projectDir.resolve("locks")).write("hello", new LockFile(null, second.getName(), 0, null, null));
        userCache = dir.resolve("user-cache");
        render();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        upstream.close();
    }

    private static String spec(String version) {
        return """
                Name: hello
                Version: %s
                Release: 1%%{?dist}
                Summary: Says hello
                License: MIT
                Source0: hello-%s.tar.gz
                Source1: hello.conf

                %%description
                Says hello.

                %%changelog
                * Thu Jan 01 2026 Upstream Packager <up@example.org> - %s-1
                - Initial import
                """.formatted(version, version, version);
    }

    private RevCommit commit(String file, String content, String message, String time) throws Exception {
        write(dir.resolve("upstream/hello.git").resolve(file), content);
        upstream.add().addFilepattern(file).call();
        PersonIdent who = new PersonIdent(
                new PersonIdent("Upstream Packager", "up@example.org"),
                Date.from(Instant.parse(time)),
                TimeZone.getTimeZone("UTC"));
        return upstream.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private void writeProject(String helloExtra) throws IOException {
        write(projectDir.resolve("azldev.toml"), """
                [project]
                default-distro = { name = "fedora", version = "43" }
                [distros.fedora]
                dist-git-base-uri = "%s$pkg.git"
                lookaside-base-uri = "%s/lookaside/$pkg/$filename"
                [distros.fedora.versions.43]
                release-ver = "43"
                dist-git-branch = "f43"
                [components.hello]
                %s
                [[components.hello.overlays]]
                description = "Say who ships it"
                type = "spec-add-tag"
                tag = "Vendor"
                value = "Keel"
                [components.greet]
                spec = { type = "local", path = "local/greet/greet.spec" }
                """.formatted(
                        dir.resolve("upstream").toUri(), base(), helloExtra));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A gzipped tar of the files and contents given in pairs. */
    private static byte[] tarGz(String... filesAndContents) {
        try {
            Tars tars = new Tars(Compression.GZIP);
            for (int i = 0; i < filesAndContents.length; i += 2) {
                tars.file(filesAndContents[i], filesAndContents[i + 1]);
            }
            return tars.bytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha512(byte[] bytes) {
        return Digests.hex("SHA-512", bytes);
    }

    private Project project() {
        return new ProjectLoader(false).load(projectDir.resolve("azldev.toml"));
    }

    /** Renders the project into its specs directory, as the maintainer does, with the user's cache. */
    private void render() throws Exception {
        Project project = project();
        RenderPipeline.Report report = new RenderPipeline(
                        project,
                        new DistGitSource(project, new MirrorCache(userCache, QUICK), new LockStore(project.lockDir())),
                        new RenderPipeline.Options(null, false, true, false, 2, userCache))
                .run(project.components().values(), result -> {});
        assertThat(report.failed()).as(report.toString()).isFalse();
    }

    private VerificationReport verify(FetchPolicy policy, int jobs) throws Exception {
        Project project = project();
        return new Verifier(project, Optional.empty(), new Verifier.Options(policy, userCache, jobs))
                .verify(project.components().values(), true, (verification, elapsed) -> {});
    }

    private VerificationReport verify() throws Exception {
        return verify(QUICK, 2);
    }

    private static Verification of(VerificationReport report, String component) {
        return report.components().stream()
                .filter(v -> v.component().equals(component))
                .findFirst()
                .orElseThrow();
    }

    private Path rendered(String path) {
        return projectDir.resolve("specs").resolve(path);
    }

    /** Every file below {@code root} with its bytes' hash, to show that nothing was written. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        if (!Files.exists(root)) {
            return Map.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(
                            path -> root.relativize(path).toString(),
                            path -> {
                                try {
                                    return Digests.hex("SHA-256", path);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            },
                            (a, b) -> a,
                            TreeMap::new));
        }
    }

    private static Set<String> scratchDirectories() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("keel-verify-"))
                    .collect(Collectors.toSet());
        }
    }

    // ------------------------------------------------------------------ faithful trees

    @Test
    void aFaithfulTreeVerifiesAndNothingIsWrittenOrLeftBehind() throws Exception {
        Map<String, String> project = snapshot(projectDir);
        Map<String, String> cache = snapshot(userCache);
        Set<String> scratchBefore = scratchDirectories();

        VerificationReport report = verify();

        assertThat(report.components())
                .extracting(Verification::component, Verification::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("greet", Verification.Status.VERIFIED),
                        org.assertj.core.groups.Tuple.tuple("hello", Verification.Status.VERIFIED));
        assertThat(report.verified()).isTrue();
        assertThat(of(report, "hello").lookaside())
                .containsExactly(new LookasideCheck(
                        "hello-1.0.tar.gz",
                        "SHA512",
                        sha512(ARCHIVE),
                        LookasideCheck.Status.OK,
                        Optional.empty(),
                        Optional.empty()));
        assertThat(of(report, "hello").directory()).isEqualTo("h/hello");
        assertThat(snapshot(projectDir)).isEqualTo(project);
        assertThat(snapshot(userCache))
                .as("the user's cache is neither read nor written")
                .isEqualTo(cache);
        assertThat(scratchDirectories()).isEqualTo(scratchBefore);
    }

    @Test
    void oneWorkerAndFourGiveTheSameReport() throws Exception {
        Files.writeString(rendered("h/hello/hello.spec"), "edited\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(verify(QUICK, 1)).isEqualTo(verify(QUICK, 4)).isEqualTo(verify(QUICK, 2));
    }

    // ------------------------------------------------------------------ tampering

    @Test
    void anEditedRenderedLineIsNamedWithItsLine() throws Exception {
        Path spec = rendered("h/hello/hello.spec");
        List<String> lines = Files.readAllLines(spec);
        int index = lines.indexOf("Summary: Says hello");
        lines.set(index, "Summary: Says goodbye");
        Files.write(spec, lines);

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.files())
                .containsExactly(new FileDifference(
                        "hello.spec", FileDifference.Change.CHANGED, 1, 1, OptionalInt.of(index + 1), false));
        assertThat(hello.failure()).isEmpty();
    }

    @Test
    void aFileAddedToOrRemovedFromADirectoryIsNamed() throws Exception {
        write(rendered("h/hello/extra.txt"), "one\ntwo\n");
        Files.delete(rendered("h/hello/hello.conf"));

        Verification hello = of(verify(), "hello");

        assertThat(hello.files())
                .extracting(FileDifference::file, FileDifference::change, FileDifference::linesAdded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("extra.txt", FileDifference.Change.EXTRA, 2),
                        org.assertj.core.groups.Tuple.tuple("hello.conf", FileDifference.Change.MISSING, 0));
    }

    @Test
    void aChangedLookasideArchiveIsNamedWithBothHashes() throws Exception {
        byte[] tampered = "a tampered archive\n".getBytes(StandardCharsets.UTF_8);
        served.put("/lookaside/hello/hello-1.0.tar.gz", tampered);

        VerificationReport report = verify();

        Verification hello = of(report, "hello");
        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.files()).isEmpty();
        assertThat(hello.lookaside())
                .containsExactly(new LookasideCheck(
                        "hello-1.0.tar.gz",
                        "SHA512",
                        sha512(ARCHIVE),
                        LookasideCheck.Status.MISMATCH,
                        Optional.of(sha512(tampered)),
                        Optional.empty()));
        assertThat(of(report, "greet").status()).isEqualTo(Verification.Status.VERIFIED);
    }

    @Test
    void aLockedCommitTheUpstreamLacksIsUnverifiableAtTheLockFile() throws Exception {
        new LockStore(projectDir.resolve("locks"))
                .write("hello", new LockFile(null, "0123456789abcdef0123456789abcdef01234567", 0, null, null));

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        Failure failure = hello.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.UPSTREAM);
        assertThat(failure.message())
                .startsWith("locked commit 0123456789abcdef0123456789abcdef01234567 is not in the upstream repository");
        assertThat(failure.location().file()).isEqualTo(projectDir.resolve("locks/hello.lock"));
    }

    @Test
    void anotherLockedCommitThatRendersOtherwiseDiffers() throws Exception {
        new LockStore(projectDir.resolve("locks")).write("hello", new LockFile(null, first.getName(), 0, null, null));

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.files())
                .extracting(FileDifference::file, FileDifference::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hello.conf", FileDifference.Change.EXTRA),
                        org.assertj.core.groups.Tuple.tuple("sources", FileDifference.Change.EXTRA));
        assertThat(hello.lookaside()).as("the commit has no sources file").isEmpty();
    }

    // ------------------------------------------------------------------ hostile inputs

    @Test
    void aLockWithACommitThatIsNotHexDiffersFromTheMarkerItRendersTo() throws Exception {
        Path lock = projectDir.resolve("locks/hello.lock");
        Files.writeString(lock, Files.readString(lock).replace(second.getName(), "not-a-commit"));

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.failure().orElseThrow().message()).isEqualTo("invalid upstream-commit in the lock file");
        assertThat(hello.failure().orElseThrow().location().file()).isEqualTo(lock);
        assertThat(hello.files())
                .extracting(FileDifference::file, FileDifference::change)
                .contains(org.assertj.core.groups.Tuple.tuple("RENDER_FAILED", FileDifference.Change.MISSING));
        assertThat(hello.notes()).anyMatch(note -> note.contains("RENDER_FAILED"));
    }

    @Test
    void aSymbolicLinkOutOfTheTreeIsNamedAndNotFollowed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "do not read me\n");
        Files.delete(rendered("h/hello/hello.conf"));
        Files.createSymbolicLink(rendered("h/hello/hello.conf"), secret);
        Files.createSymbolicLink(rendered("g/greet/link-to-dir"), dir);

        VerificationReport report = verify();

        assertThat(of(report, "hello").files())
                .containsExactly(new FileDifference(
                        "hello.conf", FileDifference.Change.NOT_A_FILE, 0, 0, OptionalInt.empty(), false));
        assertThat(of(report, "greet").files())
                .containsExactly(new FileDifference(
                        "link-to-dir", FileDifference.Change.NOT_A_FILE, 0, 0, OptionalInt.empty(), false));
        assertThat(secret).hasContent("do not read me");
    }

    @Test
    void aRenderedTreeThatLeadsOutOfTheProjectIsRefusedBeforeAnythingIsRead() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Files.move(projectDir.resolve("specs"), elsewhere);
        Files.createSymbolicLink(projectDir.resolve("specs"), elsewhere);

        assertThatThrownBy(this::verify)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(error -> assertThat(error.message())
                                        .startsWith(
                                                "the default rendered-specs-dir specs leaves the project directory")));
    }

    @Test
    void aCheckedInSourcesFileNamingAPathOutsideDiffersAndIsNeverFetched() throws Exception {
        Path sources = rendered("h/hello/sources");
        Files.writeString(sources, Files.readString(sources) + "SHA512 (../x) = " + "ab".repeat(64) + "\n");

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.files())
                .containsExactly(
                        new FileDifference("sources", FileDifference.Change.CHANGED, 1, 0, OptionalInt.of(2), false));
        assertThat(hello.lookaside()).extracting(LookasideCheck::file).containsExactly("hello-1.0.tar.gz");
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(projectDir.resolve("specs/h/x")).doesNotExist();
    }

    @Test
    void aDownloadAnnouncedBeyondTheSizeLimitIsRefusedBeforeItsBody() throws Exception {
        writeProject("source-files = [{ filename = \"big.tar\", hash = \"" + "cd".repeat(32)
                + "\", hash-type = \"SHA256\", origin = { type = \"download\", uri = \"" + base()
                + "/huge/big.tar\" } }]");
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        LookasideCheck big = hello.lookaside().get(1);
        assertThat(big.file()).isEqualTo("big.tar");
        assertThat(big.status()).isEqualTo(LookasideCheck.Status.UNAVAILABLE);
        assertThat(big.failure().orElseThrow().message())
                .contains("the server announces 8 GiB, more than the download limit of 4 GiB (--max-download-size)");
        assertThat(hello.lookaside().get(0).status()).isEqualTo(LookasideCheck.Status.OK);
    }

    @Test
    void anUnreachableUpstreamMakesItsComponentsUnverifiable() throws Exception {
        upstream.close();
        Files.move(dir.resolve("upstream"), dir.resolve("gone"));

        VerificationReport report = verify();

        assertThat(of(report, "hello").status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(of(report, "hello").failure().orElseThrow().kind()).isEqualTo(Failure.Kind.UPSTREAM);
        assertThat(of(report, "greet").status()).isEqualTo(Verification.Status.VERIFIED);
    }

    @Test
    void aStaleDirectoryIsReportedWhenEveryComponentIsSelected() throws Exception {
        write(rendered("o/old/old.spec"), "Name: old\n");

        VerificationReport report = verify();

        assertThat(report.stale()).containsExactly("o/old");
        assertThat(report.verified()).isFalse();
        Project project = project();
        List<ResolvedComponent> hello = List.of(project.components().get("hello"));
        VerificationReport one = new Verifier(project, Optional.empty(), new Verifier.Options(QUICK, userCache, 1))
                .verify(hello, false, (verification, elapsed) -> {});
        assertThat(one.stale()).isEmpty();
        assertThat(one.verified()).isTrue();
    }

    // ------------------------------------------------------------------ offline

    @Test
    void offlineReadsOnlyTheUsersCacheAndNamesWhatItLacks() throws Exception {
        FetchPolicy offline = new FetchPolicy(true, DownloadLimits.DEFAULT, QUICK.retry());
        Map<String, String> before = snapshot(userCache);

        Verification hello = of(verify(offline, 2), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(hello.lookaside().get(0).failure().orElseThrow().message())
                .contains("is not in Keel's cache, and --offline forbids downloading it");
        assertThat(snapshot(userCache)).isEqualTo(before);

        LookasideEntry entry = new LookasideEntry("SHA512", "hello-1.0.tar.gz", sha512(ARCHIVE));
        Path cached = new LookasideCache(userCache, QUICK).fetch(base() + "/lookaside/$pkg/$filename", "hello", entry);
        assertThat(of(verify(offline, 2), "hello").status()).isEqualTo(Verification.Status.VERIFIED);

        Files.writeString(cached, "damaged on disk\n");
        LookasideCheck damaged = of(verify(offline, 2), "hello").lookaside().get(0);
        assertThat(damaged.status()).isEqualTo(LookasideCheck.Status.UNAVAILABLE);
        assertThat(damaged.actual()).contains(sha512("damaged on disk\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(damaged.failure().orElseThrow().message()).startsWith("Keel's cache holds other bytes");
    }

    @Test
    void offlineWithoutTheMirrorIsUnverifiable(@TempDir Path empty) throws Exception {
        FetchPolicy offline = new FetchPolicy(true, DownloadLimits.DEFAULT, QUICK.retry());
        Project project = project();
        Verification hello = of(
                new Verifier(project, Optional.empty(), new Verifier.Options(offline, empty, 1))
                        .verify(project.components().values(), true, (verification, elapsed) -> {}),
                "hello");
        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(hello.failure().orElseThrow().message()).contains("is not in Keel's cache");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).as("nothing written to the cache").isEmpty();
        }
    }

    // ------------------------------------------------------------------ spec snapshots

    @Test
    void aSpecSnapshotComparesOnlyTheRenderedFiles() throws Exception {
        Path snapshot = dir.resolve("snapshot");
        write(snapshot.resolve("hello.spec"), spec("1.0"));
        Project project = project();
        Path out = dir.resolve("snapshot-render");
        // render from the snapshot into the project's tree, as a snapshot-based project would
        Files.walk(projectDir.resolve("specs"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(path -> path.toFile().delete());
        new RenderPipeline(
                        project,
                        SpecSnapshot.open(snapshot),
                        new RenderPipeline.Options(null, false, true, false, 2, out))
                .run(project.components().values(), result -> {});

        VerificationReport report = new Verifier(
                        project, Optional.of(SpecSnapshot.open(snapshot)), new Verifier.Options(QUICK, userCache, 2))
                .verify(project.components().values(), true, (verification, elapsed) -> {});

        assertThat(report.verified()).isTrue();
        assertThat(of(report, "hello").lookaside()).isEmpty();
        assertThat(report.notes()).singleElement().asString().contains("only the rendered files are compared");

        Files.delete(snapshot.resolve("hello.spec"));
        Verification missing = of(
                new Verifier(
                                project,
                                Optional.of(SpecSnapshot.open(snapshot)),
                                new Verifier.Options(QUICK, userCache, 2))
                        .verify(project.components().values(), true, (verification, elapsed) -> {}),
                "hello");
        assertThat(missing.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(missing.failure().orElseThrow().message())
                .isEqualTo("no upstream spec hello.spec, so the checked-in directory cannot be checked");

        Files.walk(projectDir.resolve("specs/h"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(path -> path.toFile().delete());
        Verification absent = of(
                new Verifier(
                                project,
                                Optional.of(SpecSnapshot.open(snapshot)),
                                new Verifier.Options(QUICK, userCache, 2))
                        .verify(project.components().values(), true, (verification, elapsed) -> {}),
                "hello");
        assertThat(absent.status())
                .as("rendering gives no directory, and there is none")
                .isEqualTo(Verification.Status.VERIFIED);
        assertThat(absent.notes())
                .containsExactly("no upstream spec hello.spec, and the tree has no directory for it: nothing to check");
    }

    // ------------------------------------------------------------------ archive overlays

    /** An archive overlay that drops the bundled code from the upstream archive, which is recorded with {@code hash}. */
    private static String archiveOverlay(String hash) {
        return """
                source-files = [{ filename = "hello-1.0.tar.gz", hash = "%s", hash-type = "SHA512", origin = { type = "overlay" }, replace-upstream = true, replace-reason = "bundled code removed" }]
                [[components.hello.overlays]]
                description = "Drop the bundled zlib"
                type = "file-remove"
                file = "vendor/**"
                archive = "hello-1.0.tar.gz"
                """.formatted(hash);
    }

    /**
     * Adds the archive overlay with the hash of the archive it makes, as a maintainer does (a wrong
     * record first, then the hash Keel names), and renders; returns that hash.
     */
    private String addArchiveOverlay() throws Exception {
        writeProject(archiveOverlay(WRONG));
        render();
        String repacked = of(verify(), "hello").archives().get(0).actual().orElseThrow();
        writeProject(archiveOverlay(repacked));
        render();
        return repacked;
    }

    /** Makes {@code archive} the upstream's hello-1.0.tar.gz (a new sources file, locked) and serves it. */
    private void upstreamArchive(byte[] archive) throws Exception {
        served.put("/lookaside/hello/hello-1.0.tar.gz", archive);
        RevCommit third = commit(
                "sources", "SHA512 (hello-1.0.tar.gz) = " + sha512(archive) + "\n", "Reupload", "2026-01-04T00:00:00Z");
        new LockStore(projectDir.resolve("locks")).write("hello", new LockFile(null, third.getName(), 0, null, null));
    }

    @Test
    void anArchiveOverlayIsReMadeAsPrepareSourcesMakesItAndChecked() throws Exception {
        writeProject(archiveOverlay(WRONG));
        render();

        Verification wrong = of(verify(), "hello");

        assertThat(wrong.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(wrong.files())
                .as("the tree is what the configuration renders")
                .isEmpty();
        assertThat(wrong.lookaside()).extracting(LookasideCheck::status).containsExactly(LookasideCheck.Status.OK);
        ArchiveCheck mismatch = wrong.archives().get(0);
        assertThat(wrong.archives()).hasSize(1);
        assertThat(mismatch.file()).isEqualTo("hello-1.0.tar.gz");
        assertThat(mismatch.hashType()).isEqualTo("SHA512");
        assertThat(mismatch.recorded()).contains(WRONG);
        assertThat(mismatch.status()).isEqualTo(ArchiveCheck.Status.MISMATCH);
        assertThat(mismatch.overlays())
                .extracting(overlay -> overlay.label() + ": " + overlay.summary())
                .containsExactly("overlay 1: Drop the bundled zlib");
        assertThat(mismatch.failure()).isEmpty();
        String repacked = mismatch.actual().orElseThrow();

        writeProject(archiveOverlay(repacked));
        render();
        Project project = project();
        Path prepared = dir.resolve("prepared");
        new SourcePreparer(
                        project,
                        new DistGitSource(project, new MirrorCache(userCache, QUICK), new LockStore(project.lockDir())),
                        new LookasideCache(userCache, QUICK))
                .prepare(project.components().get("hello"), prepared, new SourcePreparer.Options(false, false, false));
        assertThat(Digests.hex("SHA-512", prepared.resolve("hello-1.0.tar.gz")))
                .as("verify re-makes the archive prepare-sources makes")
                .isEqualTo(repacked)
                .isNotEqualTo(sha512(ARCHIVE));
        Set<String> scratchBefore = scratchDirectories();

        VerificationReport report = verify();

        Verification hello = of(report, "hello");
        assertThat(hello.status()).isEqualTo(Verification.Status.VERIFIED);
        assertThat(hello.archives())
                .containsExactly(new ArchiveCheck(
                        "hello-1.0.tar.gz",
                        "SHA512",
                        Optional.of(repacked),
                        ArchiveCheck.Status.OK,
                        Optional.empty(),
                        project().components().get("hello").overlays().subList(0, 1),
                        Optional.empty()));
        assertThat(report.verified()).isTrue();
        assertThat(scratchDirectories()).isEqualTo(scratchBefore);
        assertThat(verify(QUICK, 1)).as("one worker or two").isEqualTo(report);
    }

    @Test
    void aTamperedArchiveHashInTheConfigurationDiffersWithBothHashes() throws Exception {
        String repacked = addArchiveOverlay();
        String tampered = "ab".repeat(64);
        writeProject(archiveOverlay(tampered));
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.files()).isEmpty();
        assertThat(hello.archives()).singleElement().satisfies(check -> {
            assertThat(check.file()).isEqualTo("hello-1.0.tar.gz");
            assertThat(check.status()).isEqualTo(ArchiveCheck.Status.MISMATCH);
            assertThat(check.recorded()).contains(tampered);
            assertThat(check.actual()).contains(repacked);
        });
    }

    @Test
    void aTamperedUpstreamArchiveFailsItsLookasideCheckAndIsNotReMade() throws Exception {
        addArchiveOverlay();
        byte[] tampered = tarGz("hello-1.0/README", "Says something else.\n");
        served.put("/lookaside/hello/hello-1.0.tar.gz", tampered);

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.lookaside()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(LookasideCheck.Status.MISMATCH);
            assertThat(check.actual()).contains(sha512(tampered));
        });
        ArchiveCheck archive = hello.archives().get(0);
        assertThat(archive.status()).isEqualTo(ArchiveCheck.Status.NOT_CHECKED);
        assertThat(archive.actual()).isEmpty();
        assertThat(archive.failure().orElseThrow().message())
                .isEqualTo("not re-made: the upstream hello-1.0.tar.gz has another hash than its sources file records");
    }

    @Test
    void anUnreachableLookasideMakesAnArchiveOverlayUnverifiable() throws Exception {
        addArchiveOverlay();
        served.clear();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(hello.lookaside().get(0).status()).isEqualTo(LookasideCheck.Status.UNAVAILABLE);
        assertThat(hello.archives().get(0).status()).isEqualTo(ArchiveCheck.Status.NOT_CHECKED);
        assertThat(hello.archives().get(0).failure().orElseThrow().message())
                .isEqualTo("not re-made: the upstream hello-1.0.tar.gz could not be obtained");

        server.stop(0);
        Verification stopped = of(verify(), "hello");
        assertThat(stopped.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(stopped.archives().get(0).status()).isEqualTo(ArchiveCheck.Status.NOT_CHECKED);
    }

    @Test
    void offlineTheArchiveIsReMadeFromTheUsersCacheWhichIsOnlyRead() throws Exception {
        String repacked = addArchiveOverlay();
        FetchPolicy offline = new FetchPolicy(true, DownloadLimits.DEFAULT, QUICK.retry());
        new LookasideCache(userCache, QUICK)
                .fetch(
                        base() + "/lookaside/$pkg/$filename",
                        "hello",
                        new LookasideEntry("SHA512", "hello-1.0.tar.gz", sha512(ARCHIVE)));
        Map<String, String> before = snapshot(userCache);

        Verification hello = of(verify(offline, 2), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.VERIFIED);
        assertThat(hello.archives()).extracting(ArchiveCheck::status).containsExactly(ArchiveCheck.Status.OK);
        assertThat(hello.archives().get(0).recorded()).contains(repacked);
        assertThat(snapshot(userCache)).isEqualTo(before);
    }

    @Test
    void anOverlayEntryForAnArchiveNoOverlayChangesDiffers() throws Exception {
        writeProject("""
                source-files = [{ filename = "hello-1.0.tar.gz", hash = "%s", hash-type = "SHA512", origin = { type = "overlay" }, replace-upstream = true, replace-reason = "said to be repacked" }]
                """.formatted(WRONG));
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.DIFFERS);
        assertThat(hello.archives())
                .containsExactly(new ArchiveCheck(
                        "hello-1.0.tar.gz",
                        "SHA512",
                        Optional.of(WRONG),
                        ArchiveCheck.Status.MISMATCH,
                        Optional.of(sha512(ARCHIVE)),
                        List.of(),
                        Optional.empty()));
    }

    @Test
    void anArchiveOverlayOfAnArchiveNoSourceHasFailsTheRenderAtTheOverlay() throws Exception {
        writeProject("""
                [[components.hello.overlays]]
                type = "file-remove"
                file = "vendor/**"
                archive = "hello-1.1.tar.gz"
                """);

        Verification hello = of(verify(), "hello");

        assertThat(hello.status())
                .as("the tree, rendered before the overlay came, is not the render's marker")
                .isEqualTo(Verification.Status.DIFFERS);
        Failure failure = hello.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(failure.message())
                .isEqualTo("overlay 1 (file-remove) edits hello-1.1.tar.gz, which no source has: it is not an upstream"
                        + " file, the upstream sources file does not list it, and no source-files entry provides it");
        assertThat(failure.location().line()).as("the overlay's line").isEqualTo(10);
        assertThat(failure.hint())
                .isEqualTo("did you mean 'hello-1.0.tar.gz'? The component's archives: hello-1.0.tar.gz (lookaside)");
        assertThat(hello.archives()).as("nothing to re-make").isEmpty();
    }

    @Test
    void aLookasideArchiveKeelDoesNotDownloadCannotBeReMade() throws Exception {
        writeProject("""
                source-files = [{ filename = "extra-1.0.tar.gz", hash = "%s", hash-type = "SHA512" }]
                [[components.hello.overlays]]
                type = "file-remove"
                file = "vendor/**"
                archive = "extra-1.0.tar.gz"
                """.formatted(sha512(ARCHIVE)));
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        ArchiveCheck check = hello.archives().get(0);
        assertThat(check.file()).isEqualTo("extra-1.0.tar.gz");
        assertThat(check.status()).isEqualTo(ArchiveCheck.Status.FAILED);
        Failure failure = check.failure().orElseThrow();
        assertThat(failure.message())
                .isEqualTo("not re-made: Keel does not download extra-1.0.tar.gz, which only a source-files entry"
                        + " without a download origin lists");
        assertThat(failure.location().line()).as("the overlay's line").isEqualTo(11);
    }

    @Test
    void anUpstreamArchiveThatLeavesItsRootIsRefusedAndNamed() throws Exception {
        upstreamArchive(new Tars(Compression.GZIP)
                .file("hello-1.0/vendor/zlib.c", "/* bundled */\n")
                .file("../../etc/cron.d/evil", "* * * * * root sh\n")
                .bytes());
        writeProject(archiveOverlay(WRONG));
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        assertThat(hello.lookaside()).extracting(LookasideCheck::status).containsExactly(LookasideCheck.Status.OK);
        ArchiveCheck check = hello.archives().get(0);
        assertThat(check.status()).isEqualTo(ArchiveCheck.Status.FAILED);
        Failure failure = check.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.OVERLAY);
        assertThat(failure.message())
                .startsWith("overlay 1 (file-remove) failed: hello-1.0.tar.gz: ")
                .contains("path leaves the archive");
        assertThat(failure.location().file()).isEqualTo(projectDir.resolve("azldev.toml"));
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void anUpstreamArchiveWithALinkOutIsRefusedAndNamed() throws Exception {
        upstreamArchive(new Tars(Compression.GZIP)
                .file("hello-1.0/vendor/zlib.c", "/* bundled */\n")
                .special("hello-1.0/escape", TarConstants.LF_SYMLINK, "../../..")
                .bytes());
        writeProject(archiveOverlay(WRONG));
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        Failure failure = hello.archives().get(0).failure().orElseThrow();
        assertThat(failure.message()).startsWith("overlay 1 (file-remove) failed: hello-1.0.tar.gz: ");
        assertThat(failure.details()).anyMatch(detail -> detail.value().equals("unsafe-archive"));
    }

    @Test
    void aCustomOriginIsUnverifiableAtItsEntry() throws Exception {
        writeProject("""
                source-files = [{ filename = "gen.tar", hash = "%s", hash-type = "SHA256", origin = { type = "custom", script = "gen.sh" } }]
                """.formatted("cd".repeat(32)));
        render();

        Verification hello = of(verify(), "hello");

        assertThat(hello.status()).isEqualTo(Verification.Status.UNVERIFIABLE);
        Failure failure = hello.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(failure.message())
                .isEqualTo(
                        "source file gen.tar has a custom origin (a script run in mock), which Keel does not run yet");
        assertThat(failure.location().file()).isEqualTo(projectDir.resolve("azldev.toml"));
        assertThat(failure.location().line()).as("the line of source-files").isEqualTo(10);
        assertThat(hello.lookaside()).isEmpty();
        assertThat(hello.archives()).isEmpty();
    }
}
