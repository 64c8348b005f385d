package dev.keel.cli.demo;

import com.sun.net.httpserver.HttpServer;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.overlay.archive.ArchiveEntry;
import dev.keel.core.overlay.archive.Compression;
import dev.keel.core.overlay.archive.TarArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example upstream's lookaside store: each {@code <package>/lookaside/<name>/} directory is
 * packed into {@code <name>.tar.xz} (fixed times, owners and modes, so the same bytes everywhere),
 * listed in a generated {@code sources} file, and served over HTTP on loopback at
 * {@code /lookaside/<package>/<file>}.
 */
final class ExampleLookaside {

    private ExampleLookaside() {}

    /** Packs a package's archives into {@code store} and returns its {@code sources} file text. */
    static String pack(Path packageSource, Path store) throws IOException {
        Path lookaside = packageSource.resolve("lookaside");
        StringBuilder sources = new StringBuilder();
        if (!Files.isDirectory(lookaside)) {
            return "";
        }
        List<Path> trees;
        try (Stream<Path> list = Files.list(lookaside)) {
            trees = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path tree : trees) {
            String file = tree.getFileName() + ".tar.xz";
            byte[] archive = TarArchive.of(Compression.XZ, entries(tree)).write();
            AtomicFiles.write(store.resolve(file), archive);
            sources.append("SHA512 (")
                    .append(file)
                    .append(") = ")
                    .append(sha512(archive))
                    .append('\n');
        }
        return sources.toString();
    }

    private static List<ArchiveEntry> entries(Path tree) throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>();
        Path base = tree.getParent();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path path : walk.sorted().toList()) {
                String name = base.relativize(path).toString().replace('\\', '/');
                entries.add(
                        Files.isDirectory(path)
                                ? new ArchiveEntry(name, ArchiveEntry.Kind.DIRECTORY, new byte[0], 0755, null)
                                : new ArchiveEntry(name, ArchiveEntry.Kind.FILE, Files.readAllBytes(path), 0644, null));
            }
        }
        return entries;
    }

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves {@code store} read-only on loopback, on {@code preferredPort} when it is free. */
    static HttpServer serve(Path store, int preferredPort) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", preferredPort), 0);
        } catch (IOException e) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        Path root = store.toAbsolutePath().normalize();
        server.createContext("/lookaside/", exchange -> {
            String relative = exchange.getRequestURI().getPath().substring("/lookaside/".length());
            Path file = root.resolve(relative).normalize();
            boolean found = file.startsWith(root) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
