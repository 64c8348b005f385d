package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.RenderTexts;
import dev.keel.core.io.FileModes;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code component render} end to end on a small project: layout, the fingerprint cache, check-only,
 * failure markers, stale directories, parallelism and recovery from a killed run.
 */
class RenderPipelineTest {

    private static final String CONFIG = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [components.bash]
            build = { with = ["docs"] }

            [components.curl]

            [[components.curl.overlays]]
            description = "Vendor tag"
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"

            [[components.curl.overlays]]
            description = "Our fix"
            type = "patch-add"
            source = "patches/curl-fix.patch"

            [components.ghost]

            [components.hello]
            spec = { type = "local", path = "specs/hello/hello.spec" }

            [components.zlib]

            [[components.zlib.overlays]]
            description = "Drop an obsolete flag"
            type = "spec-search-replace"
            regex = "--enable-obsolete"
            replacement = ""
            """;

    /** The spec snapshot, counting which components were fetched (that is, really rendered). */
    private static final class CountingSource implements UpstreamSource {
        private final UpstreamSource delegate;
        private final Set<String> fetched = ConcurrentHashMap.newKeySet();

        CountingSource(UpstreamSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<SourceTree> fetch(ResolvedComponent component) throws IOException {
            fetched.add(component.name());
            return delegate.fetch(component);
        }

        @Override
        public boolean specOnly() {
            return delegate.specOnly();
        }

        @Override
        public String identity(ResolvedComponent component) throws IOException {
            return delegate.identity(component);
        }
    }

    private static final FileTime OLD = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path projectDir;
    private Path snapshot;
    private Path out;
    private Path cache;
    private CountingSource upstream;

    @BeforeEach
    void writeProject() throws IOException {
        projectDir = dir.resolve("project");
        write(projectDir.resolve("azldev.toml"), CONFIG);
        write(projectDir.resolve("patches/curl-fix.patch"), "--- a/lib/url.c\n+++ b/lib/url.c\n");
        write(
                projectDir.resolve("specs/hello/hello.spec"),
                spec("hello").replace("Source0:", "Source1: hello.conf\nSource0:"));
        write(projectDir.resolve("specs/hello/hello.conf"), "greeting=hi\n");
        write(projectDir.resolve("specs/hello/notes.txt"), "not referenced\n");
        snapshot = dir.resolve("snapshot");
        for (String name : List.of("bash", "curl", "zlib")) {
            write(snapshot.resolve(name + ".spec"), spec(name));
        }
        out = dir.resolve("out");
        cache = dir.resolve("cache");
    }

    // ------------------------------------------------------------------ helpers

    private static String spec(String name) {
        return """
                Name:           %1$s
                Version:        1.0
                Release:        1%%{?dist}
                Summary:        The %1$s package
                License:        MIT
                Source0:        https://example.org/%1$s-1.0.tar.gz

                %%description
                The %1$s package.

                %%build
                ./configure
                make

