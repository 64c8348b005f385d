package dev.keel.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Lookaside downloads into a content-addressed cache ({@code <root>/lookaside/<hashtype>/<hash>}):
 * the URL comes from a template with {@code $pkg}, {@code $filename}, {@code $hashtype} and
 * {@code $hash}; the body is streamed to a temporary file while it is hashed, and only a file
 * whose hash matches is moved into the cache, so the cache never holds a wrong or partial file.
 * Server errors, timeouts, truncated bodies and wrong bytes are retried with exponential backoff;
 * client errors (4xx other than 429) fail at once.
 */
public final class LookasideCache {

    private final Path root;
    private final HttpClient client;
    private final RetryPolicy retry;

    public LookasideCache(Path root, RetryPolicy retry) {
        this.root = root;
        this.retry = retry;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(retry.timeout())
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
        Path target = path(entry);
        if (Files.isRegularFile(target)) {
            return target;
        }
        URI uri = URI.create(url(uriTemplate, pkg, entry));
        IOException last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                download(uri, entry, target);
                return target;
            } catch (PermanentFailure e) {
                throw e;
            } catch (IOException e) {
                last = e;
                if (attempt < retry.attempts()) {
                    Thread.sleep(retry.backoff(attempt).toMillis());
                }
            }
        }
        throw new IOException(
                "cannot download " + entry.filename() + " from " + uri + " after " + retry.attempts() + " attempts: "
                        + last.getMessage(),
                last);
    }

    /** A failure that retrying cannot fix. */
    static final class PermanentFailure extends IOException {
        private static final long serialVersionUID = 1L;

        PermanentFailure(String message) {
            super(message);
        }
    }

    private void download(URI uri, LookasideEntry entry, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(retry.timeout()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("timed out", e);
        }
        int status = response.statusCode();
        if (status != 200) {
            response.body().close();
            String message = "HTTP " + status + " for " + uri;
            throw status >= 400 && status < 500 && status != 429
                    ? new PermanentFailure(message)
                    : new IOException(message);
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + entry.hash() + ".", ".part");
        try {
            MessageDigest digest = digest(entry.hashType());
            long expectedLength =
                    response.headers().firstValueAsLong("content-length").orElse(-1);
            long written;
            try (InputStream body = new DigestInputStream(response.body(), digest);
                    OutputStream out = Files.newOutputStream(temporary)) {
                written = body.transferTo(out);
            }
            if (expectedLength >= 0 && written != expectedLength) {
                throw new IOException("truncated body: " + written + " of " + expectedLength + " bytes");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(entry.hash())) {
                throw new IOException(
                        entry.filename() + " has " + entry.hashType() + " " + actual + ", expected " + entry.hash());
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The download URL: each placeholder value is escaped as a URL path segment. */
    static String url(String template, String pkg, LookasideEntry entry) {
        return template.replace("$pkg", segment(pkg))
                .replace("$filename", segment(entry.filename()))
                .replace("$hashtype", segment(entry.hashType().toLowerCase(Locale.ROOT)))
                .replace("$hash", segment(entry.hash()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static MessageDigest digest(String hashType) throws IOException {
        String algorithm = switch (hashType.toUpperCase(Locale.ROOT)) {
            case "SHA512" -> "SHA-512";
            case "SHA256" -> "SHA-256";
            case "MD5" -> "MD5";
            default -> throw new PermanentFailure("unsupported hash type " + hashType);
        };
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
