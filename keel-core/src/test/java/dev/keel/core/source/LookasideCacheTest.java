package dev.keel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookaside downloads against a real HTTP server on loopback that misbehaves in every way. */
class LookasideCacheTest {

    private static final byte[] TARBALL =
            "pretend this is hello-1.0.tar.gz\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(700));

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Behaviour behaviour;

    private interface Behaviour {
        void serve(HttpExchange exchange, int request) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                behaviour.serve(exchange, requests.incrementAndGet());
            } catch (IOException e) {
                // the client went away
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String template() {
        return "http://127.0.0.1:" + server.getAddress().getPort()
                + "/repo/pkgs/$pkg/$filename/$hashtype/$hash/$filename";
    }

    private static final String SHA512 = sha512(TARBALL);

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LookasideEntry entry() {
        return new LookasideEntry("SHA512", "hello-1.0.tar.gz", SHA512);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Path fetch() throws Exception {
        return new LookasideCache(cache, FAST).fetch(template(), "hello", entry());
    }

    private void assertNothingCached() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void downloadsVerifiesAndCachesByHash() throws Exception {
        behaviour = (exchange, n) -> {
            assertThat(exchange.getRequestURI().getPath())
                    .isEqualTo("/repo/pkgs/hello/hello-1.0.tar.gz/sha512/" + entry().hash() + "/hello-1.0.tar.gz");
            send(exchange, 200, TARBALL);
        };
        Path file = fetch();
        assertThat(file).hasBinaryContent(TARBALL);
        assertThat(file).isEqualTo(cache.resolve("lookaside/sha512/" + entry().hash()));
        assertThat(fetch()).isEqualTo(file);
        assertThat(requests).hasValue(1);
    }

    @Test
    void wrongBytesAreRetriedThenRefusedAndNeverCached() throws Exception {
        behaviour = (exchange, n) -> send(exchange, 200, "evil".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(this::fetch)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("expected " + entry().hash());
        assertThat(requests).hasValue(3);
        assertNothingCached();
    }

    @Test
    void aTruncatedBodyIsRetried() throws Exception {
        behaviour = (exchange, n) -> {
            if (n == 1) {
                exchange.sendResponseHeaders(200, TARBALL.length);
                exchange.getResponseBody().write(TARBALL, 0, 100);
                exchange.getResponseBody().flush();
                exchange.close();
            } else {
                send(exchange, 200, TARBALL);
            }
        };
        assertThat(fetch()).hasBinaryContent(TARBALL);
        assertThat(requests.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aServerErrorThenSuccessSucceeds() throws Exception {
        behaviour = (exchange, n) -> send(exchange, n == 1 ? 500 : 200, n == 1 ? new byte[0] : TARBALL);
        assertThat(fetch()).hasBinaryContent(TARBALL);
        assertThat(requests).hasValue(2);
    }

    @Test
    void aHangingServerTimesOutAndFailsClearly() throws Exception {
        behaviour = (exchange, n) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        long start = System.nanoTime();
        assertThatThrownBy(this::fetch).isInstanceOf(IOException.class).hasMessageContaining("after 3 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertNothingCached();
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        behaviour = (exchange, n) -> send(exchange, 404, new byte[0]);
        assertThatThrownBy(this::fetch).isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
        assertThat(requests).hasValue(1);
    }

    @Test
    void placeholdersAreEscaped() {
        assertThat(LookasideCache.url(
                        "https://x/$pkg/$filename/$hashtype/$hash",
                        "libxml++",
                        new LookasideEntry("SHA256", "a b+c.tar", "ab")))
                .isEqualTo("https://x/libxml%2B%2B/a%20b%2Bc.tar/sha256/ab");
    }
}