                %%files
                /usr/bin/%1$s
                """.formatted(name);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Project load() {
        return new ProjectLoader(false).load(projectDir.resolve("azldev.toml"));
    }

    private RenderPipeline.Report run(boolean checkOnly, boolean cleanStale, int jobs) throws Exception {
        return run(load(), out, checkOnly, cleanStale, jobs);
    }

    private RenderPipeline.Report run(Project project, Path output, boolean checkOnly, boolean cleanStale, int jobs)
            throws Exception {
        return run(project, project.components().values(), output, checkOnly, cleanStale, jobs);
    }

    private RenderPipeline.Report run(
            Project project,
            Collection<ResolvedComponent> components,
            Path output,
            boolean checkOnly,
            boolean cleanStale,
            int jobs)
            throws Exception {
        upstream = new CountingSource(SpecSnapshot.open(snapshot));
        RenderPipeline pipeline = new RenderPipeline(
                project, upstream, new RenderPipeline.Options(output, checkOnly, true, cleanStale, jobs, cache));
        return pipeline.run(components, result -> {});
    }

    private RenderPipeline.Report render() throws Exception {
        return run(false, false, 2);
    }

    private RenderPipeline.Report check() throws Exception {
        return run(true, false, 2);
    }

    private static Map<String, String> statuses(RenderPipeline.Report report) {
        Map<String, String> statuses = new TreeMap<>();
        report.results().forEach(r -> statuses.put(r.component(), r.outcome().key()));
        return statuses;
    }

    private static RenderResult result(RenderPipeline.Report report, String component) {
        return report.results().stream()
                .filter(r -> r.component().equals(component))
                .findFirst()
                .orElseThrow();
    }

    /** Every file below {@code root}, relative path to text. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Every file and directory below {@code root} with its modification time. */
    private static Map<String, FileTime> stamps(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.collect(Collectors.toMap(
                    p -> root.relativize(p).toString().replace('\\', '/'),
                    p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    (a, b) -> a,
                    TreeMap::new));
        }
    }

    /** Sets every modification time below {@code root} to {@link #OLD}, so any later write shows. */
    private static void age(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.toList());
        }
        Collections.reverse(paths); // files before their directories
        for (Path path : paths) {
            Files.setLastModifiedTime(path, OLD);
        }
    }

    private String read(String relative) throws IOException {
        return Files.readString(out.resolve(relative));
    }

    // ------------------------------------------------------------------ in memory

    @Test
    void anInMemoryRenderGivesThePlanItAppliedWithItsFiles() throws Exception {
        Project project = load();
        RenderPipeline pipeline = new RenderPipeline(
                project, SpecSnapshot.open(snapshot), new RenderPipeline.Options(out, true, false, false, 2, cache));
        Map<String, RenderPipeline.InMemory> results = new TreeMap<>();
        pipeline.renderInMemory(project.components().values(), result -> results.put(result.component(), result));

        RenderPipeline.InMemory curl = results.get("curl");
        assertThat(curl.outcome()).isEqualTo(Outcome.ok());
        RenderPlan plan = curl.plan().orElseThrow();
        assertThat(plan.component()).isEqualTo("curl");
        assertThat(plan.overlays()).isEqualTo(project.components().get("curl").overlays());
        assertThat(plan.stepNames()).contains(RenderPlan.OVERLAYS, "render: header", "render: sources file");
        assertThat(curl.rendered().orElseThrow().files()).containsKey("curl.spec");
        assertThat(results.get("hello").plan().orElseThrow().overlays()).isEmpty();
        assertThat(results.get("ghost").plan())
                .as("no upstream spec: nothing rendered, no plan")
                .isEmpty();
        assertThat(results.get("ghost").outcome().key()).isEqualTo("skipped");
        assertThat(out).as("in memory: nothing written").doesNotExist();
    }

    // ------------------------------------------------------------------ first run

    @Test
    void firstRunWritesEachComponentUnderItsLetter() throws Exception {
        RenderPipeline.Report report = render();

        assertThat(statuses(report))
                .containsExactly(
                        Map.entry("bash", "ok"),
                        Map.entry("curl", "ok"),
                        Map.entry("ghost", "skipped"),
                        Map.entry("hello", "ok"),
                        Map.entry("zlib", "failed"));
        assertThat(result(report, "bash").outputDir()).isEqualTo("b/bash");
        assertThat(result(report, "bash").changed()).isTrue();
        assertThat(contents(out).keySet())
                .containsExactly(
                        "b/bash/bash.azl.macros",
                        "b/bash/bash.spec",
                        "c/curl/curl-fix.patch",
                        "c/curl/curl.spec",
                        "h/hello/hello.conf",
                        "h/hello/hello.spec",
                        "z/zlib/RENDER_FAILED");
        assertThat(read("b/bash/bash.spec"))
                .startsWith(String.join("\n", RenderedComments.specHeader(RenderTexts.KEEL)))
                .contains("%{load:%{_sourcedir}/bash.azl.macros}", "Source9999: bash.azl.macros");
        assertThat(read("c/curl/curl.spec")).contains("Vendor: Keel", "curl-fix.patch");
        assertThat(read("c/curl/curl-fix.patch")).isEqualTo("--- a/lib/url.c\n+++ b/lib/url.c\n");
        assertThat(read("h/hello/hello.conf")).isEqualTo("greeting=hi\n");
    }

    @Test
    void resultsAreSortedByComponentWhateverTheInputOrder() throws Exception {
        Project project = load();
        List<ResolvedComponent> reversed = new ArrayList<>(project.components().values());
        Collections.reverse(reversed);

        RenderPipeline.Report report = run(project, reversed, out, false, false, 4);

        assertThat(report.results())
                .extracting(RenderResult::component)
                .containsExactly("bash", "curl", "ghost", "hello", "zlib");
    }

    @Test
    void componentsWithoutAnUpstreamSpecAreSkippedAndGetNoDirectory() throws Exception {
        RenderPipeline.Report report = render();

        RenderResult ghost = result(report, "ghost");
        assertThat(ghost.outcome().key()).isEqualTo("skipped");
        assertThat(ghost.changed()).isFalse();
        assertThat(ghost.outcome()).isEqualTo(Outcome.skipped("no upstream spec ghost.spec"));
        assertThat(out.resolve("g")).doesNotExist();
    }

    @Test
    void withoutAnUpstreamSourceOnlyLocalSpecsAreRendered() throws Exception {
        Project project = load();
        RenderPipeline pipeline =
                new RenderPipeline(project, null, new RenderPipeline.Options(out, false, false, false, 2, cache));

        RenderPipeline.Report report = pipeline.run(project.components().values(), result -> {});

        assertThat(statuses(report))
                .containsExactly(
                        Map.entry("bash", "skipped"),
                        Map.entry("curl", "skipped"),
                        Map.entry("ghost", "skipped"),
                        Map.entry("hello", "ok"),
                        Map.entry("zlib", "skipped"));
        assertThat(result(report, "bash").outcome()).isEqualTo(Outcome.skipped("no upstream source given"));
        assertThat(contents(out).keySet()).containsExactly("h/hello/hello.conf", "h/hello/hello.spec");
    }

    // ------------------------------------------------------------------ incremental

    @Test
    void secondRunReportsEverythingUnchangedAndWritesNothing() throws Exception {
        render();
        age(out);
        Map<String, FileTime> before = stamps(out);

        RenderPipeline.Report second = render();

        assertThat(statuses(second))
                .containsExactly(
                        Map.entry("bash", "unchanged"),
                        Map.entry("curl", "unchanged"),
                        Map.entry("ghost", "skipped"),
                        Map.entry("hello", "unchanged"),
                        Map.entry("zlib", "failed"));
        assertThat(second.results()).noneMatch(RenderResult::changed);
        assertThat(stamps(out)).isEqualTo(before);
        // only what has no cached render is fetched again: the failure and the skipped component
        assertThat(upstream.fetched).containsExactlyInAnyOrder("ghost", "zlib");
    }

    @Test
    void editsThatLeaveTheResolvedValuesAloneRerenderNothing() throws Exception {
        render();
        write(projectDir.resolve("azldev.toml"), "# a comment that moves every line down\n\n" + CONFIG);

        RenderPipeline.Report report = render();

        assertThat(upstream.fetched).containsExactlyInAnyOrder("ghost", "zlib");
        // only the failure's marker changes: it names the overlay's new line
        assertThat(report.results())
                .filteredOn(RenderResult::changed)
                .extracting(RenderResult::component)
                .containsExactly("zlib");
        assertThat(read("z/zlib/RENDER_FAILED")).contains("--> azldev.toml:35:1");
    }

    @Test
    void changingOneOverlayRerendersOnlyThatComponent() throws Exception {
        render();
        age(out);
        Map<String, FileTime> before = stamps(out);
        write(projectDir.resolve("azldev.toml"), CONFIG.replace("value = \"Keel\"", "value = \"Keel Linux\""));

        RenderPipeline.Report report = render();

        assertThat(statuses(report))
                .containsEntry("curl", "ok")
                .containsEntry("bash", "unchanged")
                .containsEntry("hello", "unchanged");
        assertThat(read("c/curl/curl.spec")).contains("Vendor: Keel Linux");
        assertThat(upstream.fetched).containsExactlyInAnyOrder("curl", "ghost", "zlib");
        Map<String, FileTime> after = stamps(out);
        after.keySet().removeIf(path -> path.startsWith("c/curl"));
        before.keySet().removeIf(path -> path.startsWith("c/curl"));
        after.remove("c");
        before.remove("c");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void switchingToAzldevTextsRerendersEveryComponentAndRewordsTheComments() throws Exception {
        render();
        // hello is a local spec without %changelog: rpmautospec gives it a generated changelog
        String keelBlock = """
                ## START: Set by rpmautospec
                ## (rpmautospec-compatible: Keel)
                ## RPMAUTOSPEC: autochangelog
                ## END: Set by rpmautospec

