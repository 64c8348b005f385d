package dev.keel.core.source;

import dev.keel.core.io.CacheLock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Lookaside downloads into a content-addressed cache ({@code <root>/lookaside/<hashtype>/<hash>}):
 * the URL comes from a template with {@code $pkg}, {@code $filename}, {@code $hashtype} and
 * {@code $hash} ({@code http}, {@code https} or a local {@code file} URL). The body goes to
 * {@code <hash>.part} beside its target while it is hashed, within the {@link DownloadLimits}, and
 * only a file whose hash matches is renamed into the cache, so the cache never holds a wrong or
 * partial file. One process and thread at a time downloads a hash (a {@link CacheLock} per hash
 * prefix); whoever holds that lock owns the part files of its hashes, so part files a killed
 * process left are overwritten by the next download of the same hash and removed by the first
 * fetch of every later run that is not offline. Server errors, timeouts, stalls and wrong bytes are retried with
 * backoff; client errors and oversized files fail at once. Offline, the cache is only read.
 */
public final class LookasideCache {

    private static final String PART = ".part";

    private final Path root;
    private final FetchPolicy policy;
    private final HttpCredentials credentials = new HttpCredentials();
    private final HttpClient client;
    private final AtomicBoolean swept = new AtomicBoolean();

    public LookasideCache(Path root, FetchPolicy policy) {
        this.root = root;
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(policy.limits().connectTimeout())
                .authenticator(credentials)
                .build();
    }

    /** Where a file with this hash lives in the cache. */
    public Path path(LookasideEntry entry) {
        return root.resolve("lookaside")
                .resolve(entry.hashType().toLowerCase(Locale.ROOT))
                .resolve(entry.hash());
    }

    /** The cached file, downloading it first if needed. */
    public Path fetch(String uriTemplate, String pkg, LookasideEntry entry) throws IOException, InterruptedException {
        MessageDigest digest = digest(entry);
        Path target = path(entry);
        if (!policy.offline() && swept.compareAndSet(false, true)) {
            sweepParts();
        }
        if (Files.isRegularFile(target)) {
            return target;
        }
        Remote remote = Remote.of(url(uriTemplate, pkg, entry));
        if (policy.offline()) {
            throw new IOException(entry.filename() + " (" + entry.hashType() + " " + abbreviated(entry.hash())
                    + ") is not in Keel's cache, and --offline forbids downloading it from " + remote);
        }
        try (CacheLock lock = CacheLock.acquire(lockFile(entry.hash()))) {
            if (Files.isRegularFile(target)) {
                return target;
            }
            return download(remote, entry, target, digest);
        }
    }

    private Path download(Remote remote, LookasideEntry entry, Path target, MessageDigest digest)
            throws IOException, InterruptedException {
        Path part = target.resolveSibling(target.getFileName() + PART);
        RetryPolicy retry = policy.retry();
        DownloadException last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                digest.reset();
                downloadOnce(remote, entry, part, digest);
                move(part, target);
                return target;
            } catch (DownloadException e) {
                last = e;
            } catch (IOException e) {
                last = new DownloadException(FetchFailures.reason(e, remote), false);
            } finally {
                Files.deleteIfExists(part);
            }
            if (!last.retryable()) {
                break;
            }
            if (attempt < retry.attempts()) {
                Thread.sleep(retry.backoff(attempt).toMillis());
            }
        }
        String attempts = last.retryable() && retry.attempts() > 1 ? " (" + retry.attempts() + " attempts)" : "";
        throw last.withMessage(
                "cannot download " + entry.filename() + " from " + remote + ": " + last.getMessage() + attempts);
    }

    private void downloadOnce(Remote remote, LookasideEntry entry, Path part, MessageDigest digest)
            throws IOException, InterruptedException {
        Files.createDirectories(part.getParent());
        URI address = address(remote);
        try (PartFile out = new PartFile(part, digest, policy.limits())) {
            if ("file".equalsIgnoreCase(address.getScheme())) {
                copyLocal(Path.of(address), out);
            } else {
                credentials.remember(address, remote);
                HttpDownload.get(client, address, policy.limits(), out);
            }
            String actual = out.hash();
            if (!actual.equalsIgnoreCase(entry.hash())) {
                throw DownloadException.mismatch(
                        "the file has " + entry.hashType() + " " + abbreviated(actual) + ", expected "
                                + abbreviated(entry.hash()) + " (wrong or changed bytes)",
                        new DownloadException.HashMismatch(
                                entry.hashType(),
                                entry.hash().toLowerCase(Locale.ROOT),
                                actual.toLowerCase(Locale.ROOT)));
            }
        }
    }

    private static URI address(Remote remote) throws DownloadException {
        URI address;
        try {
            address = URI.create(remote.address());
        } catch (IllegalArgumentException e) {
            throw new DownloadException("not a valid URL", false);
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "file").contains(scheme)
                || (!scheme.equals("file") && address.getHost() == null)) {
            throw new DownloadException("only http, https and file URLs can be downloaded", false);
        }
        return address;
    }

    /** A lookaside on the local file system: the same limits and checks as a download. */
    private static void copyLocal(Path file, PartFile out) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DownloadException("there is no such file", false);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(ByteBuffer.wrap(buffer, 0, n));
            }
        }
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the part files nobody is writing: those whose hash's lock is free. */
    private void sweepParts() throws IOException {
        Path lookaside = root.resolve("lookaside");
        if (!Files.isDirectory(lookaside)) {
            return;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.find(
                lookaside,
                2,
                (path, attributes) ->
                        attributes.isRegularFile() && path.toString().endsWith(PART))) {
            parts = files.toList();
        }
        for (Path part : parts) {
            String hash = part.getFileName().toString();
            Optional<CacheLock> lock = CacheLock.tryAcquire(lockFile(hash.substring(0, hash.length() - PART.length())));
            if (lock.isPresent()) {
                try (CacheLock held = lock.get()) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    /** The lock of a hash: one of 256 lock files, by the hash's first two digits. */
    private Path lockFile(String hash) {
        String prefix = hash.length() >= 2 ? hash.substring(0, 2).toLowerCase(Locale.ROOT) : "_";
        return root.resolve("lookaside").resolve("locks").resolve(prefix + ".lock");
    }

    private static String abbreviated(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "..." : hash;
    }

    /** The download URL: each placeholder value is escaped as a URL path segment. */
    public static String url(String template, String pkg, LookasideEntry entry) {
        return template.replace("$pkg", segment(pkg))
                .replace("$filename", segment(entry.filename()))
                .replace("$hashtype", segment(entry.hashType().toLowerCase(Locale.ROOT)))
                .replace("$hash", segment(entry.hash()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The digest for the entry's hash type; an unknown type or a hash that is not hex is refused. */
    private static MessageDigest digest(LookasideEntry entry) throws IOException {
        if (!entry.hash().matches("[0-9a-fA-F]{32,128}")) {
            throw new DownloadException(
                    entry.filename() + " has a hash that is not hexadecimal: " + entry.hash(), false);
        }
        String algorithm = switch (entry.hashType().toUpperCase(Locale.ROOT)) {
            case "SHA512" -> "SHA-512";
            case "SHA256" -> "SHA-256";
            case "MD5" -> "MD5";
            default ->
                throw new DownloadException(
                        entry.filename() + " has the unsupported hash type " + entry.hashType(), false);
        };
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(algorithm + " is not available in this Java runtime", e);
        }
    }
}
