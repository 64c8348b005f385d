package dev.keel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookaside downloads against a real HTTP server on loopback that misbehaves in every way: each
 * case asserts the message, what the server saw and that the cache holds nothing wrong or partial.
 */
class LookasideCacheTest {

    static final byte[] TARBALL =
            "pretend this is hello-1.0.tar.gz\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    static final String SHA512 = sha512(TARBALL);

    /** Small bounds so the hostile cases end quickly: 64 KiB at most, 1 KiB every 300 ms at least. */
    static final DownloadLimits LIMITS =
            new DownloadLimits(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofMillis(300), 1024, 64 << 10);

    static final FetchPolicy FAST = new FetchPolicy(false, LIMITS, new RetryPolicy(3, Duration.ofMillis(20)));

    /** A bound that only proves a hostile case does not hang. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

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
        server.setExecutor(Executors.newCachedThreadPool());
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

    static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static LookasideEntry entry() {
        return new LookasideEntry("SHA512", "hello-1.0.tar.gz", SHA512);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends one byte of the body every {@code millis}, for ever (until the client hangs up). */
    private static void trickle(HttpExchange exchange, long millis) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; ; i++) {
            out.write(TARBALL[i % TARBALL.length]);
            out.flush();
            pause(millis);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path fetch() throws Exception {
        return new LookasideCache(cache, FAST).fetch(template(), "hello", entry());
    }

    private static <T> T noHang(ThrowingSupplier<T> action) {
        return assertTimeoutPreemptively(NO_HANG, action);
    }

    /** No file in the cache but its lock files: nothing wrong, nothing partial. */
    private void assertNothingCached() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile)
                            .filter(p -> !p.toString().endsWith(".lock")))
                    .isEmpty();
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
                .hasMessageContaining("cannot download hello-1.0.tar.gz from http://127.0.0.1:")
                .hasMessageContaining("(3 attempts)")
                .hasMessageContaining("expected " + SHA512.substring(0, 16))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(DownloadException.class))
                .extracting(DownloadException::mismatch)
                .isEqualTo(java.util.Optional.of(new DownloadException.HashMismatch(
                        "SHA512", SHA512, sha512("evil".getBytes(StandardCharsets.UTF_8)))));
        assertThat(requests).hasValue(3);
        assertNothingCached();
    }

    @Test
    void failuresOtherThanWrongBytesHaveNoMismatch() {
        behaviour = (exchange, n) -> send(exchange, 404, new byte[0]);
        assertThatThrownBy(this::fetch)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(DownloadException.class))
                .extracting(DownloadException::mismatch)
                .isEqualTo(java.util.Optional.empty());
    }

    @Test
    void offlineChangesNothingInTheCache() throws Exception {
        Path part = cache.resolve("lookaside/sha512/" + SHA512 + ".part");
        Files.createDirectories(part.getParent());
        Files.writeString(part, "a part file another process may be writing");
        FetchPolicy offline = new FetchPolicy(true, LIMITS, FAST.retry());
        assertThatThrownBy(() -> new LookasideCache(cache, offline).fetch(template(), "hello", entry()))
                .hasMessageContaining("is not in Keel's cache");
        assertThat(part).exists();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(part);
        }
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
    void aContentLengthLongerThanTheBodyFailsAsTruncated() throws Exception {
        behaviour = (exchange, n) -> {
            exchange.sendResponseHeaders(200, TARBALL.length + 10);
            exchange.getResponseBody().write(TARBALL);
            exchange.getResponseBody().flush();
            exchange.close();
        };
        assertThatThrownBy(() -> noHang(this::fetch))
                .hasMessageContaining("hello-1.0.tar.gz")
                .hasMessageContaining("after 33000 of 33010 bytes")
                .hasMessageContaining("(3 attempts)");
        assertNothingCached();
    }

    @Test
    void aContentLengthShorterThanTheBodyIsReadAsDeclaredAndFailsTheHash() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawServer raw = new RawServer(out -> {
            out.write(head);
            out.write(TARBALL);
            out.flush();
        })) {
            assertThatThrownBy(
                            () -> noHang(() -> new LookasideCache(cache, FAST).fetch(raw.template(), "hello", entry())))
                    .hasMessageContaining("expected " + SHA512.substring(0, 16));
        }
        assertNothingCached();
    }

    @Test
    void aServerErrorThenSuccessSucceeds() throws Exception {
        behaviour = (exchange, n) -> send(exchange, n == 1 ? 500 : 200, n == 1 ? new byte[0] : TARBALL);
        assertThat(fetch()).hasBinaryContent(TARBALL);
        assertThat(requests).hasValue(2);
    }

    @Test
    void anErrorWithAnEndlessBodyIsNotRead() throws Exception {
        behaviour = (exchange, n) -> {
            exchange.sendResponseHeaders(503, 0);
            byte[] chunk = new byte[8192];
            while (true) {
                exchange.getResponseBody().write(chunk);
            }
        };
        assertThatThrownBy(() -> noHang(this::fetch)).hasMessageContaining("HTTP 503 (3 attempts)");
        assertNothingCached();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAtTheHeaders() throws Exception {
        behaviour = (exchange, n) -> pause(10_000);
        assertThatThrownBy(() -> noHang(this::fetch))
                .hasMessageContaining("no response headers within 700 ms (3 attempts)");
        assertNothingCached();
    }

    @Test
    void headersTrickledByteByByteTimeOut() throws Exception {
        try (RawServer raw = new RawServer(out -> {
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write('a');
                out.flush();
                pause(50);
            }
        })) {
            assertThatThrownBy(
                            () -> noHang(() -> new LookasideCache(cache, FAST).fetch(raw.template(), "hello", entry())))
                    .hasMessageContaining("no response headers within 700 ms");
        }
        assertNothingCached();
    }

    /** A loopback server that answers every connection with raw bytes: for answers HTTP servers refuse to give. */
    private static final class RawServer implements AutoCloseable {

        interface Answer {
            void write(OutputStream out) throws IOException;
        }

        private final ServerSocket socket;

        RawServer(Answer answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        new Thread(() -> {
                                    try (connection) {
                                        connection.getInputStream().read(new byte[4096]);
                                        answer.write(connection.getOutputStream());
                                    } catch (IOException e) {
                                        // the client hung up
                                    }
                                })
                                .start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        String template() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/$filename";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aBodyTrickledForEverFailsAsTooSlow() throws Exception {
        behaviour = (exchange, n) -> trickle(exchange, 20);
        assertThatThrownBy(() -> noHang(this::fetch))
                .hasMessageContaining("too slow: ")
                .hasMessageContaining("in the last 300 ms (at least 1 KiB expected)")
                .hasMessageContaining("(3 attempts)");
        assertNothingCached();
    }

    @Test
    void aBodyThatStopsFailsAsTooSlow() throws Exception {
        behaviour = (exchange, n) -> {
            exchange.sendResponseHeaders(200, TARBALL.length);
            exchange.getResponseBody().write(TARBALL, 0, 5000);
            exchange.getResponseBody().flush();
            pause(10_000);
        };
        assertThatThrownBy(() -> noHang(this::fetch))
                .hasMessageContaining("too slow: 0 bytes in the last 300 ms")
                .hasMessageContaining("after 5000 of 33000 bytes");
        assertNothingCached();
    }

    @Test
    void aSteadyBodyLastingLongerThanTheHeaderTimeoutSucceeds() throws Exception {
        behaviour = (exchange, n) -> {
            exchange.sendResponseHeaders(200, TARBALL.length);
            OutputStream out = exchange.getResponseBody();
            for (int offset = 0; offset < TARBALL.length; offset += 2048) {
                out.write(TARBALL, offset, Math.min(2048, TARBALL.length - offset));
                out.flush();
                pause(100);
            }
            out.close();
        };
        assertThat(noHang(this::fetch)).hasBinaryContent(TARBALL);
        assertThat(requests).hasValue(1);
    }

    @Test
    void anEndlessBodyStopsAtTheSizeLimitWithoutRetrying() throws Exception {
        behaviour = (exchange, n) -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            while (true) {
                exchange.getResponseBody().write(chunk);
            }
        };
        assertThatThrownBy(() -> noHang(this::fetch))
                .hasMessageContaining("hello-1.0.tar.gz")
                .hasMessageContaining("larger than the download limit of 64 KiB (--max-download-size)")
                .hasMessageNotContaining("attempts");
        assertThat(requests).hasValue(1);
        assertNothingCached();
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedEvenWithTheRightHash() throws Exception {
        byte[] big = new byte[100 << 10];
        behaviour = (exchange, n) -> send(exchange, 200, big);
        LookasideEntry large = new LookasideEntry("SHA512", "big.bin", sha512(big));
        assertThatThrownBy(() -> noHang(() -> new LookasideCache(cache, FAST).fetch(template(), "hello", large)))
                .hasMessageContaining("announces 100 KiB, more than the download limit of 64 KiB");
        assertThat(requests).hasValue(1);
        assertNothingCached();
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        behaviour = (exchange, n) -> send(exchange, 404, new byte[0]);
        assertThatThrownBy(this::fetch).isInstanceOf(IOException.class).hasMessageEndingWith(": HTTP 404");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aRefusedConnectionFailsClearly() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        String template = "http://127.0.0.1:" + port + "/$filename";
        assertThatThrownBy(() -> new LookasideCache(cache, FAST).fetch(template, "hello", entry()))
                .hasMessage("cannot download hello-1.0.tar.gz from http://127.0.0.1:" + port
                        + "/hello-1.0.tar.gz: could not connect (connection refused or host unreachable) (3 attempts)");
    }

    @Test
    void concurrentFetchesOfOneFileDownloadItOnce() throws Exception {
        behaviour = (exchange, n) -> {
            pause(100);
            send(exchange, 200, TARBALL);
        };
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                LookasideCache each = new LookasideCache(cache, FAST);
                results.add(threads.submit(() -> each.fetch(template(), "hello", entry())));
            }
            for (Future<Path> result : results) {
                assertThat(result.get()).hasBinaryContent(TARBALL);
            }
        } finally {
            threads.shutdown();
        }
        assertThat(requests).hasValue(1);
    }

    @Test
    void offlineUsesTheCacheAndNamesWhatIsMissing() throws Exception {
        behaviour = (exchange, n) -> send(exchange, 200, TARBALL);
        FetchPolicy offline = new FetchPolicy(true, LIMITS, FAST.retry());
        assertThatThrownBy(() -> new LookasideCache(cache, offline).fetch(template(), "hello", entry()))
                .hasMessage("hello-1.0.tar.gz (SHA512 " + SHA512.substring(0, 16) + "...) is not in Keel's cache,"
                        + " and --offline forbids downloading it from http://127.0.0.1:"
                        + server.getAddress().getPort() + "/repo/pkgs/hello/hello-1.0.tar.gz/sha512/" + SHA512
                        + "/hello-1.0.tar.gz");
        assertThat(requests).hasValue(0);
        fetch();
        assertThat(new LookasideCache(cache, offline).fetch(template(), "hello", entry()))
                .hasBinaryContent(TARBALL);
        assertThat(requests).hasValue(1);
    }

    @Test
    void credentialsInTheUrlAnswerTheServersChallengeAndAreNeverShown() throws Exception {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("builder:s3cr%t".getBytes(StandardCharsets.UTF_8));
        behaviour = (exchange, n) -> {
            if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 200, TARBALL);
            } else {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"lookaside\"");
                send(exchange, 401, new byte[0]);
            }
        };
        assertThatThrownBy(() -> new LookasideCache(cache.resolve("none"), FAST).fetch(template(), "hello", entry()))
                .hasMessageEndingWith(
                        ": the server wants credentials (HTTP 401): give them in ~/.netrc" + " (see docs/render.md)");
        String withSecret = template().replace("http://", "http://builder:s3cr%25t@");
        assertThat(new LookasideCache(cache, FAST).fetch(withSecret, "hello", entry()))
                .hasBinaryContent(TARBALL);

        Path other = cache.resolve("other");
        String wrong = template().replace("http://", "http://builder:wr0ng-s3cret@");
        assertThatThrownBy(() -> new LookasideCache(other, FAST).fetch(wrong, "hello", entry()))
                .hasMessageContaining("http://***@127.0.0.1:")
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("wr0ng")
                .hasMessageNotContaining("builder");
        assertThat(SecretScan.findings(cache, "s3cr", "wr0ng", "builder")).isEmpty();
    }

    @Test
    void aLocalLookasideIsCopiedWithTheSameChecks(@TempDir Path store) throws Exception {
        Files.write(store.resolve("hello-1.0.tar.gz"), TARBALL);
        String template = store.toUri() + "$filename";
        assertThat(new LookasideCache(cache, FAST).fetch(template, "hello", entry()))
                .hasBinaryContent(TARBALL);
        Files.write(store.resolve("big.bin"), new byte[100 << 10]);
        LookasideEntry big = new LookasideEntry("SHA512", "big.bin", sha512(new byte[100 << 10]));
        assertThatThrownBy(() -> new LookasideCache(cache, FAST).fetch(template, "hello", big))
                .hasMessageContaining("big.bin")
                .hasMessageContaining("larger than the download limit of 64 KiB");
    }

    @Test
    void deviceFilesAndOtherSchemesAreRefused() {
        LookasideEntry zero = new LookasideEntry("SHA512", "zero", SHA512);
        assertThatThrownBy(() -> new LookasideCache(cache, FAST).fetch("file:///dev/$filename", "hello", zero))
                .hasMessage("cannot download zero from file:///dev/zero: there is no such file");
        assertThatThrownBy(() -> new LookasideCache(cache, FAST).fetch("ftp://127.0.0.1/$filename", "hello", entry()))
                .hasMessageContaining("only http, https and file URLs can be downloaded");
    }

    @Test
    void aHashThatIsNotHexIsRefusedBeforeAnyPathIsMade() {
        LookasideEntry escaping = new LookasideEntry("SHA512", "x", "../../../../etc/passwd");
        assertThatThrownBy(() -> new LookasideCache(cache, FAST).fetch(template(), "hello", escaping))
                .hasMessageContaining("x has a hash that is not hexadecimal");
        assertThat(requests).hasValue(0);
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
