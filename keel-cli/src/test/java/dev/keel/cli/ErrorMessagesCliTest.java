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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error names the path it is about, in words (no Java class name, no exception text), exits
 * 1 and writes nothing: a missing file, a directory or a FIFO given as a file (as root, a FIFO
 * stands in for an unreadable file: root reads any file), a project directory that is not one, a
 * full disk, a truncated archive and a bad lock file.
 */
class ErrorMessagesCliTest {

    static final String SPEC = """
            Name: greeter
            Version: 1
            Release: 1
            Summary: Greets
            License: MIT

            %description
            Greets.
            """;

    @RegisterExtension
    final TempCache cache = new TempCache();

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = dir.resolve("project");
        write(project.resolve("azldev.toml"), """
                [components.greeter]
                spec = { type = "local", path = "specs/greeter/greeter.spec" }
                """);
        write(project.resolve("specs/greeter/greeter.spec"), SPEC);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void assertFails(CliRunner result, String err) {
        assertThat(result.err()).isEqualTo(err);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
    }

    private Path overlays() throws IOException {
        return write(dir.resolve("o.toml"), """
                [[overlays]]
                type = "spec-add-tag"
                tag = "Provides"
                value = "x"
                """);
    }

    // ------------------------------------------------------------------ selections

    /** Every command that selects components, with the options it requires besides the selection. */
    static Stream<List<String>> selectingCommands() {
        return Stream.of(
                List.of("component", "list"),
                List.of("component", "render"),
                List.of("component", "update"),
                List.of("component", "graph"),
                List.of("component", "build"),
                List.of("component", "check-overlays", "--upstream-specs", "."),
                List.of("verify"),
                List.of("attest", "-o", "attestations"),
                List.of("sbom", "-f", "spdx", "-o", "sbom.json"));
    }

    @ParameterizedTest(name = "keel {0} with an unknown name or group")
    @MethodSource("selectingCommands")
    void anUnknownNameOrGroupIsAUsageErrorWithAHint(List<String> command) {
        List<String> args = new ArrayList<>(List.of("-C", project.toString()));
        args.addAll(command);
        List<String> name = new ArrayList<>(args);
        name.add("greter");
        List<String> group = new ArrayList<>(args);
        group.addAll(List.of("-g", "nogroup"));

        CliRunner byName = CliRunner.run(name.toArray(String[]::new));
        CliRunner byGroup = CliRunner.run(group.toArray(String[]::new));

        assertThat(byName.exitCode()).as(byName.err()).isEqualTo(2);
        assertThat(byName.err()).contains("error: no component named 'greter'; did you mean 'greeter'?\nUsage: keel ");
        assertThat(byGroup.exitCode()).as(byGroup.err()).isEqualTo(2);
        assertThat(byGroup.err()).contains("error: no component group named 'nogroup'");
        assertThat(byName.out() + byGroup.out()).isEmpty();
        assertThat(project.resolve("attestations")).doesNotExist();
        assertThat(project.resolve("sbom.json")).doesNotExist();
    }

