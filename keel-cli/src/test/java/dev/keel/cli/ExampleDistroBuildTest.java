package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolRunner;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.cli.demo.UpstreamRuntime;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example distro built end to end with the real RPM tools, as the CLI runs it: the whole
 * distro in dependency order, nothing rebuilt when nothing changed, an overlay change of the first
 * link of the build chain rebuilding it and its dependents only, a broken component blocking its
 * dependents under {@code -k} while the repository stays consistent, the host untouched, and the
 * same RPMs, byte for byte, from another checkout path.
 */
class ExampleDistroBuildTest {

    /** What the example's packages would install on the host, were a build to leak there. */
    private static final List<Path> HOST_PATHS = List.of(
            Path.of("/usr/include/widget.h"),
            Path.of("/usr/lib64/libwidget.so.4"),
            Path.of("/usr/bin/notice"),
            Path.of("/usr/bin/greeter"),
            Path.of("/usr/bin/hello"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String previousCache;

    @BeforeEach
    void assumeTools() {
        Optional<String> why =
                LocalBackend.unavailable(List.of(HostTool.CREATEREPO, HostTool.DNF, HostTool.REPOCLOSURE));
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds the example's RPMs)");
        List<String> compilers = Stream.of("gcc", "make", "patch", "python3")
                .filter(program -> ToolRunner.find(program).isEmpty())
                .toList();
        assumeTrue(
                compilers.isEmpty(),
                () -> String.join(", ", compilers)
                        + " missing: apt-get install -y gcc libc6-dev make patch python3 (this test builds the example's RPMs)");
        HOST_PATHS.forEach(path -> assumeTrue(!Files.exists(path), () -> path + " exists on this host"));
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    @Test
    void buildsInOrderRebuildsOnlyWhatChangedAndLeavesTheHostAlone() throws Exception {
        String hostPackages = hostPackages();
        Path root = dir.resolve("one");
        Path project = install(root);
        String repo = root.resolve("repo").toString();
        List<String> build = List.of("component", "build", "-a", "--local-repo-with-publish", repo, "-O", "json");

        assertThat(statuses(keel(project, build, 0)))
                .containsExactlyEntriesOf(statuses("built", "built", "built", "built", "built"));
        assertThat(statuses(keel(project, build, 0)))
                .as("nothing changed")
                .containsExactlyEntriesOf(statuses("unchanged", "unchanged", "unchanged", "unchanged", "unchanged"));

        overlay(project, "libwidget", "%description", "Changed by an overlay: the chain rebuilds.");
        keel(project, List.of("component", "render", "-a"), 0);
        assertThat(statuses(keel(project, build, 0)))
                .as("libwidget, and notice and greeter built against it")
                .containsExactlyEntriesOf(statuses("built", "unchanged", "built", "built", "unchanged"));

        overlay(project, "notice", "%build", "echo 'notice is broken on purpose' >&2; exit 1");
        keel(project, List.of("component", "render", "-a"), 0);
        List<String> keepGoing = new ArrayList<>(build);
        keepGoing.add("-k");
        JsonNode broken = keel(project, keepGoing, 1);
        assertThat(statuses(broken))
                .containsExactlyEntriesOf(statuses("blocked", "unchanged", "unchanged", "failed", "unchanged"));
        assertThat(row(broken, "greeter").get("blockedBy").toString()).isEqualTo("[\"notice\"]");
        assertThat(Files.readString(
                        project.resolve(row(broken, "notice").get("log").asText())))
                .contains("notice is broken on purpose");

        UpstreamRuntime.build(root);
        CliRunner check = CliRunner.run(
                "-C", project.toString(), "repo", "check", "--repo", repo, "--install", "greeter", "-O", "json");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

        assertThat(hostPackages()).as("the host's rpm database").isEqualTo(hostPackages);
        HOST_PATHS.forEach(path -> assertThat(path).doesNotExist());
    }

    @Test
    void twoCheckoutsBuildTheSameBytes() throws Exception {
        SortedMap<String, String> first = buildAll(dir.resolve("a"));
        SortedMap<String, String> second = buildAll(dir.resolve("elsewhere/b"));
        System.out.println("keel: the example built from two checkout paths: " + first.size()
                + " RPMs with identical SHA-256: " + first);
        assertThat(first).hasSize(12).isEqualTo(second);
    }

    private SortedMap<String, String> buildAll(Path root) throws Exception {
        Path project = install(root);
        keel(project, List.of("component", "build", "-a"), 0);
        SortedMap<String, String> digests = new TreeMap<>();
        Path out = project.resolve("out");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rpm")).toList()) {
                digests.put(
                        out.relativize(file).toString(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }

    /** The example installed under {@code root}, its upstream locked and its specs rendered. */
    private static Path install(Path root) throws IOException {
        Path project;
        try (ExampleDistro example = ExampleDistro.install(root)) {
            project = example.project();
        }
        keel(project, List.of("component", "update", "-a"), 0);
        keel(project, List.of("component", "render", "-a"), 0);
        return project;
    }

    /** Appends an overlay adding {@code line} to a section of the component's spec. */
    private static void overlay(Path project, String component, String section, String line) throws IOException {
        Files.writeString(
                project.resolve("components/" + component + ".comp.toml"),
                "\n[[components." + component + ".overlays]]\n"
                        + "description = \"A change made by the test\"\n"
                        + "type = \"spec-append-lines\"\n"
                        + "section = \"" + section + "\"\n"
                        + "lines = [" + JSON.writeValueAsString(line) + "]\n",
                StandardOpenOption.APPEND);
    }

    private static JsonNode keel(Path project, List<String> arguments, int exitCode) throws IOException {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(arguments);
        CliRunner result = CliRunner.run(all.toArray(String[]::new));
        assertThat(result.exitCode())
                .as(String.join(" ", arguments) + "\n" + result.err())
                .isEqualTo(exitCode);
        return arguments.contains("json") ? JSON.readTree(result.out()) : null;
    }

    private static SortedMap<String, String> statuses(JsonNode rows) {
        SortedMap<String, String> statuses = new TreeMap<>();
        rows.forEach(row ->
                statuses.put(row.get("component").asText(), row.get("status").asText()));
        return statuses;
    }

    /** The example's five components (greeter, hello, libwidget, notice, pyfoo) with these statuses. */
    private static SortedMap<String, String> statuses(String... inOrder) {
        List<String> names = List.of("greeter", "hello", "libwidget", "notice", "pyfoo");
        SortedMap<String, String> statuses = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            statuses.put(names.get(i), inOrder[i]);
        }
        return statuses;
    }

    private static JsonNode row(JsonNode rows, String component) {
        for (JsonNode row : rows) {
            if (row.get("component").asText().equals(component)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + component + " in " + rows);
    }

    /** The host's installed packages ({@code rpm -qa}, sorted), or that it has no rpm database. */
    private static String hostPackages() throws Exception {
        Process process =
                new ProcessBuilder("rpm", "-qa").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output.lines().sorted().toList() + " (exit " + process.exitValue() + ")";
    }
}
