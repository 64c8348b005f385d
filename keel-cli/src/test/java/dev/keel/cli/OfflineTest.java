package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example distro served on loopback, locked, rendered and prepared once; then its servers
 * stop. Whatever the cache holds is enough, offline or not (a fetch would fail: nothing serves the
 * upstream any more), and what it lacks is named.
 */
class OfflineTest {

    @TempDir
    Path dir;

    private ExampleDistro example;
    private String previousCache;
    private String gitPort;

    @BeforeEach
    void lockRenderPrepareThenStopTheUpstream() throws Exception {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        useCache("cache");
        example = ExampleDistro.serve(dir.resolve("example"), 0);
        gitPort = example.upstreamUri().replaceAll("^git://127\\.0\\.0\\.1:(\\d+)/.*", "$1");
        assertSucceeds(keel("update", "-a"));
        assertSucceeds(keel("render", "-a"));
        assertSucceeds(
                keel("prepare-sources", "hello", "-o", dir.resolve("prepared").toString()));
        example.close();
    }

    @AfterEach
    void restore() {
        example.close();
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    private void useCache(String name) {
        System.setProperty(KeelCache.PROPERTY, dir.resolve(name).toString());
    }

    private CliRunner keel(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", example.project().toString(), "component"));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private static void assertSucceeds(CliRunner result) {
        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        root.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void lockedCommitsInTheCacheRenderWithoutTheUpstreamOfflineOrNot() throws Exception {
        Map<String, String> rendered = tree(example.project().resolve("specs"));
        for (String mode : List.of("online", "--offline")) {
            Path out = dir.resolve("out-" + mode);
            List<String> arguments = new ArrayList<>(List.of("render", "-a", "-o", out.toString()));
            if (mode.startsWith("--")) {
                arguments.add(mode);
            }
            assertSucceeds(keel(arguments.toArray(String[]::new)));
            assertThat(tree(out)).isEqualTo(rendered);
        }
        assertSucceeds(keel("render", "-a", "--check-only"));
        assertSucceeds(keel("render", "-a", "--check-only", "--offline"));
    }

    @Test
    void prepareSourcesUsesTheCachedArchiveOfflineOrNot() throws Exception {
        Map<String, String> prepared = tree(dir.resolve("prepared"));
        assertSucceeds(
                keel("prepare-sources", "hello", "-o", dir.resolve("again").toString()));
        assertSucceeds(keel(
                "prepare-sources",
                "hello",
                "--offline",
                "-o",
                dir.resolve("offline").toString()));
        assertThat(tree(dir.resolve("again"))).isEqualTo(prepared);
        assertThat(tree(dir.resolve("offline"))).isEqualTo(prepared);
    }

    @Test
    void updateOfflineResolvesFromTheMirrorsWhileOnlineItNamesTheUnreachableRepository() throws Exception {
        Map<String, String> locks = tree(example.project().resolve("locks"));
        CliRunner offline = keel("update", "-a", "--offline", "--check-only");
        assertSucceeds(offline);

        CliRunner online = keel("update", "-a", "-O", "json");
        assertThat(online.exitCode()).isEqualTo(1);
        assertThat(online.out())
                .contains("\"message\" : \"cannot fetch git://127.0.0.1:" + gitPort
                        + "/hello.git: could not connect (connection refused or host unreachable)\"")
                .doesNotContain("Exception");
        assertThat(tree(example.project().resolve("locks"))).isEqualTo(locks);
    }

    @Test
    void anEmptyCacheOfflineNamesTheRepositoryAndTheLookasideFile() throws Exception {
        Path cache = dir.resolve("cache");
        useCache("empty");
        CliRunner render = keel(
                "render",
                "-a",
                "--offline",
                "-O",
                "json",
                "-o",
                dir.resolve("out").toString());
        assertThat(render.exitCode()).isEqualTo(1);
        assertThat(render.out())
                .contains("git://127.0.0.1:" + gitPort + "/hello.git is not in Keel's cache, and --offline forbids"
                        + " fetching it (run once without --offline)");
        assertThat(dir.resolve("empty/git")).doesNotExist();

        // the mirrors but not the lookaside
        copy(cache.resolve("git"), dir.resolve("mirrors-only/git"));
        useCache("mirrors-only");
        CliRunner prepare = keel(
                "prepare-sources", "hello", "--offline", "-o", dir.resolve("p").toString());
        assertThat(prepare.exitCode()).isEqualTo(1);
        assertThat(prepare.err())
                .startsWith("error: hello-2.1.tar.xz (SHA512 ")
                .contains(") is not in Keel's cache, and --offline forbids downloading it from http://127.0.0.1:")
                .contains("/lookaside/hello/hello-2.1.tar.xz");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