    @Test
    void prepareSourcesOfAnUnknownNameOrAPatternIsAUsageError() {
        String out = dir.resolve("out").toString();
        CliRunner unknown =
                CliRunner.run("-C", project.toString(), "component", "prepare-sources", "greter", "-o", out);
        CliRunner pattern = CliRunner.run("-C", project.toString(), "component", "prepare-sources", "gree*", "-o", out);

        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: no component named 'greter'; did you mean 'greeter'?\n");
        assertThat(pattern.exitCode()).as(pattern.err()).isEqualTo(2);
        assertThat(pattern.err())
                .startsWith("error: prepare-sources prepares one component: give its name, not a pattern ('gree*')\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    // ------------------------------------------------------------------ missing, directory, FIFO

    @Test
    void aMissingSpecIsNamed() {
        Path missing = dir.resolve("missing.spec");
        assertFails(CliRunner.run("spec", "query", missing.toString()), """
                error: no such file or directory
                  --> %s
                """.formatted(missing));
    }

    @Test
    void aDirectoryGivenAsASpecIsNamed() {
        assertFails(
                CliRunner.run("spec", "query", dir.toString()),
                "error: " + dir + " is a directory, not a regular file\n");
    }

    @Test
    void aFifoGivenAsAnOverlayFileIsNamedAndNothingIsWritten() throws Exception {
        Path fifo = HostileInputCliTest.fifo(dir.resolve("o.toml"));
        Path spec = write(dir.resolve("src/greeter.spec"), SPEC);
        Path out = dir.resolve("out");
        assertFails(
                CliRunner.run(
                        "overlay",
                        "apply",
                        "--spec",
                        spec.toString(),
                        "--overlays",
                        fifo.toString(),
                        "-o",
                        out.toString()),
                "error: " + fifo + " is a FIFO, not a regular file\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingSpecToOverlayIsNamedBeforeItsDirectoryIsRead() throws IOException {
        // the spec's directory is the default sources directory: a missing spec must not read /
        Path missing = Path.of("/missing-keel-test.spec");
        Path out = dir.resolve("out");
        assertFails(
                CliRunner.run(
                        "overlay",
                        "apply",
                        "--spec",
                        missing.toString(),
                        "--overlays",
                        overlays().toString(),
                        "-o",
                        out.toString()),
                """
                error: no such file or directory
                  --> /missing-keel-test.spec
                """);
        assertThat(out).doesNotExist();
    }

    @Test
    void aSpecDirectoryWithAFifoNamesItAndCountsItAsFailed() throws Exception {
        write(dir.resolve("specs/a.spec"), SPEC);
        Path fifo = HostileInputCliTest.fifo(dir.resolve("specs/b.spec"));
        CliRunner result =
                CliRunner.run("spec", "stats", "-O", "csv", dir.resolve("specs").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("files,2\r\n").contains("roundTripFailures,1\r\n");
        assertThat(result.err()).isEqualTo("error: " + fifo + " is a FIFO, not a regular file\n");
    }

    // ------------------------------------------------------------------ the project directory

    @Test
    void aMissingProjectDirectoryIsNamed() {
        Path missing = dir.resolve("nowhere");
        assertFails(CliRunner.run("-C", missing.toString(), "config", "check"), """
                error: the project directory does not exist
                  --> %s
                   = hint: name the directory that holds azldev.toml or keel.toml with -C DIR

                error: the configuration has 1 error
                """.formatted(missing));
    }

    @Test
    void aFileGivenAsProjectDirectoryIsNamed() throws IOException {
        Path file = write(dir.resolve("file"), "");
        assertFails(CliRunner.run("-C", file.toString(), "component", "list", "-a"), """
                error: the project directory is not a directory
                  --> %s
                   = hint: name the directory that holds azldev.toml or keel.toml with -C DIR

                error: the configuration has 1 error
                """.formatted(file));
    }

    @Test
    void aProjectFileThatIsADirectoryIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("other/azldev.toml"));
        assertFails(CliRunner.run("-C", dir.resolve("other").toString(), "config", "check"), """
                error: the project file is a directory, not a regular file
                  --> %s

                error: the configuration has 1 error
                """.formatted(
                        dir.resolve("other/azldev.toml")));
    }

    @Test
    void aDemoDirectoryThatIsAFileIsNamed() throws IOException {
        Path file = write(dir.resolve("demo"), "");
        assertFails(CliRunner.run("demo", "--dir", file.toString()), """
                error: not a directory
                  --> %s/upstream-source
                """.formatted(file));
        assertThat(Files.readString(file)).isEmpty();
    }

    // ------------------------------------------------------------------ a full disk

    @Test
    void aFullDiskNamesTheFileAndLeavesNothing() throws Exception {
        Path spec = write(dir.resolve("src/greeter.spec"), SPEC + "#".repeat(200_000) + "\n");
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("tiny"))) {
            Path out = disk.path().resolve("out");
            assertFails(
                    CliRunner.run(
                            "overlay",
                            "apply",
                            "--spec",
                            spec.toString(),
                            "--overlays",
                            overlays().toString(),
                            "-o",
                            out.toString()),
                    """
                    error: no space left on the device
                      --> %s/greeter.spec
                       = hint: free some space and run again; nothing was half written
                    """.formatted(out));
            try (Stream<Path> files = Files.list(disk.path())) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void aRenderOntoAFullDiskNamesTheFileAndWritesNoFile() throws Exception {
        write(project.resolve("specs/greeter/greeter.spec"), SPEC + "#".repeat(200_000) + "\n");
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("tiny"))) {
            Path out = disk.path().resolve("specs");
            CliRunner result =
                    CliRunner.run("-C", project.toString(), "component", "render", "-a", "-o", out.toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("""
                            error: greeter: no space left on the device
                              --> %s/g/greeter/greeter.spec
                               = hint: free some space and run again; nothing was half written
                            1 component: 1 failed
                            """.formatted(out));
            try (Stream<Path> files = Files.walk(disk.path())) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ truncated archives

    @Test
    void aTruncatedSpecSnapshotIsNamed() throws IOException {
        Path snapshot = dir.resolve("snapshot.tar.gz");
        Files.write(snapshot, truncated(gzip(tar("greeter.spec", SPEC))));
        Path out = dir.resolve("out");
        assertFails(
                CliRunner.run(
                        "-C",
                        project.toString(),
                        "component",
                        "check-overlays",
                        "-a",
                        "--upstream-specs",
                        snapshot.toString()),
                """
                error: --upstream-specs: unexpected end of archive in snapshot.tar.gz
                  --> %s
                   = hint: give a directory of <name>.spec files or a tar archive of them (such as Fedora's\
                 rpm-specs-latest.tar.xz)
                """.formatted(snapshot));
        assertThat(out).doesNotExist();
    }

    @Test
    void aTruncatedSourceArchiveIsNamedByTheOverlayThatOpensIt() throws IOException {
        Path spec = write(dir.resolve("src/greeter.spec"), SPEC);
        Files.write(dir.resolve("src/greeter-1.tar.gz"), truncated(gzip(tar("greeter-1/README", "hi\n"))));
        Path overlays = write(dir.resolve("o.toml"), """
                [[overlays]]
                type = "file-remove"
                file = "greeter-1/README"
                archive = "greeter-1.tar.gz"
                """);
        Path out = dir.resolve("out");
        assertFails(
                CliRunner.run(
                        "overlay",
                        "apply",
                        "--spec",
                        spec.toString(),
                        "--sources",
                        spec.getParent().toString(),
                        "--overlays",
                        overlays.toString(),
                        "-o",
                        out.toString()),
                """
                error: greeter: overlay 1 (file-remove) failed: unexpected end of archive in greeter-1.tar.gz
                  --> %s:1:1
                   = overlay: file-remove
                   = reason: unsafe-archive
                """.formatted(overlays));
        assertThat(out).doesNotExist();
    }

    /** A one-file tar archive. */
    static byte[] tar(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /** The first half of {@code bytes}. */
    static byte[] truncated(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }

    // ------------------------------------------------------------------ bad lock files

    private Path badLock() throws IOException {
        return write(project.resolve("locks/greeter.lock"), """
                version = 1
                upstream-commit = "not a commit"
                """);
    }

    @Test
    void configCheckNamesABadLockFile() throws IOException {
        Path lock = badLock();
        assertFails(CliRunner.run("-C", project.toString(), "config", "check"), """
                error: invalid upstream-commit in the lock file
                  --> %s:2:1
                   = key: upstream-commit
                   = hint: expected a commit hash of 7 to 40 hexadecimal digits

                error: the configuration has 1 error
                """.formatted("locks/greeter.lock"));
    }

    @Test
    void configCheckNamesALockFileThatIsADirectory() throws IOException {
        Files.createDirectories(project.resolve("locks/greeter.lock"));
        assertFails(CliRunner.run("-C", project.toString(), "config", "check"), """
                error: the lock file is a directory, not a regular file
                  --> %s
                   = hint: lock files are written by 'keel component update': fix the file, or delete it and run\
                 the update again

                error: the configuration has 1 error
                """.formatted("locks/greeter.lock"));
    }

    @Test
    void updateNamesABadLockFileAndWritesNothing() throws IOException {
        Path lock = badLock();
        String before = Files.readString(lock);
        CliRunner result = CliRunner.run("-C", project.toString(), "component", "update", "-a");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                        component  change  upstream-commit  detail
                        greeter    failed                   invalid upstream-commit in the lock file\
                         (locks/greeter.lock:2:1)
                        """);
        assertThat(result.err()).isEqualTo("""
                        error: greeter: invalid upstream-commit in the lock file
                          --> locks/greeter.lock:2:1
                           = key: upstream-commit
                           = hint: expected a commit hash of 7 to 40 hexadecimal digits
                        1 component: 1 failed
                        error: nothing was written because some components failed
                        """);
        assertThat(Files.readString(lock)).isEqualTo(before);
    }

    @Test
    void renderNamesABadLockFile() throws IOException {
        badLock();
        CliRunner result = CliRunner.run(
                "-C",
                project.toString(),
                "component",
                "render",
                "-a",
                "-o",
                dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("""
                        error: greeter: invalid upstream-commit in the lock file
                          --> locks/greeter.lock:2:1
                        """);
    }

    @Test
    void componentListNamesABadLockFile() throws IOException {
        Path lock = badLock();
        assertFails(CliRunner.run("-C", project.toString(), "component", "list", "-a", "-O", "json"), """
                error: invalid upstream-commit in the lock file
                  --> %s:2:1
                   = key: upstream-commit
                   = hint: expected a commit hash of 7 to 40 hexadecimal digits

                error: the configuration has 1 error
                """.formatted(
                        "locks/greeter.lock"));
    }

    @Test
    void noMessageShowsAJavaClassName() throws Exception {
        List<CliRunner> results = List.of(
                CliRunner.run("spec", "query", dir.resolve("missing.spec").toString()),
                CliRunner.run("-C", dir.resolve("nowhere").toString(), "config", "check"),
                CliRunner.run("spec", "stats", dir.toString(), "-j", "x"),
                CliRunner.run("demo", "--dir", write(dir.resolve("f"), "").toString()));
        for (CliRunner result : results) {
            assertThat(result.err()).doesNotContainPattern("java\\.|Exception|Error:|\\tat ");
        }
    }
}
