package dev.keel.cli;

import dev.keel.core.io.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins, byte for byte, what users see when components fail: the table, the error blocks and the
 * summary of {@code render}, its {@code --check-only} gate with stale directories, its JSON, and
 * {@code check-overlays}; a failing overlay (with closest lines), an upstream {@code sources} file
 * that does not parse, and a source file that collides with upstream.
 */
class FailureOutputGoldenTest {

    private static final String TARBALL_SHA512 = Digests.hex("SHA-512", "tarball".getBytes(StandardCharsets.UTF_8));

    private static final String CONFIG = """
            [components.curl]

            [[components.curl.overlays]]
            description = "Quiet the tests"
            type = "spec-search-replace"
            section = "%%check"
            regex = "^make check$"
            replacement = "make check V=0"

            [components.hello]
            spec = { type = "local", path = "local/hello/hello.spec" }

            [components.tool]
            spec = { type = "local", path = "local/tool/tool.spec" }

            [[components.tool.source-files]]
            filename = "tool-1.0.tar.gz"
            hash = "%s"
            hash-type = "SHA512"

            [components.zlib]

            [[components.zlib.overlays]]
            description = "Brand it"
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"
            """.formatted(TARBALL_SHA512);

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
        write(project.resolve("azldev.toml"), CONFIG);
        write(project.resolve("local/hello/hello.spec"), spec("hello", ""));
        write(
                project.resolve("local/hello/sources"),
                "SHA512 (hello-1.0.tar.gz) = " + TARBALL_SHA512 + "\nnot an entry\n");
        write(project.resolve("local/tool/tool.spec"), spec("tool", ""));
        write(project.resolve("local/tool/sources"), "SHA512 (tool-1.0.tar.gz) = " + TARBALL_SHA512 + "\n");
        snapshot = dir.resolve("snapshot");
        write(snapshot.resolve("curl.spec"), spec("curl", "\n%check\nmake check TESTS=all\n"));
        write(snapshot.resolve("zlib.spec"), spec("zlib", ""));
        out = dir.resolve("out");
    }

    private static String spec(String name, String extra) {
        return """
                Name:           %1$s
                Version:        1.0
                Release:        1%%{?dist}
                Summary:        The %1$s package
                License:        MIT

                %%description
                The %1$s package.
                %2$s
                %%files
                /usr/bin/%1$s
                """.formatted(name, extra);
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
        List<String> args = new ArrayList<>(List.of(
                "component", "render", "-a", "--upstream-specs", snapshot.toString(), "-o", out.toString(), "-j", "2"));
        args.addAll(List.of(extra));
        return keel(args.toArray(String[]::new));
    }

    @Test
    void renderPrintsEachFailureAsABlock() {
        Golden.check("golden/render-failures.txt", Golden.transcript(render(), dir));
    }

    @Test
    void renderJsonCarriesTypedFailures() {
        Golden.check("golden/render-failures-json.txt", Golden.transcript(render("-O", "json"), dir));
    }

    @Test
    void theCheckOnlyGateReportsFailuresDriftAndStaleDirectories() throws IOException {
        render();
        Path zlib = out.resolve("z/zlib/zlib.spec");
        Files.writeString(zlib, Files.readString(zlib).replace("Vendor: Keel", "Vendor: Someone"));
        write(out.resolve("o/old-thing/old-thing.spec"), Files.readString(zlib).replace("zlib", "old-thing"));
        write(out.resolve("m/mine/notes.txt"), "mine\n");
        Golden.check("golden/render-check-only.txt", Golden.transcript(render("--check-only"), dir));
    }

    @Test
    void checkOverlaysHasAFailingRowForEveryComponentTheRenderFailsOn() {
        Golden.check(
                "golden/check-overlays-failures.txt",
                Golden.transcript(
                        keel("component", "check-overlays", "-a", "--upstream-specs", snapshot.toString()), dir));
    }
}
