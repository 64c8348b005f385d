package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.Digests;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel verify} on the example distro, its upstream served on loopback (git protocol and
 * HTTP): the maintainer locks and renders in a git repository; a third party clones it and verifies
 * with an empty cache. Tampering with a rendered line, a lookaside archive upstream or a lock commit
 * is named precisely and fails the run.
 */
class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExampleDistro example;
    private String previousCache;
    private Path clone;

    @BeforeEach
    void maintainerRendersThenAThirdPartyClones() throws Exception {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("maintainer-cache").toString());
        example = ExampleDistro.serve(dir.resolve("example"), 0);
        try (Git project = Git.init()
                .setDirectory(example.project().toFile())
                .setInitialBranch("main")
                .call()) {
            commit(project, "Start the example distro", 0);
            assertSucceeds(keel(example.project(), "component", "update", "-a"));
            commit(project, "Lock the upstream commits", 1);
            assertSucceeds(keel(example.project(), "component", "render", "-a"));
            commit(project, "Render", 2);
        }
        clone = dir.resolve("clone");
        Git.cloneRepository()
                .setURI(example.project().toUri().toString())
                .setDirectory(clone.toFile())
                .call()
                .close();
        Files.createDirectories(dir.resolve("third-party-cache"));
        System.setProperty(KeelCache.PROPERTY, dir.resolve("third-party-cache").toString());
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

    private static void commit(Git project, String message, int day) throws Exception {
        project.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(
                new PersonIdent("Distro Maintainer", "maintainer@example.org"),
                Date.from(Instant.parse("2026-06-01T12:00:00Z").plusSeconds(86_400L * day)),
                TimeZone.getTimeZone("UTC"));
        project.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private static CliRunner keel(Path project, String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private CliRunner verify(String... arguments) {
        List<String> all = new ArrayList<>(List.of("verify"));
        all.addAll(List.of(arguments));
        return keel(clone, all.toArray(String[]::new));
    }

    private static void assertSucceeds(CliRunner result) {
        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
    }

    private static JsonNode component(JsonNode report, String name) {
        for (JsonNode component : report.get("components")) {
            if (component.get("component").asText().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    /** Every file below {@code root}, git's own included, with its bytes' hash. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Digests.hex("SHA-256", file));
            }
        }
        return files;
    }

    // ------------------------------------------------------------------ acceptance 1

    @Test
    void aFreshCloneVerifiesWithAnEmptyCacheAndTheSameJsonEveryTime() throws Exception {
        Map<String, String> before = files(clone);

        CliRunner json = verify("-a", "-O", "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("verified").asBoolean()).isTrue();
        List<String> statuses = new ArrayList<>();
        report.get("components")
                .forEach(c -> statuses.add(
                        c.get("component").asText() + " " + c.get("status").asText()));
        assertThat(statuses)
                .containsExactly(
                        "greeter verified",
                        "hello verified",
                        "libwidget verified",
                        "notice verified",
                        "pyfoo verified");
        assertThat(component(report, "hello")
                        .get("lookaside")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("ok");
        assertThat(files(clone)).as("nothing written into the project").isEqualTo(before);
        try (Stream<Path> cache = Files.list(dir.resolve("third-party-cache"))) {
            assertThat(cache).as("Keel's cache is not written").isEmpty();
        }
        assertThat(json.out()).doesNotContain(dir.toString()).doesNotContain(" ms");
        assertThat(verify("-a", "-O", "json").out()).isEqualTo(json.out());
        assertThat(verify("-a", "-O", "json", "-j", "1").out()).isEqualTo(json.out());
        assertThat(verify("-a", "-O", "json", "-j", "2").out()).isEqualTo(json.out());

        CliRunner table = verify("-a");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("hello      verified");
        assertThat(table.err()).endsWith("5 components: 5 verified\n");
    }

    @Test
    void anEditedRenderedLineIsNamedWithItsFileAndLine() throws Exception {
        Path spec = clone.resolve("specs/p/pyfoo/pyfoo.spec");
        List<String> lines = Files.readAllLines(spec);
        int url = lines.indexOf("URL: https://mirror.example.org/pyfoo");
        assertThat(url).isPositive();
        lines.set(url, "URL: https://evil.example.org/pyfoo");
        Files.write(spec, lines);

        CliRunner result = verify("-a", "-O", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(result.out());
        JsonNode pyfoo = component(report, "pyfoo");
        assertThat(pyfoo.get("status").asText()).isEqualTo("differs");
        assertThat(pyfoo.get("files")).hasSize(1);
        JsonNode file = pyfoo.get("files").get(0);
        assertThat(file.get("file").asText()).isEqualTo("pyfoo.spec");
        assertThat(file.get("change").asText()).isEqualTo("changed");
        assertThat(file.get("linesAdded").asInt()).isEqualTo(1);
        assertThat(file.get("linesRemoved").asInt()).isEqualTo(1);
        assertThat(file.get("firstDifferentLine").asInt()).isEqualTo(url + 1);
        assertThat(report.get("summary").get("verified").asInt()).isEqualTo(4);

        CliRunner table = verify("pyfoo");
        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.out()).contains("pyfoo      differs  pyfoo.spec: changed, +1 -1 from line " + (url + 1));
    }

    @Test
    void aTamperedLookasideArchiveUpstreamIsNamedWithBothHashes() throws Exception {
        Path archive = dir.resolve("example/upstream/lookaside/hello/hello-2.1.tar.xz");
        String recorded = Digests.hex("SHA-512", archive);
        byte[] tampered = "a tampered archive\n".getBytes(StandardCharsets.UTF_8);
        Files.write(archive, tampered);

        CliRunner result = verify("-a", "-O", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode hello = component(JSON.readTree(result.out()), "hello");
        assertThat(hello.get("status").asText()).isEqualTo("differs");
        assertThat(hello.get("files")).isEmpty();
        JsonNode check = hello.get("lookaside").get(0);
        assertThat(check.get("file").asText()).isEqualTo("hello-2.1.tar.xz");
        assertThat(check.get("status").asText()).isEqualTo("mismatch");
        assertThat(check.get("hashType").asText()).isEqualTo("SHA512");
        assertThat(check.get("recorded").asText()).isEqualTo(recorded);
        assertThat(check.get("actual").asText()).isEqualTo(Digests.hex("SHA-512", tampered));
        assertThat(component(JSON.readTree(result.out()), "libwidget")
                        .get("status")
                        .asText())
                .isEqualTo("verified");
    }

    @Test
    void aLockCommitTheUpstreamLacksIsNamedAtTheLockFile() throws Exception {
        Path lock = clone.resolve("locks/hello.lock");
        String missing = "0123456789abcdef0123456789abcdef01234567";
        Files.writeString(
                lock,
                Files.readString(lock)
                        .replaceAll("upstream-commit = \"[0-9a-f]+\"", "upstream-commit = \"" + missing + "\""));

        CliRunner result = verify("-a", "-O", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode hello = component(JSON.readTree(result.out()), "hello");
        assertThat(hello.get("status").asText()).isEqualTo("unverifiable");
        JsonNode failure = hello.get("failure");
        assertThat(failure.get("kind").asText()).isEqualTo("upstream");
        assertThat(failure.get("message").asText())
                .startsWith("locked commit " + missing + " is not in the upstream repository git://127.0.0.1:");
        assertThat(failure.get("location").asText()).isEqualTo("locks/hello.lock");

        CliRunner table = verify("hello");
        assertThat(table.out()).contains("hello      unverifiable  locked commit " + missing);
        assertThat(table.err()).contains("  --> locks/hello.lock\n");
    }

    @Test
    void everyTamperingAtOnceGivesTheSameJsonForOneAndTwoJobs() throws Exception {
        Path spec = clone.resolve("specs/h/hello/hello.spec");
        Files.writeString(spec, Files.readString(spec).replace("Provides:", "Provides: evil\nProvides:"));
        Files.write(dir.resolve("example/upstream/lookaside/libwidget/widget-4.2.0.tar.xz"), new byte[] {1, 2, 3});
        Path lock = clone.resolve("locks/notice.lock");
        Files.writeString(
                lock,
                Files.readString(lock).replaceAll("upstream-commit = \"[0-9a-f]+\"", "upstream-commit = \"deadbeef\""));
        Files.createDirectories(clone.resolve("specs/z/zombie"));

        CliRunner one = verify("-a", "-O", "json", "-j", "1");
        CliRunner two = verify("-a", "-O", "json", "-j", "2");

        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(two.out()).isEqualTo(one.out());
        JsonNode report = JSON.readTree(one.out());
        assertThat(report.get("summary").toString())
                .isEqualTo("{\"verified\":2,\"differs\":2,\"unverifiable\":1,\"stale\":1}");
        assertThat(report.get("stale").toString()).isEqualTo("[\"z/zombie\"]");
    }

    // ------------------------------------------------------------------ archive overlays

    /** An archive overlay on hello's upstream archive, recorded with {@code hash}. */
    private static String archiveOverlay(String hash) {
        return """

                [[components.hello.source-files]]
                filename = "hello-2.1.tar.xz"
                hash = "%s"
                hash-type = "SHA512"
                origin = { type = "overlay" }
                replace-upstream = true
                replace-reason = "the README names the distro"

                [[components.hello.overlays]]
                description = "Name the distro in the README"
                type = "file-search-replace"
                file = "README"
                regex = "prints a greeting"
                replacement = "prints a greeting (built by Keel)"
                archive = "hello-2.1.tar.xz"
                """.formatted(hash);
    }

    /**
     * Adds an archive overlay to hello as its maintainer does: with a wrong hash, prepare-sources
     * names the archive's new one, which is then recorded and rendered. Returns that hash.
     */
    private String addArchiveOverlay() throws Exception {
        Path config = clone.resolve("components/hello.comp.toml");
        String original = Files.readString(config);
        Files.writeString(config, original + archiveOverlay("00".repeat(64)));
        CliRunner wrong = keel(
                clone,
                "component",
                "prepare-sources",
                "hello",
                "-o",
                dir.resolve("wrong").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        java.util.regex.Matcher named = java.util.regex.Pattern.compile(
                        "archive hello-2.1.tar.xz after overlays has SHA512 ([0-9a-f]{128}), but source-files records 0+")
                .matcher(wrong.err());
        assertThat(named.find()).as(wrong.err()).isTrue();
        Files.writeString(config, original + archiveOverlay(named.group(1)));
        assertSucceeds(keel(clone, "component", "render", "hello"));
        return named.group(1);
    }

    @Test
    void anArchiveOverlayIsReMadeAndItsHashCheckedTheSameForOneAndTwoJobs() throws Exception {
        String repacked = addArchiveOverlay();
        int line = Files.readAllLines(clone.resolve("components/hello.comp.toml"))
                        .lastIndexOf("[[components.hello.overlays]]")
                + 1;

        CliRunner json = verify("-a", "-O", "json", "-j", "1");

        assertThat(json.exitCode()).as(json.err() + json.out()).isZero();
        JsonNode archive =
                component(JSON.readTree(json.out()), "hello").get("archives").get(0);
        assertThat(archive.toString())
                .isEqualTo("{\"file\":\"hello-2.1.tar.xz\",\"hashType\":\"SHA512\",\"recorded\":\"" + repacked
                        + "\",\"status\":\"ok\",\"actual\":null,\"overlays\":[{\"index\":5,\"type\":"
                        + "\"file-search-replace\",\"description\":\"Name the distro in the README\",\"location\":"
                        + "\"components/hello.comp.toml:" + line + ":1\"}],\"failure\":null}");
        assertThat(component(JSON.readTree(json.out()), "pyfoo").get("archives"))
                .isEmpty();
        assertThat(verify("-a", "-O", "json", "-j", "2").out()).isEqualTo(json.out());
        assertThat(verify("hello").out()).contains("hello      verified");
    }

    @Test
    void aTamperedArchiveHashIsNamedWithBothHashesAndItsOverlay() throws Exception {
        String repacked = addArchiveOverlay();
        Path config = clone.resolve("components/hello.comp.toml");
        String tampered = "ab".repeat(64);
        Files.writeString(config, Files.readString(config).replace(repacked, tampered));
        assertSucceeds(keel(clone, "component", "render", "hello"));

        CliRunner result = verify("-a", "-O", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode hello = component(JSON.readTree(result.out()), "hello");
        assertThat(hello.get("status").asText()).isEqualTo("differs");
        assertThat(hello.get("files")).isEmpty();
        JsonNode archive = hello.get("archives").get(0);
        assertThat(archive.get("status").asText()).isEqualTo("mismatch");
        assertThat(archive.get("recorded").asText()).isEqualTo(tampered);
        assertThat(archive.get("actual").asText()).isEqualTo(repacked);

        CliRunner table = verify("hello");
        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.out())
                .contains("hello      differs  hello-2.1.tar.xz: re-made by overlay 5 has SHA512 "
                        + repacked.substring(0, 16) + "..., recorded abababababababab...");
    }

    // ------------------------------------------------------------------ the cache and the network

    @Test
    void offlineReadsOnlyKeelsCacheAndNamesWhatItLacks() throws Exception {
        CliRunner empty = verify("-a", "--offline", "-O", "json");

        assertThat(empty.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(empty.out());
        assertThat(component(report, "greeter").get("status").asText()).isEqualTo("verified");
        assertThat(component(report, "hello").get("status").asText()).isEqualTo("unverifiable");
        assertThat(component(report, "hello").get("failure").get("message").asText())
                .contains("is not in Keel's cache, and --offline forbids fetching it");

        assertSucceeds(keel(
                clone,
                "component",
                "prepare-sources",
                "hello",
                "-o",
                dir.resolve("prepared").toString()));
        Map<String, String> cache = files(dir.resolve("third-party-cache"));
        CliRunner filled = verify("hello", "--offline", "-O", "json");
        assertThat(filled.exitCode()).as(filled.out()).isZero();
        assertThat(files(dir.resolve("third-party-cache"))).as("only read").isEqualTo(cache);
    }

    @Test
    void aFetchOverTheSizeLimitIsUnverifiable() throws Exception {
        CliRunner result = verify("hello", "--max-download-size", "100", "-O", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode hello = component(JSON.readTree(result.out()), "hello");
        assertThat(hello.get("status").asText()).isEqualTo("unverifiable");
        assertThat(hello.get("failure").get("message").asText())
                .startsWith("cannot fetch git://127.0.0.1:")
                .endsWith("larger than the download limit of 100 bytes (--max-download-size)");
    }

    @Test
    void aLetterDirectoryLinkedOutOfTheTreeIsNamedAndNotFollowed() throws Exception {
        Path outside = dir.resolve("outside");
        Files.move(clone.resolve("specs/g"), outside);
        Files.createSymbolicLink(clone.resolve("specs/g"), outside);

        CliRunner result = verify("greeter");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("greeter    differs  the directory itself: a symbolic link or special file, which Keel"
                        + " never writes");
    }

    // ------------------------------------------------------------------ usage errors

    @Test
    void aSelectionThatMatchesNothingIsAUsageError() {
        CliRunner unknown = verify("helo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: no component named 'helo'; did you mean 'hello'?\n");
        CliRunner glob = verify("-p", "zz*");
        assertThat(glob.exitCode()).isEqualTo(2);
        assertThat(glob.err()).startsWith("error: nothing to verify: the selection matches no component\n");
        CliRunner group = verify("-g", "nogroup");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(verify().exitCode()).isEqualTo(2);
        assertThat(verify("-a", "hello").exitCode()).isEqualTo(2);
        assertThat(unknown.out() + glob.out() + group.out()).isEmpty();
    }
}
