package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile projects and arguments through the commands a user runs: names and paths that try to
 * leave the project, outputs that would overwrite what Keel must not touch, symbolic links in the
 * rendered tree, snapshots that are not tar archives, inconsistent upstream sources, and gates
 * that must fail. Each case asserts the exit code, the message (with its path or location) and
 * what is, or is not, on disk.
 */
class HostileProjectCliTest {

    private static final String SPEC = """
            Name:           %1$s
            Version:        1.0
            Release:        1%%{?dist}
            Summary:        The %1$s package
            License:        MIT

            %%description
            The %1$s package.

            %%files
            /usr/bin/%1$s
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private Path project;
    private Path snapshot;
    private Path out;

    @BeforeEach
    void writeProject() throws IOException {
        project = dir.resolve("project");
        snapshot = dir.resolve("snapshot");
        out = dir.resolve("out");
        config("[components.curl]\n[components.zlib]\n");
        write(snapshot.resolve("curl.spec"), SPEC.formatted("curl"));
        write(snapshot.resolve("zlib.spec"), SPEC.formatted("zlib"));
    }

    private void config(String text) throws IOException {
        write(project.resolve("azldev.toml"), text);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliRunner keel(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private CliRunner render(String... extra) {
        List<String> args = new ArrayList<>(
                List.of("component", "render", "-a", "--upstream-specs", snapshot.toString(), "-o", out.toString()));
        args.addAll(List.of(extra));
        return keel(args.toArray(String[]::new));
    }

    /** Every path below {@code root}, relative, sorted (empty when it does not exist). */
    private static List<String> tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private List<String> everythingOutsideTheProject() throws IOException {
        return tree(dir).stream()
                .filter(p -> !p.startsWith("project") && !p.startsWith("snapshot") && !p.startsWith("cache"))
                .toList();
    }

    // ------------------------------------------------------------------ no project

    @Test
    void withoutAProjectTheErrorNamesWhereKeelLooked() {
        CliRunner result = CliRunner.run("-C", dir.resolve("nowhere").toString(), "config", "check");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ");
        assertThat(result.out()).isEmpty();
        CliRunner here = CliRunner.run("config", "check");
        assertThat(here.exitCode()).isEqualTo(1);
        assertThat(here.err())
                .startsWith("error: no azldev.toml or keel.toml in "
                        + Path.of("").toAbsolutePath() + " or any parent directory\n  --> .\n");
    }

    // ------------------------------------------------------------------ names

    @ParameterizedTest(name = "[{index}] component \"{0}\"")
    @ValueSource(strings = {"../../x", "/abs/x", "..", ".hidden", "-rf", "a b", "a\\u0000b", "a\\u001b[31mb"})
    void aComponentNameThatCouldLeaveTheTreeIsRefusedAndNothingIsWritten(String name) throws IOException {
        config("[components.\"" + name + "\"]\n");
        for (CliRunner result : List.of(render(), keel("component", "update", "-a"), keel("config", "check"))) {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("error: invalid component name '")
                    .contains("  --> azldev.toml:1:1")
                    .contains("= hint: a package name uses letters, digits and . _ + - ")
                    .doesNotContain("\u001b")
                    .doesNotContain("\u0000");
            assertThat(result.out()).isEmpty();
        }
        assertThat(everythingOutsideTheProject()).isEmpty();
        assertThat(tree(project)).containsExactly("azldev.toml");
    }

    @Test
    void anUpstreamNameThatLeavesTheSnapshotIsRefused() throws IOException {
        write(dir.resolve("secret.spec"), SPEC.formatted("secret"));
        config("[components.curl]\nspec = { upstream-name = \"../secret\" }\n");
        CliRunner result = render();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: invalid upstream-name '../secret': the name contains a path separator '/'")
                .contains("  --> azldev.toml:2:");
        assertThat(out).doesNotExist();
    }

    // ------------------------------------------------------------------ paths in the configuration

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "rendered-specs-dir = \"../escaped\"",
                "lock-dir = \"../escaped\"",
                "work-dir = \"/tmp/keel-escaped\"",
                "output-dir = \"sub/../../escaped\"",
                "log-dir = \"../escaped\""
            })
    void aProjectDirectoryOutsideTheProjectIsALocatedErrorAndNothingIsWritten(String setting) throws IOException {
        config("[project]\n" + setting + "\n\n[components.curl]\n");
        CliRunner result = keel("component", "render", "-a", "--upstream-specs", snapshot.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("leaves the project directory").contains("  --> azldev.toml:2:1");
        assertThat(everythingOutsideTheProject()).isEmpty();
        assertThat(Path.of("/tmp/keel-escaped")).doesNotExist();
    }

    @Test
    void aRenderedSpecsDirThroughALinkLeavingTheProjectIsRefused(@TempDir Path elsewhere) throws IOException {
        Files.createDirectories(project);
        Files.createSymbolicLink(project.resolve("specs"), elsewhere);
        CliRunner result = keel("component", "render", "-a", "--upstream-specs", snapshot.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: the default rendered-specs-dir specs leaves the project directory (it is a symbolic"
                        + " link to " + elsewhere.toRealPath() + ")")
                .contains("  --> azldev.toml")
                .contains("= key: project.rendered-specs-dir");
        assertThat(tree(elsewhere)).isEmpty();
    }

    @Test
    void anOverlaySourceOutsideTheProjectIsRefusedBeforeAnythingIsRead() throws IOException {
        write(dir.resolve("secret.patch"), "top secret\n");
        config("""
                [components.curl]
                overlays = [{ type = "patch-add", source = "../secret.patch" }]
                """);
        CliRunner result = render();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: '../secret.patch' leaves the project directory")
                .contains("  --> azldev.toml:2:")
                .contains("= key: components.curl.overlays[0].source");
        assertThat(out).doesNotExist();
    }

    @Test
    void aGlobIncludeMeetingALinkThatLeavesTheProjectIsRefused(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("evil.comp.toml"), "[components.evil]\n");
        Files.createDirectories(project.resolve("comps"));
        Files.createSymbolicLink(project.resolve("comps/evil.comp.toml"), elsewhere.resolve("evil.comp.toml"));
        config("includes = [\"comps/*.comp.toml\"]\n[components.curl]\n");
        CliRunner result = keel("config", "check");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("is a symbolic link to " + elsewhere.toRealPath().resolve("evil.comp.toml"))
                .contains("  --> azldev.toml:1:");
    }

    // ------------------------------------------------------------------ outputs

    @Test
    void renderIntoTheProjectItselfIsRefused() throws IOException {
        CliRunner result =
                keel("component", "render", "-a", "--upstream-specs", snapshot.toString(), "-o", project.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--output-dir " + project + " is or contains the project");
        assertThat(tree(project)).containsExactly("azldev.toml");
    }

    @Test
    void renderIntoADirectoryOfTheProjectIsRefused() throws IOException {
        write(project.resolve("base/keep.toml"), "# mine\n");
        CliRunner result = keel(
                "component",
                "render",
                "-a",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                project.resolve("base").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("lies inside the project, outside its rendered-specs, work and output");
        assertThat(tree(project.resolve("base"))).containsExactly("keep.toml");
    }

    @Test
    void renderIntoKeelsCacheIsRefused() throws IOException {
        CliRunner result = keel(
                "component",
                "render",
                "-a",
                "--upstream-specs",
                snapshot.toString(),
                "-o",
                cache.directory().resolve("render").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Keel's cache");
    }

    @Test
    void renderIntoTheCurrentDirectoryOrAParentIsRefused() {
        for (Path target : List.of(Path.of(""), Path.of("..").toAbsolutePath().normalize(), Path.of("/"))) {
            CliRunner result =
                    keel("component", "render", "-a", "--upstream-specs", snapshot.toString(), "-o", target.toString());
            assertThat(result.exitCode()).as(target.toString()).isEqualTo(1);
            assertThat(result.err()).contains("is the current directory or one of its parents");
        }
    }

    @Test
    void prepareSourcesForceIntoTheProjectIsRefusedAndDeletesNothing() throws IOException {
        config("[components.hello]\nspec = { type = \"local\", path = \"local/hello.spec\" }\n");
        write(project.resolve("local/hello.spec"), SPEC.formatted("hello"));
        CliRunner result =
                keel("component", "prepare-sources", "hello", "-o", project.toString(), "--force", "--skip-sources");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is or contains the project");
        assertThat(tree(project)).containsExactly("azldev.toml", "local", "local/hello.spec");
    }

    @Test
    void aLetterDirectoryThatIsALinkIsNeverWrittenThrough(@TempDir Path elsewhere) throws IOException {
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("c"), elsewhere);
        CliRunner result = render();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: curl: is a symbolic link; Keel does not write through links in its output")
                .contains("  --> " + out.resolve("c"));
        assertThat(tree(elsewhere)).isEmpty();
        assertThat(out.resolve("z/zlib/zlib.spec")).exists();
    }

    @Test
    void aComponentDirectoryThatIsALinkIsReplacedNotFollowed(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("precious.txt"), "keep me\n");
        Files.createDirectories(out.resolve("c"));
        Files.createSymbolicLink(out.resolve("c/curl"), elsewhere);
        CliRunner check = render("--check-only");
        assertThat(check.exitCode()).isEqualTo(1);
        CliRunner result = render();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(out.resolve("c/curl"))).isFalse();
        assertThat(out.resolve("c/curl/curl.spec")).exists();
        assertThat(tree(elsewhere)).containsExactly("precious.txt");
    }

    @Test
    void cleanStaleNeverRemovesADirectoryKeelDidNotWrite() throws IOException {
        assertThat(render().exitCode()).isZero();
        write(out.resolve("m/mine/notes.txt"), "mine\n");
        write(out.resolve("m/mine/mine.spec"), "Name: mine\n");
        CliRunner result = render("--clean-stale");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("m/mine +stale +no +no component of that name, and Keel did not write it: remove it");
        assertThat(tree(out.resolve("m"))).containsExactly("mine", "mine/mine.spec", "mine/notes.txt");
    }

    // ------------------------------------------------------------------ gates

    @Test
    void checkOnlyFailsWhenAComponentFailsEvenWithItsMarkerInPlace() throws IOException {
        config("""
                [components.curl]
                overlays = [{ type = "spec-remove-tag", tag = "Requires", value = "gone" }]
                """);
        CliRunner first = render();
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("c/curl/RENDER_FAILED")))
                .contains("error: curl: overlay 1 (spec-remove-tag) failed: ")
                .contains("  --> azldev.toml:2:");
        CliRunner check = render("--check-only");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("curl       failed  no ");
    }

    @Test
    void checkOnlyFailsOnAStaleDirectoryWithoutCleanStale() throws IOException {
        assertThat(render().exitCode()).isZero();
        write(out.resolve("g/gone/gone.spec"), Files.readString(out.resolve("c/curl/curl.spec")));
        CliRunner check = render("--check-only");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).endsWith("2 components: 2 unchanged; 1 stale directory\n");
        assertThat(out.resolve("g/gone/gone.spec")).exists();
    }

    @Test
    void checkOnlyPassesOnlyOnAnExactTree() throws IOException {
        assertThat(render().exitCode()).isZero();
        assertThat(render("--check-only").exitCode()).isZero();
        Files.writeString(out.resolve("c/curl/extra.txt"), "hand-made\n");
        CliRunner check = render("--check-only");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("differs: extra.txt");
    }

    @Test
    void checkOverlaysFailsForAnOverlayUpstreamAlreadyApplied() throws IOException {
        config("""
                [components.curl]
                overlays = [{ type = "spec-remove-tag", tag = "BuildRequires", value = "gone-upstream" }]
                """);
        CliRunner result = keel("component", "check-overlays", "-a", "--upstream-specs", snapshot.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("curl       1  spec-remove-tag  upstreamed  upstream already dropped this, and the render"
                        + " fails on it: retire the overlay (");
    }

    // ------------------------------------------------------------------ snapshots that are not tar archives

    @Test
    void aZipSnapshotIsRefusedWithItsPath() throws IOException {
        Path zip = dir.resolve("specs.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream stream = new ZipOutputStream(bytes)) {
            stream.putNextEntry(new ZipEntry("curl.spec"));
            stream.write(SPEC.formatted("curl").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(zip, bytes.toByteArray());
        assertRefusedSnapshot(zip, "--upstream-specs: specs.zip: this is a zip archive; Keel reads tar archives");
    }

    @Test
    void aGarbageSnapshotIsRefusedWithItsPath() throws IOException {
        Path garbage = Files.write(
                dir.resolve("specs.tar"), "not a tar at all\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertRefusedSnapshot(garbage, "--upstream-specs: specs.tar: not a tar archive");
    }

    @Test
    void anEmptySnapshotFileIsRefusedWithItsPath() throws IOException {
        Path empty = Files.write(dir.resolve("specs.tar.xz"), new byte[0]);
        assertRefusedSnapshot(empty, "--upstream-specs: specs.tar.xz: the file is empty, not a tar archive");
    }

    @Test
    void aTruncatedCompressedSnapshotIsRefusedWithItsPath() throws IOException {
        Path tar = dir.resolve("specs.tar.gz");
        Process process = new ProcessBuilder("tar", "-czf", tar.toString(), "-C", snapshot.toString(), "curl.spec")
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(process.waitFor()).isZero();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        byte[] whole = Files.readAllBytes(tar);
        Files.write(tar, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefusedSnapshot(tar, "--upstream-specs: unexpected end of archive in specs.tar.gz");
    }

    private void assertRefusedSnapshot(Path file, String message) throws IOException {
        for (List<String> command : List.of(
                List.of("component", "render", "-a", "--upstream-specs", file.toString(), "-o", out.toString()),
                List.of("component", "check-overlays", "-a", "--upstream-specs", file.toString()),
                List.of("component", "diff-sources", "curl", "--upstream-specs", file.toString()))) {
            CliRunner result = keel(command.toArray(String[]::new));
            assertThat(result.exitCode()).as(command.toString()).isEqualTo(1);
            assertThat(result.err()).as(command.toString()).contains(message).contains("  --> " + file);
            assertThat(result.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
    }

    // ------------------------------------------------------------------ upstream sources

    @Test
    void aSourcesFileThatDoesNotParseFailsTheRenderWithItsLine() throws IOException {
        config("[components.hello]\nspec = { type = \"local\", path = \"local/hello.spec\" }\n");
        write(project.resolve("local/hello.spec"), SPEC.formatted("hello"));
        write(project.resolve("local/sources"), "SHA512 (hello.tar.gz) = abc\n<html>oops</html>\n");
        CliRunner result = keel("component", "render", "-a", "-o", out.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: hello: the sources file has a line that is neither an entry nor blank: <html>")
                .contains("  --> sources:2:1");
        assertThat(Files.readString(out.resolve("h/hello/RENDER_FAILED"))).contains("  --> sources:2:1");
    }

    @Test
    void aSourcesEntryForATrackedFileWithAnotherHashFailsTheRender() throws IOException {
        config("[components.hello]\nspec = { type = \"local\", path = \"local/hello.spec\" }\n");
        write(project.resolve("local/hello.spec"), SPEC.formatted("hello"));
        write(project.resolve("local/hello.conf"), "tracked\n");
        write(project.resolve("local/sources"), "SHA512 (hello.conf) = " + "0".repeat(128) + "\n");
        CliRunner result = keel("component", "render", "-a", "-o", out.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("error: hello: the sources file gives hello.conf SHA512 " + "0".repeat(128)
                        + ", but the file the repository tracks has ");
        assertThat(out.resolve("h/hello/hello.spec")).doesNotExist();
    }
}
