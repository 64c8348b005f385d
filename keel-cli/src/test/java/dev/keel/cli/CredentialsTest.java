package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials written into a dist-git or lookaside URL, against loopback servers that refuse
 * them: the user name and password show nowhere (stdout, stderr, JSON, the lock files, any name
 * or file in Keel's cache); the URL shows with {@code ***} in their place.
 */
class CredentialsTest {

    private static final String USER = "pkgr-user";
    private static final String PASSWORD = "hunter2-s3cret";
    private static final String USERINFO = USER + ":" + PASSWORD.replace("-", "%2D");

    @TempDir
    Path dir;

    private ExampleDistro example;
    private HttpServer refusing;
    private String previousCache;

    @BeforeEach
    void serve() throws IOException {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        example = ExampleDistro.serve(dir.resolve("example"), 0);
        refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        refusing.start();
    }

    @AfterEach
    void stop() {
        refusing.stop(0);
        example.close();
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    private String refusingBase() {
        return "127.0.0.1:" + refusing.getAddress().getPort();
    }

    /** Rewrites the example's distro file: one of its URL templates replaced. */
    private void distro(String from, String to) throws IOException {
        Path file = example.project().resolve("distro/upstream.distro.toml");
        Files.writeString(file, Files.readString(file).replace(from, to));
    }

    private CliRunner keel(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", example.project().toString(), "component"));
        all.addAll(List.of(arguments));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private void assertNoSecret(CliRunner... results) throws IOException {
        for (CliRunner result : results) {
            assertThat(result.out() + result.err())
                    .doesNotContain(USER)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(PASSWORD.replace("-", "%2D"))
                    .doesNotContain("Exception")
                    .doesNotContain("org.eclipse")
                    .doesNotContain("java.");
        }
        for (Path root : List.of(dir.resolve("cache"), example.project())) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.toList()) {
                    assertThat(root.relativize(path).toString()).doesNotContain(USER);
                    if (Files.isRegularFile(path) && !path.endsWith("upstream.distro.toml")) {
                        assertThat(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1))
                                .as(path.toString())
                                .doesNotContain(USER)
                                .doesNotContain(PASSWORD);
                    }
                }
            }
        }
    }

    @Test
    void aDistGitUrlWithCredentialsIsNeverEchoed() throws IOException {
        distro(example.upstreamUri(), "http://" + USERINFO + "@" + refusingBase() + "/rpms/$pkg.git");
        CliRunner render = keel("render", "-a", "-O", "json");
        CliRunner update = keel("update", "-a", "-O", "json");
        CliRunner prepare =
                keel("prepare-sources", "hello", "-o", dir.resolve("prepared").toString());
        assertThat(render.exitCode()).isEqualTo(1);
        assertThat(update.exitCode()).isEqualTo(1);
        assertThat(prepare.exitCode()).isEqualTo(1);
        String shown = "http://***@" + refusingBase() + "/rpms/hello.git";
        assertThat(render.out()).contains("cannot fetch " + shown + ": the server refused the credentials");
        assertThat(update.out()).contains("cannot fetch " + shown + ": the server refused the credentials");
        assertThat(prepare.err()).contains("cannot fetch " + shown + ": the server refused the credentials");
        assertNoSecret(render, update, prepare);
    }

    @Test
    void theConfigurationIsNeverPrintedWithItsCredentials() throws IOException {
        distro(example.upstreamUri(), "https://" + USERINFO + "@src.example.org/rpms/$pkg.git");
        CliRunner toml = CliRunner.run("-C", example.project().toString(), "config", "dump");
        CliRunner json = CliRunner.run("-C", example.project().toString(), "config", "dump", "-O", "json");
        CliRunner show = keel("show", "hello");
        CliRunner list = keel("list", "-a", "-O", "json");
        for (CliRunner result : List.of(toml, json, show, list)) {
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        assertThat(toml.out()).contains("https://***@src.example.org/rpms/$pkg.git");
        assertThat(json.out()).contains("https://***@src.example.org/rpms/$pkg.git");
        assertNoSecret(toml, json, show, list);
    }

    @Test
    void otherSchemesWithUserinfoAreNeverEchoedEither() throws IOException {
        for (String scheme : List.of("ssh", "git+https")) {
            String template = scheme + "://" + USERINFO + "@" + refusingBase() + "/rpms/$pkg.git";
            distro(example.upstreamUri(), template);
            CliRunner update = keel("update", "hello", "-O", "json");
            assertThat(update.exitCode()).isEqualTo(1);
            assertThat(update.out())
                    .contains("cannot fetch " + scheme + "://***@" + refusingBase() + "/rpms/hello.git");
            assertNoSecret(update);
            distro(template, example.upstreamUri());
        }
    }

    @Test
    void aLookasideUrlWithCredentialsIsNeverEchoed() throws IOException {
        distro(
                example.lookasideUri(),
                "http://" + USERINFO + "@" + refusingBase() + "/repo/$pkg/$filename/$hashtype/$hash/$filename");
        CliRunner prepare =
                keel("prepare-sources", "hello", "-o", dir.resolve("prepared").toString());
        assertThat(prepare.exitCode()).isEqualTo(1);
        assertThat(prepare.err())
                .startsWith("error: cannot download hello-2.1.tar.xz from http://***@" + refusingBase()
                        + "/repo/hello/hello-2.1.tar.xz/sha512/")
                .contains(": the server refused the credentials (HTTP 401)");
        assertNoSecret(prepare);
    }
}
