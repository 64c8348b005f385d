package dev.keel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lookaside download in a real child JVM killed with SIGKILL half-way: its part file stays
 * behind, the next run removes it (even one that fetches another file) and downloads the file
 * whole, and no part file remains.
 */
class KilledDownloadTest {

    private static final byte[] OTHER = "another archive\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** The child: fetches the test archive into the cache given as its first argument. */
    public static void main(String[] args) throws Exception {
        new LookasideCache(Path.of(args[0]), FetchPolicy.DEFAULT).fetch(args[1], "hello", LookasideCacheTest.entry());
    }

    @Test
    void aKilledDownloadLeavesNoPartThatLaterRunsKeep() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body =
                        exchange.getRequestURI().getPath().endsWith("other.txt") ? OTHER : LookasideCacheTest.TARBALL;
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                if (requests.incrementAndGet() == 1) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    release.await();
                    return;
                }
                out.write(body);
            } catch (IOException | InterruptedException e) {
                // the client was killed
            }
        });
        server.start();
        try {
            String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/$filename";
            Path cache = dir.resolve("cache");
            Process child = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            KilledDownloadTest.class.getName(),
                            cache.toString(),
                            template))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            Path part = cache.resolve("lookaside/sha512/" + LookasideCacheTest.SHA512 + ".part");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (child.isAlive() && System.nanoTime() < deadline && size(part) < 1000) {
                Thread.sleep(10);
            }
            assertThat(child.isAlive())
                    .as(Files.readString(dir.resolve("child.log")))
                    .isTrue();
            child.destroyForcibly().waitFor();
            release.countDown();
            assertThat(size(part)).as("the killed download left its part file").isPositive();

            LookasideEntry other = new LookasideEntry("SHA512", "other.txt", LookasideCacheTest.sha512(OTHER));
            assertThat(new LookasideCache(cache, LookasideCacheTest.FAST).fetch(template, "hello", other))
                    .hasBinaryContent(OTHER);
            assertThat(part).doesNotExist();
            assertThat(new LookasideCache(cache, LookasideCacheTest.FAST)
                            .fetch(template, "hello", LookasideCacheTest.entry()))
                    .hasBinaryContent(LookasideCacheTest.TARBALL);
            try (Stream<Path> files = Files.walk(cache)) {
                assertThat(files.filter(file -> file.toString().endsWith(".part")))
                        .isEmpty();
            }
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : -1;
    }
}