                # This spec file has been modified by Keel""";
        assertThat(read("h/hello/hello.spec"))
                .startsWith(keelBlock)
                .endsWith("\n%changelog\n## START: Generated by rpmautospec\n"
                        + "* Thu Jan 01 1970 Keel <keel@local> - 1.0-1\n- Initial sources\n"
                        + "## END: Generated by rpmautospec\n");
        write(
                projectDir.resolve("azldev.toml"),
                CONFIG.replace("[project]\n", "[project]\nrender = { texts = \"azldev\" }\n"));

        RenderPipeline.Report report = render();

        assertThat(statuses(report))
                .containsEntry("bash", "ok")
                .containsEntry("curl", "ok")
                .containsEntry("hello", "ok");
        // zlib's marker changes too: the line naming its overlay moved down
        assertThat(report.results())
                .filteredOn(RenderResult::changed)
                .extracting(RenderResult::component)
                .containsExactly("bash", "curl", "hello", "zlib");
        assertThat(read("b/bash/bash.spec"))
                .startsWith(String.join("\n", RenderedComments.specHeader(RenderTexts.AZLDEV)) + "\n"
                        + RenderedComments.macrosLoad(RenderTexts.AZLDEV) + "\n")
                .contains("by azldev")
                .doesNotContain("Keel");
        assertThat(read("b/bash/bash.azl.macros")).startsWith("# Macros file automatically generated by azldev.\n");
        assertThat(read("h/hello/hello.spec"))
                .startsWith(keelBlock
                        .replace("## (rpmautospec-compatible: Keel)", "## (rpmautospec version 0.8.4)")
                        .replace("by Keel", "by azldev"));

