package dev.keel.core.source;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * One HTTP GET into a {@link PartFile}, within {@link DownloadLimits}: the request's timeout bounds
 * the wait for the response headers; a watchdog checks the body's progress once per stall window
 * and cancels the exchange (which closes the connection) when too few bytes arrived; the part file
 * refuses bytes past the size limit, and a declared length past it is refused before the body.
 */
final class HttpDownload {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "keel-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private HttpDownload() {}

    /** Downloads {@code uri} into {@code part}; a failure says why, without naming the URL. */
    static void get(HttpClient client, URI uri, DownloadLimits limits, PartFile part)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(limits.headerTimeout())
                .GET()
                .build();
        AtomicReference<Body> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, info -> {
            body.set(new Body(info, part, limits));
            return body.get();
        });
        try {
            response.get();
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw reason(e.getCause(), body.get(), limits);
        }
    }

    /** Why the exchange failed: the body's own reason once the headers arrived, else the connection's. */
    private static DownloadException reason(Throwable cause, Body body, DownloadLimits limits) {
        if (cause instanceof DownloadException download) {
            return download;
        }
        if (body != null) {
            return body.broken();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new DownloadException("could not connect within " + seconds(limits.connectTimeout()), true);
        }
        if (cause instanceof HttpTimeoutException) {
            return new DownloadException("no response headers within " + seconds(limits.headerTimeout()), true);
        }
        if (cause instanceof ConnectException) {
            return new DownloadException("could not connect (connection refused or host unreachable)", true);
        }
        if (cause instanceof SSLException) {
            String text = String.valueOf(cause.getMessage());
            return new DownloadException(
                    text.contains("PKIX") || text.contains("certification path")
                            ? "the server's TLS certificate is not trusted by this Java runtime"
                            : "the TLS connection failed: " + FetchFailures.plain(text),
                    false);
        }
        String message = cause == null || cause.getMessage() == null ? "the connection failed" : cause.getMessage();
        if (message.startsWith("too many authentication attempts")) {
            return new DownloadException("the server refused the credentials (HTTP 401)", false);
        }
        if (message.equals("No credentials provided")) {
            return new DownloadException(
                    "the server wants credentials (HTTP 401): give them in ~/.netrc (see docs/render.md)", false);
        }
        return new DownloadException(FetchFailures.plain(message), true);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Streams the body into the part file while a watchdog checks its pace. */
    private static final class Body implements HttpResponse.BodySubscriber<Void> {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final PartFile part;
        private final DownloadLimits limits;
        private final long declaredLength;
        private final DownloadException refused;
        private volatile Flow.Subscription subscription;
        private volatile ScheduledFuture<?> watch;
        private long seenAtLastCheck;

        Body(HttpResponse.ResponseInfo info, PartFile part, DownloadLimits limits) {
            this.part = part;
            this.limits = limits;
            this.declaredLength =
                    info.headers().firstValueAsLong("content-length").orElse(-1);
            this.refused = refusal(info.statusCode(), declaredLength, limits.maxBytes());
        }

        private static DownloadException refusal(int status, long declaredLength, long maxBytes) {
            if (status != 200) {
                boolean retryable = status >= 500 || status == 429 || status == 408;
                return new DownloadException("HTTP " + status, retryable);
            }
            if (declaredLength > maxBytes) {
                return new DownloadException(
                        "the server announces " + DownloadLimits.format(declaredLength) + ", more than the download"
                                + " limit of " + DownloadLimits.format(maxBytes) + " (--max-download-size)",
                        false);
            }
            return null;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refused != null) {
                fail(refused);
                return;
            }
            long window = limits.stallWindow().toMillis();
            watch = WATCHDOG.scheduleAtFixedRate(this::checkPace, window, window, TimeUnit.MILLISECONDS);
            if (done.isDone()) {
                stopWatching();
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done.isDone()) {
                return;
            }
            try {
                for (ByteBuffer buffer : buffers) {
                    part.write(buffer);
                }
            } catch (DownloadException e) {
                fail(e);
                return;
            } catch (IOException e) {
                fail(new DownloadException("cannot write the download: " + e.getMessage(), false));
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            fail(broken());
        }

        DownloadException broken() {
            return new DownloadException("the connection broke after " + received(), true);
        }

        @Override
        public void onComplete() {
            if (declaredLength >= 0 && part.written() != declaredLength) {
                fail(new DownloadException("the body ended after " + received(), true));
            } else if (done.complete(null)) {
                stopWatching();
            }
        }

        private String received() {
            long written = part.written();
            return declaredLength >= 0
                    ? written + " of " + declaredLength + " bytes"
                    : written + (written == 1 ? " byte" : " bytes");
        }

        private void checkPace() {
            if (done.isDone()) {
                stopWatching();
                return;
            }
            long now = part.written();
            long arrived = now - seenAtLastCheck;
            seenAtLastCheck = now;
            if (arrived < limits.minimumBytes()) {
                fail(new DownloadException(
                        "too slow: " + DownloadLimits.format(arrived) + " in the last "
                                + seconds(limits.stallWindow()) + " (at least "
                                + DownloadLimits.format(limits.minimumBytes()) + " expected) after " + received(),
                        true));
            }
        }

        private void fail(DownloadException error) {
            if (done.completeExceptionally(error)) {
                stopWatching();
                Flow.Subscription current = subscription;
                if (current != null) {
                    current.cancel();
                }
            }
        }

        private void stopWatching() {
            ScheduledFuture<?> current = watch;
            if (current != null) {
                current.cancel(false);
            }
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }
    }
}
