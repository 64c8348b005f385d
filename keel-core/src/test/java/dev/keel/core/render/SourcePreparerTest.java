package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.overlay.ArchiveHash;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.overlay.archive.Compression;
import dev.keel.core.overlay.archive.Tars;
import dev.keel.core.source.DistGitProjects;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.DownloadLimits;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.MirrorCache;
import dev.keel.core.source.RetryPolicy;
import dev.keel.core.source.UpstreamRepo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare-sources (and render, for where an archive overlay's archive comes from) with a real
 * upstream git repository and a lookaside server on loopback.
 */
class SourcePreparerTest {

    private static final byte[] ARCHIVE = "pretend this is hello-1.0.tar.gz\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXTRA = "an extra file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private UpstreamRepo upstream;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        served.put("/lookaside/hello/hello-1.0.tar.gz", ARCHIVE);
        served.put("/files/extra.txt", EXTRA);
        upstream = new UpstreamRepo(dir.resolve("upstream/hello.git"), "f43");
        upstream.commit(
                "hello.spec",
                "Name: hello\nVersion: 1.0\nRelease: 1%{?dist}\nSource0: hello-1.0.tar.gz\n",
                "Initial import",
                Instant.parse("2026-01-01T00:00:00Z"));
        upstream.commit(
                "sources",
                "SHA512 (hello-1.0.tar.gz) = " + sha512(ARCHIVE) + "\n",
                "Upload sources",
                Instant.parse("2026-01-02T00:00:00Z"));
        upstream.commit("README.packaging", "notes\n", "Notes", Instant.parse("2026-01-03T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        upstream.close();
    }

    private static String sha512(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(bytes));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Project project(String extra) throws Exception {
        return DistGitProjects.load(
                dir.resolve("project"),
                dir.resolve("upstream"),
                "lookaside-base-uri = \"" + base() + "/lookaside/$pkg/$filename\"",
                "[components.hello]\n" + extra);
    }

    private static final FetchPolicy QUICK =
            new FetchPolicy(false, DownloadLimits.DEFAULT, new RetryPolicy(2, Duration.ofMillis(10)));

    private LookasideCache lookaside() {
        return new LookasideCache(dir.resolve("cache"), QUICK);
    }

    private SourcePreparer preparer(Project project) {
        return new SourcePreparer(
                project,
                new DistGitSource(
                        project, new MirrorCache(dir.resolve("cache"), QUICK), new LockStore(project.lockDir())),
                lookaside());
    }

    private static final String OVERLAY = """
            [[components.hello.overlays]]
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"
            """;

    @Test
    void downloadsArchivesAndSourceFilesAndKeepsEveryFile() throws Exception {
        String extra = """
                source-files = [{ filename = "extra.txt", hash = "%s", hash-type = "SHA256", origin = { type = "download", uri = "%s/files/extra.txt" } }]
                """.formatted(Sha256Records.hex(EXTRA), base()) + OVERLAY;
        Project project = project(extra);
        Path out = dir.resolve("prepared");
        preparer(project)
                .prepare(project.components().get("hello"), out, new SourcePreparer.Options(false, false, false));
        assertThat(Files.readAllBytes(out.resolve("hello-1.0.tar.gz"))).isEqualTo(ARCHIVE);
        assertThat(Files.readAllBytes(out.resolve("extra.txt"))).isEqualTo(EXTRA);
        assertThat(out.resolve("README.packaging")).exists();
        assertThat(Files.readString(out.resolve("hello.spec")))
                .contains("Vendor: Keel")
                .contains("\n\n# This spec file has been modified by Keel")
                // the spec has no %changelog: rpmautospec gives it one, generated from the history
                .endsWith(
                        "- Notes\n\n* Fri Jan 02 2026 Upstream Packager <up@example.org> - 1.0-2\n- Upload sources\n\n"
                                + "* Thu Jan 01 2026 Upstream Packager <up@example.org> - 1.0-1\n- Initial import\n"
                                + "## END: Generated by rpmautospec\n");
        assertThat(Files.readString(out.resolve("sources"))).contains("SHA256 (extra.txt) = ");
    }

    /** An archive overlay that removes the vendored code, and its source-files record with {@code hash}. */
    private static String archiveOverlay(String hash) {
        return """
                source-files = [{ filename = "hello-1.0.tar.gz", hash = "%s", hash-type = "SHA512", origin = { type = "overlay" }, replace-upstream = true, replace-reason = "vendored code removed" }]
                [[components.hello.overlays]]
                type = "file-remove"
                file = "vendor/**"
                archive = "hello-1.0.tar.gz"
                """.formatted(hash);
    }

    /** An archive with vendored code. */
    private static byte[] vendored() throws IOException {
        return new Tars(Compression.GZIP)
                .directory("hello-1.0")
                .file("hello-1.0/README", "hello\n")
                .file("hello-1.0/vendor/zlib.c", "/* bundled */\n")
                .bytes();
    }

    @Test
    void archiveOverlaysRepackTheArchiveAsEditedAlsoMakesIt() throws Exception {
        byte[] tar = vendored();
        served.put("/lookaside/hello/hello-1.0.tar.gz", tar);
        upstream.commit(
                "sources",
                "SHA512 (hello-1.0.tar.gz) = " + sha512(tar) + "\n",
                "Upload a real archive",
                Instant.parse("2026-01-04T00:00:00Z"));
        Project wrong = project(archiveOverlay("00"));
        ResolvedComponent hello = wrong.components().get("hello");
        SourceTree sources = new DistGitSource(
                        wrong, new MirrorCache(dir.resolve("cache"), QUICK), new LockStore(wrong.lockDir()))
                .fetch(hello)
                .orElseThrow()
                .with("hello-1.0.tar.gz", new SourceFile(tar, false));

        OverlayResult edited = preparer(wrong).edited(hello, sources);

        byte[] repacked = edited.tree().get("hello-1.0.tar.gz").orElseThrow().content();
        ArchiveHash hash = edited.archiveHashes(hello.config().sourceFiles()).get(0);
        assertThat(hash.actual()).isEqualTo(sha512(repacked));
        assertThat(hash.matches()).isFalse();
        Path out = dir.resolve("prepared");
        assertThatThrownBy(() -> preparer(wrong).prepare(hello, out, new SourcePreparer.Options(false, false, false)))
                .isInstanceOf(RenderException.class)
                .hasMessage("archive hello-1.0.tar.gz after overlays has SHA512 " + sha512(repacked)
                        + ", but source-files records 00");
        assertThat(out).doesNotExist();

        Project recorded = project(archiveOverlay(sha512(repacked)));
        preparer(recorded)
                .prepare(recorded.components().get("hello"), out, new SourcePreparer.Options(false, false, false));
        assertThat(Files.readAllBytes(out.resolve("hello-1.0.tar.gz"))).isEqualTo(repacked);
        assertThat(Files.readString(out.resolve("sources")))
                .isEqualTo("SHA512 (hello-1.0.tar.gz) = " + sha512(repacked) + "\n");
    }

    @Test
    void skipFlagsLeaveOutDownloadsOrRenderSteps() throws Exception {
        Project project = project(OVERLAY);
        Path raw = dir.resolve("raw");
        preparer(project)
                .prepare(project.components().get("hello"), raw, new SourcePreparer.Options(true, true, false));
        assertThat(raw.resolve("hello-1.0.tar.gz")).doesNotExist();
        assertThat(Files.readString(raw.resolve("hello.spec"))).doesNotContain("Vendor");
    }

    @Test
    void aWrongArchiveFailsClearlyAndWritesNothing() throws Exception {
        served.put("/lookaside/hello/hello-1.0.tar.gz", "tampered\n".getBytes(StandardCharsets.UTF_8));
        Project project = project("");
        Path out = dir.resolve("prepared");
        assertThatThrownBy(() -> preparer(project)
                        .prepare(
                                project.components().get("hello"),
                                out,
                                new SourcePreparer.Options(false, false, false)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("hello-1.0.tar.gz");
        assertThat(out).doesNotExist();
    }

    @Test
    void aNonEmptyOutputNeedsForce() throws Exception {
        Project project = project("");
        Path out = Files.createDirectories(dir.resolve("prepared"));
        Files.writeString(out.resolve("old.txt"), "old\n");
        SourcePreparer preparer = preparer(project);
        assertThatThrownBy(() -> preparer.prepare(
                        project.components().get("hello"), out, new SourcePreparer.Options(false, false, false)))
                .hasMessageContaining("not empty");
        assertThat(out.resolve("old.txt")).exists();
        preparer.prepare(project.components().get("hello"), out, new SourcePreparer.Options(false, false, true));
        assertThat(out.resolve("old.txt")).doesNotExist();
        assertThat(out.resolve("hello-1.0.tar.gz")).exists();
    }

    @Test
    void aSpecSnapshotGivesTheSpecAndOnlyTheSourceFiles() throws Exception {
        String extra = """
                source-files = [{ filename = "extra.txt", hash = "%s", hash-type = "SHA256", origin = { type = "download", uri = "%s/files/extra.txt" } }]
                """.formatted(Sha256Records.hex(EXTRA), base()) + OVERLAY;
        Project project = project(extra);
        Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
        Files.writeString(snapshot.resolve("hello.spec"), "Name: hello\nVersion: 2.0\nRelease: 1\n");
        Path out = dir.resolve("prepared");
        List<String> notes = new SourcePreparer(project, SpecSnapshot.open(snapshot), lookaside())
                .prepare(project.components().get("hello"), out, new SourcePreparer.Options(false, false, false));
        assertThat(notes).anyMatch(note -> note.contains("the spec snapshot has no upstream sources file"));
        try (var files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("hello.spec", "extra.txt", "sources");
        }
        assertThat(Files.readString(out.resolve("hello.spec")))
                .contains("Version: 2.0")
                .contains("Vendor: Keel");
        assertThat(Files.readString(out.resolve("sources"))).startsWith("SHA256 (extra.txt) = ");
    }

    // ------------------------------------------------------------------ where an archive comes from

    /** An archive overlay that removes the vendored code from {@code archive}, with no record of the result. */
    private static String archiveOverlayOn(String archive) {
        return """
                [[components.hello.overlays]]
                description = "Drop the vendored code"
                type = "file-remove"
                file = "vendor/**"
                archive = "%s"
                """.formatted(archive);
    }

    /** Renders the project's components with the upstream above into {@code dir/rendered}. */
    private RenderPipeline.Report render(Project project) throws Exception {
        return new RenderPipeline(
                        project,
                        new DistGitSource(
                                project,
                                new MirrorCache(dir.resolve("cache"), QUICK),
                                new LockStore(project.lockDir())),
                        new RenderPipeline.Options(
                                dir.resolve("rendered"), false, false, false, 1, dir.resolve("cache")))
                .run(project.components().values(), result -> {});
    }

    @Test
    void anArchiveTheUpstreamRepositoryTracksIsEditedByRenderItself() throws Exception {
        byte[] tar = vendored();
        Files.write(upstream.dir.resolve("hello-1.0.tar.gz"), tar);
        upstream.git.add().addFilepattern("hello-1.0.tar.gz").call();
        upstream.commit(
                "sources",
                "SHA512 (hello-1.0.tar.gz) = " + sha512(tar) + "\n",
                "Track the archive",
                Instant.parse("2026-01-04T00:00:00Z"));
        served.put("/lookaside/hello/hello-1.0.tar.gz", tar);
        Project wrong = project(archiveOverlay("00"));
        ResolvedComponent hello = wrong.components().get("hello");
        SourceTree sources = new DistGitSource(
                        wrong, new MirrorCache(dir.resolve("cache"), QUICK), new LockStore(wrong.lockDir()))
                .fetch(hello)
                .orElseThrow();
        String repacked = preparer(wrong)
                .edited(hello, sources)
                .archiveHashes(hello.config().sourceFiles())
                .get(0)
                .actual();
        Project project = project(archiveOverlay(repacked));

        RenderPipeline.Report report = render(project);

        assertThat(report.failed()).as(report.toString()).isFalse();
        assertThat(report.results().get(0).notes()).noneMatch(note -> note.contains("skipped"));
        Path rendered = dir.resolve("rendered/h/hello");
        assertThat(Files.readString(rendered.resolve("sources")))
                .isEqualTo("SHA512 (hello-1.0.tar.gz) = " + repacked + "\n");
        assertThat(Files.readAllBytes(rendered.resolve("hello-1.0.tar.gz"))).isNotEqualTo(tar);
        Path out = dir.resolve("prepared");
        preparer(project)
                .prepare(project.components().get("hello"), out, new SourcePreparer.Options(false, false, false));
        assertThat(Files.readAllBytes(out.resolve("hello-1.0.tar.gz")))
                .isEqualTo(Files.readAllBytes(rendered.resolve("hello-1.0.tar.gz")));
    }

    @Test
    void aLookasideArchiveIsSkippedByRenderWithANoteAndByPrepareWithoutSources() throws Exception {
        Project project = project(archiveOverlayOn("hello-1.0.tar.gz"));

        RenderPipeline.Report report = render(project);

        assertThat(report.failed()).as(report.toString()).isFalse();
        assertThat(report.results().get(0).notes())
                .contains("overlay 1 skipped: hello-1.0.tar.gz is a lookaside archive, not fetched when rendering");
        List<String> notes = preparer(project)
                .prepare(
                        project.components().get("hello"),
                        dir.resolve("prepared"),
                        new SourcePreparer.Options(true, false, false));
        assertThat(notes)
                .contains("overlay 1 skipped: hello-1.0.tar.gz is a lookaside archive, not fetched when rendering");
    }

    @Test
    void anArchiveASourceFileDownloadsIsOneOfTheSources() throws Exception {
        byte[] tar = vendored();
        served.put("/files/extra-1.0.tar.gz", tar);
        Project project = project("""
                source-files = [{ filename = "extra-1.0.tar.gz", hash = "%s", hash-type = "SHA512", origin = { type = "download", uri = "%s/files/extra-1.0.tar.gz" } }]
                """.formatted(sha512(tar), base()) + archiveOverlayOn("extra-1.0.tar.gz"));

        RenderPipeline.Report report = render(project);

        assertThat(report.failed()).as(report.toString()).isFalse();
        assertThat(report.results().get(0).notes())
                .contains("overlay 1 skipped: extra-1.0.tar.gz is a lookaside archive, not fetched when rendering");
        Path out = dir.resolve("prepared");
        assertThatThrownBy(() -> preparer(project)
                        .prepare(
                                project.components().get("hello"),
                                out,
                                new SourcePreparer.Options(false, false, false)))
                .as("prepare downloads it and the overlay repacks it: its new hash has no record")
                .hasMessageStartingWith(
                        "archive extra-1.0.tar.gz was changed by overlays but has no source-files entry");
    }

    @Test
    void anArchiveNoSourceHasIsAnErrorAtItsOverlayBeforeAnythingIsDownloaded() throws Exception {
        Project project = project(archiveOverlayOn("hello-1.1.tar.gz"));
        Path out = dir.resolve("prepared");

        RenderException prepare = catchThrowableOfType(
                () -> preparer(project)
                        .prepare(
                                project.components().get("hello"),
                                out,
                                new SourcePreparer.Options(false, false, false)),
                RenderException.class);

        Failure failure = prepare.failure();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(failure.message())
                .isEqualTo("overlay 1 (file-remove) edits hello-1.1.tar.gz, which no source has: it is not an upstream"
                        + " file, the upstream sources file does not list it, and no source-files entry provides it");
        assertThat(failure.location().file()).isEqualTo(dir.resolve("project/azldev.toml"));
        assertThat(failure.location().line()).as("the overlay's table").isEqualTo(10);
        assertThat(failure.details()).containsExactly(new Failure.Detail("overlay", "Drop the vendored code"));
        assertThat(failure.hint())
                .isEqualTo("did you mean 'hello-1.0.tar.gz'? The component's archives: hello-1.0.tar.gz (lookaside)");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("cache/lookaside")).as("nothing downloaded").doesNotExist();

        RenderPipeline.Report report = render(project);

        assertThat(report.results().get(0).outcome()).isEqualTo(new Outcome.Failed(failure));
        try (var files = Files.list(dir.resolve("rendered/h/hello"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("RENDER_FAILED");
        }
        preparer(project)
                .prepare(project.components().get("hello"), out, new SourcePreparer.Options(false, true, false));
        assertThat(out.resolve("hello-1.0.tar.gz"))
                .as("without overlays, nothing edits it")
                .exists();
    }

    @Test
    void withoutAnyArchiveTheHintSaysSoAndAFarNameGetsNoGuess() throws Exception {
        byte[] tar = vendored();
        upstream.commit("sources", "", "No lookaside files", Instant.parse("2026-01-04T00:00:00Z"));
        Project none = project(archiveOverlayOn("zlib-1.3.tar.xz"));
        assertThat(catchThrowableOfType(
                                () -> preparer(none)
                                        .prepare(
                                                none.components().get("hello"),
                                                dir.resolve("prepared"),
                                                new SourcePreparer.Options(false, false, false)),
                                RenderException.class)
                        .failure()
                        .hint())
                .isEqualTo("the component has no archive: list it in source-files (with a download origin), or remove"
                        + " the overlay");

        Project far = project("""
                source-files = [{ filename = "extra-1.0.tar.gz", hash = "%s", hash-type = "SHA512" }]
                """.formatted(sha512(tar)) + archiveOverlayOn("zlib-1.3.tar.xz"));
        assertThat(catchThrowableOfType(
                                () -> preparer(far)
                                        .prepare(
                                                far.components().get("hello"),
                                                dir.resolve("prepared"),
                                                new SourcePreparer.Options(false, false, false)),
                                RenderException.class)
                        .failure()
                        .hint())
                .isEqualTo("the component's archives: extra-1.0.tar.gz (lookaside)");
    }

    @Test
    void aSpecSnapshotCannotTellWhereAnArchiveComesFromSoItsOverlayIsSkipped() throws Exception {
        Project project = project(archiveOverlayOn("hello-1.1.tar.gz"));
        Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
        Files.writeString(snapshot.resolve("hello.spec"), "Name: hello\nVersion: 2.0\nRelease: 1\n");

        List<String> notes = new SourcePreparer(project, SpecSnapshot.open(snapshot), lookaside())
                .prepare(
                        project.components().get("hello"),
                        dir.resolve("prepared"),
                        new SourcePreparer.Options(false, false, false));

        assertThat(notes)
                .contains("overlay 1 skipped: the spec snapshot has no archives, and no sources file to tell whether"
                        + " hello-1.1.tar.gz is a lookaside archive");
    }
}