        write(
                projectDir.resolve("azldev.toml"),
                CONFIG.replace(
                        "[project]\n",
                        "[project]\nrender = { texts = \"azldev\", rpmautospec-version = \"0.8.3\" }\n"));
        report = render();

        assertThat(report.results())
                .filteredOn(RenderResult::changed)
                .extracting(RenderResult::component)
                .contains("hello");
        assertThat(read("h/hello/hello.spec"))
                .startsWith("## START: Set by rpmautospec\n## (rpmautospec version 0.8.3)\n");
    }

    @Test
    void changingAnOverlaySourceFileRerendersItsComponent() throws Exception {
        render();
        write(projectDir.resolve("patches/curl-fix.patch"), "--- a/lib/url.c\n+++ b/lib/url.c\n@@ changed @@\n");

        RenderPipeline.Report report = render();

        assertThat(statuses(report))
                .containsEntry("curl", "ok")
                .containsEntry("bash", "unchanged")
                .containsEntry("hello", "unchanged");
        assertThat(read("c/curl/curl-fix.patch")).endsWith("@@ changed @@\n");
        assertThat(upstream.fetched).containsExactlyInAnyOrder("curl", "ghost", "zlib");
    }

    @Test
    void changingALocalSpecsDirectoryRerendersIt() throws Exception {
        render();
        write(projectDir.resolve("specs/hello/hello.conf"), "greeting=hello\n");

        RenderPipeline.Report report = render();

        assertThat(statuses(report)).containsEntry("hello", "ok").containsEntry("bash", "unchanged");
        assertThat(read("h/hello/hello.conf")).isEqualTo("greeting=hello\n");
    }

    // ------------------------------------------------------------------ check-only

    @Test
    void checkOnlyReportsAHandEditAndWritesNothingThenARenderRestoresIt() throws Exception {
        render();
        String rendered = read("b/bash/bash.spec");
        Files.writeString(out.resolve("b/bash/bash.spec"), rendered + "# hand edit\n");
        age(out);
        Map<String, FileTime> before = stamps(out);

        RenderPipeline.Report check = check();

        RenderResult bash = result(check, "bash");
        assertThat(bash.changed()).isTrue();
        assertThat(bash.notes()).containsExactly("differs: bash.spec");
        assertThat(check.results())
                .filteredOn(RenderResult::changed)
                .extracting(RenderResult::component)
                .containsExactly("bash");
        assertThat(stamps(out)).isEqualTo(before);
        assertThat(read("b/bash/bash.spec")).endsWith("# hand edit\n");

        RenderPipeline.Report restore = render();

        assertThat(result(restore, "bash").outcome()).isEqualTo(Outcome.ok());
        assertThat(result(restore, "bash").changed()).isTrue();
        assertThat(read("b/bash/bash.spec")).isEqualTo(rendered);
        assertThat(check().results()).noneMatch(RenderResult::changed);
    }

    @Test
    void checkOnlyReportsAStrayFileInAComponentDirectory() throws Exception {
        render();
        write(out.resolve("c/curl/stray.txt"), "left behind\n");

        RenderResult curl = result(check(), "curl");

        assertThat(curl.changed()).isTrue();
        assertThat(curl.notes()).containsExactly("differs: stray.txt");
        render();
        assertThat(out.resolve("c/curl/stray.txt")).doesNotExist();
    }

    @Test
    void checkOnlyOnAnEmptyOutputReportsEveryRenderableComponentAndCreatesNothing() throws Exception {
        RenderPipeline.Report check = check();

        assertThat(check.results())
                .filteredOn(RenderResult::changed)
                .extracting(RenderResult::component)
                .containsExactly("bash", "curl", "hello", "zlib");
        assertThat(out).doesNotExist();
    }

    // ------------------------------------------------------------------ failures

    @Test
    void aFailingOverlayLeavesExactlyAMarker() throws Exception {
        RenderPipeline.Report report = render();

        RenderResult zlib = result(report, "zlib");
        assertThat(zlib.outcome().key()).isEqualTo("failed");
        Failure failure = ((Outcome.Failed) zlib.outcome()).failure();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.OVERLAY);
        assertThat(failure.message())
                .isEqualTo("overlay 1 (spec-search-replace) failed: pattern /--enable-obsolete/ matched no line");
        assertThat(failure.location()).isEqualTo(new Location(projectDir.resolve("azldev.toml"), 33, 1));
        assertThat(contents(out.resolve("z/zlib"))).containsExactly(Map.entry(RenderedTree.FAILED_MARKER, """
                        Keel could not render this component; 'keel component render zlib' shows the same.

                        error: zlib: overlay 1 (spec-search-replace) failed: pattern /--enable-obsolete/ matched no line
                          --> azldev.toml:33:1
                           = overlay: Drop an obsolete flag
                           = reason: pattern-not-found
                        """));
    }

    @Test
    void aFailureReplacesWhatWasRenderedBefore() throws Exception {
        write(snapshot.resolve("zlib.spec"), spec("zlib").replace("./configure", "./configure --enable-obsolete"));
        render();
        assertThat(out.resolve("z/zlib/zlib.spec")).exists();
        write(snapshot.resolve("zlib.spec"), spec("zlib"));

        RenderResult zlib = result(render(), "zlib");

        assertThat(zlib.outcome().key()).isEqualTo("failed");
        assertThat(zlib.changed()).isTrue();
        assertThat(contents(out.resolve("z/zlib")).keySet()).containsExactly(RenderedTree.FAILED_MARKER);
    }

    @Test
    void checkOnlyWithTheMarkerInPlaceReportsTheFailureUnchanged() throws Exception {
        render();

        RenderResult zlib = result(check(), "zlib");

        assertThat(zlib.outcome().key()).isEqualTo("failed");
        assertThat(zlib.changed()).isFalse();
        assertThat(zlib.notes()).isEmpty();
    }

    @Test
    void checkOnlyReportsAMarkerWithSomethingNextToIt() throws Exception {
        render();
        write(out.resolve("z/zlib/zlib.spec"), "stale\n");

        RenderResult zlib = result(check(), "zlib");

        assertThat(zlib.changed()).isTrue();
        assertThat(zlib.notes()).containsExactly("differs: zlib.spec");
    }

    @Test
    void inMemoryRendersGiveTheDirectoriesARenderWritesAndReadNothingElse() throws Exception {
        render();
        String original = read("b/bash/bash.spec");
        write(out.resolve("b/bash/bash.spec"), "edited\n");
        write(out.resolve("o/old-thing/old-thing.spec"), "stale\n");
        Project project = load();
        RenderPipeline pipeline = new RenderPipeline(
                project,
                SpecSnapshot.open(snapshot),
                new RenderPipeline.Options(out, true, true, false, 2, dir.resolve("other-cache")));
        Map<String, Optional<Map<String, String>>> wanted = new TreeMap<>();
        Map<String, Map<String, String>> current = new TreeMap<>();
        pipeline.renderInMemory(project.components().values(), result -> {
            ResolvedComponent component = project.components().get(result.component());
            synchronized (wanted) {
                wanted.put(
                        result.component(),
                        pipeline.wantedDirectory(component, result).map(RenderPipelineTest::texts));
                current.put(result.component(), texts(pipeline.currentDirectory(result.component())));
            }
            return null;
        });

        assertThat(wanted.get("ghost")).as("skipped: a render writes nothing").isEmpty();
        assertThat(wanted.get("zlib").orElseThrow()).containsExactlyEntriesOf(current.get("zlib"));
        assertThat(wanted.get("curl").orElseThrow()).containsExactlyEntriesOf(current.get("curl"));
        assertThat(wanted.get("bash").orElseThrow()).containsEntry("bash.spec", original);
        assertThat(current.get("bash")).containsEntry("bash.spec", "edited\n");
        assertThat(pipeline.staleDirectories()).containsExactly("o/old-thing");
        assertThat(dir.resolve("other-cache")).doesNotExist();
    }

    private static Map<String, String> texts(Map<String, dev.keel.core.overlay.SourceFile> files) {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((name, file) -> texts.put(name, new String(file.content(), StandardCharsets.UTF_8)));
        return texts;
    }

    // ------------------------------------------------------------------ stale directories

    @Test
    void cleanStaleRemovesOnlyTheStaleDirectoriesKeelWrote() throws Exception {
        render();
        write(
                out.resolve("o/old-thing/old-thing.spec"),
                RenderedComments.specHeader(RenderTexts.KEEL).get(0) + "\nName: old-thing\n");
        write(out.resolve("f/failed-thing/RENDER_FAILED"), "Keel could not render this component\n");
        write(out.resolve("m/mine/mine.spec"), "Name: mine\n");
        write(out.resolve("README.md"), "hand-written\n");
        write(out.resolve("docs/notes/x.md"), "not a letter directory\n");

        RenderPipeline.Report checking = run(true, true, 2);

        assertThat(checking.stale())
                .containsExactly(
                        new RenderPipeline.StaleDirectory("f/failed-thing", true, false),
                        new RenderPipeline.StaleDirectory("m/mine", false, false),
                        new RenderPipeline.StaleDirectory("o/old-thing", true, false));
        assertThat(out.resolve("o/old-thing/old-thing.spec")).exists();

        RenderPipeline.Report cleaning = run(false, true, 2);

        assertThat(cleaning.stale())
                .containsExactly(
                        new RenderPipeline.StaleDirectory("f/failed-thing", true, true),
                        new RenderPipeline.StaleDirectory("m/mine", false, false),
                        new RenderPipeline.StaleDirectory("o/old-thing", true, true));
        assertThat(out.resolve("o/old-thing")).doesNotExist();
        assertThat(out.resolve("f/failed-thing")).doesNotExist();
        assertThat(out.resolve("m/mine/mine.spec")).hasContent("Name: mine");
        assertThat(out.resolve("README.md")).exists();
        assertThat(out.resolve("docs/notes/x.md")).exists();
        assertThat(out.resolve("b/bash/bash.spec")).exists();
        assertThat(run(true, true, 2).stale())
                .containsExactly(new RenderPipeline.StaleDirectory("m/mine", false, false));
    }

    @Test
    void withoutCleanStaleStaleDirectoriesAreReportedButKept() throws Exception {
        render();
        write(
                out.resolve("o/old-thing/old-thing.spec"),
                RenderedComments.specHeader(RenderTexts.KEEL).get(0) + "\n");

        RenderPipeline.Report report = render();

        assertThat(report.stale()).containsExactly(new RenderPipeline.StaleDirectory("o/old-thing", true, false));
        assertThat(out.resolve("o/old-thing/old-thing.spec")).exists();
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void manyWorkersCreatingTheSameLetterDirectoryAllSucceed() throws Exception {
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            String name = String.format("x%02d", i);
            write(projectDir.resolve("local/" + name + "/" + name + ".spec"), spec(name));
            config.append("[components.")
                    .append(name)
                    .append("]\nspec = { type = \"local\", path = \"local/")
                    .append(name)
                    .append('/')
                    .append(name)
                    .append(".spec\" }\n");
        }
        write(projectDir.resolve("azldev.toml"), config.toString());
        Project project = new ProjectLoader(false).load(projectDir.resolve("azldev.toml"));

        RenderPipeline.Report report = run(project, project.components().values(), out, false, false, 16);

        assertThat(report.results())
                .hasSize(64)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.ok()));
    }

    @Test
    void oneWorkerAndFourWorkersRenderTheSameBytes() throws Exception {
        Project project = load();
        Path serial = dir.resolve("out-serial");
        Path parallel = dir.resolve("out-parallel");

        RenderPipeline.Report one = run(project, serial, false, false, 1);
        RenderPipeline.Report four = run(project, parallel, false, false, 4);

        assertThat(four.results()).isEqualTo(one.results());
        List<String> files = new ArrayList<>(contents(serial).keySet());
        assertThat(contents(parallel).keySet()).containsExactlyElementsOf(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(parallel.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(serial.resolve(file)));
        }
    }

    // ------------------------------------------------------------------ recovery

    @Test
    void recoverRestoresTheOldDirectoryOfAKilledReplacementAndDropsLeftovers() throws Exception {
        render();
        Map<String, String> rendered = contents(out);
        // killed after moving b/bash aside, before moving the new one in
        Files.move(out.resolve("b/bash"), out.resolve("b/.bash.old-1234"));
        write(out.resolve("b/.bash.new-1234/bash.spec"), "half written\n");
        // killed while writing the new directory
        write(out.resolve("c/.curl.new-5678/curl.spec"), "half written\n");
        // killed after the swap, before the old directory was deleted
        write(out.resolve("h/.hello.old-9999/hello.spec"), "the previous render\n");

        new RenderedTree(out).recover();

        assertThat(contents(out)).isEqualTo(rendered);
        try (Stream<Path> letters = Files.list(out)) {
            for (Path letter : letters.toList()) {
                try (Stream<Path> entries = Files.list(letter)) {
                    assertThat(entries.map(p -> p.getFileName().toString()))
                            .as(letter.toString())
                            .noneMatch(name -> name.startsWith("."));
                }
            }
        }
    }

    @Test
    void recoverReadsTheSuffixNotTheComponentName() throws Exception {
        // component names may contain ".new-" and ".old-" themselves
        write(out.resolve("f/.foo.new-bar.old-1234/foo.new-bar.spec"), "the previous render\n");
        write(out.resolve("f/.foo.old-bar.old-5678/foo.old-bar.spec"), "the previous render\n");
        write(out.resolve("f/.foo.old-bar.new-5678/foo.old-bar.spec"), "half written\n");

        new RenderedTree(out).recover();

        assertThat(contents(out))
                .containsExactly(
                        Map.entry("f/foo.new-bar/foo.new-bar.spec", "the previous render\n"),
                        Map.entry("f/foo.old-bar/foo.old-bar.spec", "the previous render\n"));
    }

    @Test
    void recoverLeavesDirectoriesOtherThanLettersAlone() throws Exception {
        write(out.resolve("docs/.draft.new-1/notes.md"), "hand-written\n");
        write(out.resolve("docs/.idea.old-2/notes.md"), "hand-written\n");

        new RenderedTree(out).recover();

        assertThat(contents(out).keySet()).containsExactly("docs/.draft.new-1/notes.md", "docs/.idea.old-2/notes.md");
    }

    @Test
    void aRenderRecoversFirstAndCheckOnlyLeavesLeftoversAlone() throws Exception {
        render();
        Files.move(out.resolve("b/bash"), out.resolve("b/.bash.old-1234"));
        write(out.resolve("b/.bash.new-1234/bash.spec"), "half written\n");

        assertThat(result(check(), "bash").changed()).isTrue();
        assertThat(out.resolve("b/.bash.old-1234")).exists();
        assertThat(out.resolve("b/.bash.new-1234")).exists();

        RenderResult bash = result(render(), "bash");

        assertThat(bash.outcome().key()).isEqualTo("unchanged");
        assertThat(out.resolve("b/bash/bash.spec")).exists();
        assertThat(out.resolve("b/.bash.old-1234")).doesNotExist();
        assertThat(out.resolve("b/.bash.new-1234")).doesNotExist();
    }

    // ------------------------------------------------------------------ file modes

    @Test
    void executableSourcesStayExecutableAndAModeChangeIsDrift() throws Exception {
        Path script = projectDir.resolve("specs/hello/hello.conf");
        assumeTrue(FileModes.supported(script), "the file system keeps no executable bit");
        FileModes.makeExecutable(script);
        render();
        Path rendered = out.resolve("h/hello/hello.conf");
        assertThat(Files.isExecutable(rendered)).isTrue();
        assertThat(Files.isExecutable(out.resolve("h/hello/hello.spec"))).isFalse();
        assertThat(check().results().stream().noneMatch(RenderResult::changed)).isTrue();

        Files.setPosixFilePermissions(rendered, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        RenderResult hello = check().results().stream()
                .filter(r -> r.component().equals("hello"))
                .findFirst()
                .orElseThrow();
        assertThat(hello.changed()).isTrue();
        assertThat(hello.notes()).contains("differs: hello.conf");
    }
}
