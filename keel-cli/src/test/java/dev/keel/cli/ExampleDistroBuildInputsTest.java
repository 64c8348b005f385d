package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import dev.keel.core.overlay.archive.ArchiveEntry;
import dev.keel.core.overlay.archive.ArchiveLimits;
import dev.keel.core.overlay.archive.TarArchive;
import dev.keel.spec.SourceRef;
import dev.keel.spec.Spec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example distro's prepared sources are inputs rpmbuild accepts: every patch applies to its
 * component's archive with GNU patch at fuzz 0, in patch-number order as {@code %autosetup}
 * applies them, and every rendered spec passes {@code rpmspec -P}. Each check skips, saying what
 * to install, when its tool is missing.
 */
class ExampleDistroBuildInputsTest {

    private static final List<String> COMPONENTS = List.of("greeter", "hello", "libwidget", "notice", "pyfoo");

    @TempDir
    Path dir;

    private String previousCache;
    private ExampleDistro example;

    @BeforeEach
    void install() throws Exception {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        example = ExampleDistro.install(dir.resolve("example"));
        CliRunner update = keel("update", "-a");
        assertThat(update.exitCode()).as(update.err()).isZero();
    }

    @AfterEach
    void close() {
        example.close();
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    @Test
    void everyPatchAppliesToItsArchiveAtFuzzZeroInSpecOrder() throws Exception {
        assumeTrue(onPath("patch"), "patch is not on the PATH (apt-get install patch), skipping");
        int applied = 0;
        for (String component : COMPONENTS) {
            Path prepared = prepare(component);
            List<SourceRef> patches =
                    Spec.parse(Files.readAllBytes(prepared.resolve(component + ".spec"))).patches().stream()
                            .sorted(Comparator.comparing(SourceRef::number))
                            .toList();
            if (patches.isEmpty()) {
                continue;
            }
            Path tree = unpack(archive(prepared), dir.resolve("unpacked").resolve(component));
            for (SourceRef patch : patches) {
                assertThat(patch.value())
                        .as(component + ": a patch named without macros")
                        .doesNotContain("%");
                Result result = run(
                        tree,
                        "patch",
                        "-p1",
                        "--fuzz=0",
                        "--batch",
                        "--no-backup-if-mismatch",
                        "-i",
                        prepared.resolve(patch.value()).toString());
                assertThat(result.code())
                        .as(component + ": " + patch.value() + "\n" + result.output())
                        .isZero();
                applied++;
            }
        }
        assertThat(applied)
                .as("patches applied (hello 2, libwidget 1, pyfoo 2)")
                .isEqualTo(5);
    }

    @Test
    void everyRenderedSpecPassesRpmspec() throws Exception {
        assumeTrue(onPath("rpmspec"), "rpmspec is not on the PATH (apt-get install rpm), skipping");
        for (String component : COMPONENTS) {
            Path prepared = prepare(component);
            Result result = run(
                    prepared,
                    "rpmspec",
                    "-P",
                    "--define",
                    "_sourcedir " + prepared,
                    prepared.resolve(component + ".spec").toString());
            assertThat(result.code()).as(component + "\n" + result.output()).isZero();
            assertThat(result.output()).as(component).doesNotContain("error:").contains("%changelog");
        }
    }

    private CliRunner keel(String... arguments) {
        return CliRunner.run(
                Stream.concat(Stream.of("-C", example.project().toString(), "component"), Stream.of(arguments))
                        .toArray(String[]::new));
    }

    private Path prepare(String component) {
        Path prepared = dir.resolve("prepared").resolve(component);
        if (!Files.isDirectory(prepared)) {
            CliRunner prepare = keel("prepare-sources", component, "-o", prepared.toString());
            assertThat(prepare.exitCode()).as(prepare.err()).isZero();
        }
        return prepared;
    }

    private static Path archive(Path prepared) throws IOException {
        try (Stream<Path> files = Files.list(prepared)) {
            List<Path> archives = files.filter(
                            file -> file.getFileName().toString().endsWith(".tar.xz"))
                    .toList();
            assertThat(archives).as("the archive of " + prepared).hasSize(1);
            return archives.get(0);
        }
    }

    /** Unpacks the archive under {@code target} and returns its top directory, where patch -p1 runs. */
    private static Path unpack(Path archive, Path target) throws IOException {
        TarArchive tar = TarArchive.read(Files.readAllBytes(archive), ArchiveLimits.DEFAULT);
        for (ArchiveEntry entry : tar.entries()) {
            Path path = target.resolve(entry.name()).normalize();
            assertThat(path.startsWith(target)).as(entry.name()).isTrue();
            if (entry.kind() == ArchiveEntry.Kind.DIRECTORY) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                Files.write(path, entry.content());
            }
        }
        return target.resolve(tar.root());
    }

    private record Result(int code, String output) {}

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("does not hang").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
