package dev.keel.build.koji;

import dev.keel.build.koji.xmlrpc.MethodCall;
import dev.keel.build.koji.xmlrpc.MulticallResult;
import dev.keel.build.koji.xmlrpc.XmlRpc;
import dev.keel.build.koji.xmlrpc.XmlRpcException;
import dev.keel.build.koji.xmlrpc.XmlRpcFault;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * A session with a Koji hub, speaking as Koji's own client does: XML-RPC over HTTPS, keyword
 * arguments as a trailing struct with {@code __starstar}, {@code sslLogin} on the hub's {@code
 * /ssllogin} path, then every call with the session's {@code session-id}, {@code session-key} and a
 * call number in the query string. A call that fails to reach the hub is sent again with the same
 * call number (the hub answers a repeated call number with the call's result, or a RetryError
 * fault), immediately once, then after {@code retryInterval}; a fault is the hub's answer and is
 * never retried, except ServerOffline when {@code offlineRetry} is set. Not thread-safe: one call at
 * a time, as the call numbers are a sequence.
 */
public final class KojiSession implements AutoCloseable {

    private static final int SERVER_OFFLINE = 1014;

    /**
     * @param maxRetries how many times a call that did not reach the hub is sent again
     * @param retryInterval the wait before each retry but the first
     * @param timeout how long one call may take
     * @param authTimeout how long the login may take
     * @param anonRetry whether calls before login are retried too (Koji's {@code anon_retry})
     * @param offlineRetry whether a ServerOffline fault is waited out (Koji's {@code offline_retry})
     */
    public record Options(
            int maxRetries,
            Duration retryInterval,
            Duration timeout,
            Duration authTimeout,
            boolean anonRetry,
            boolean offlineRetry) {

        /** A profile's retries and time limits; anonymous and offline retries off, as Koji's defaults. */
        public static Options of(KojiProfile profile) {
            return new Options(
                    profile.maxRetries(),
                    profile.retryInterval(),
                    profile.timeout(),
                    profile.authTimeout(),
                    false,
                    false);
        }

        /** Koji's client defaults: 30 retries 20 s apart, 12 h calls, 60 s login. */
        public static Options kojiDefaults() {
            return new Options(30, Duration.ofSeconds(20), Duration.ofHours(12), Duration.ofSeconds(60), false, false);
        }
    }

    private final URI hub;
    private final HttpClient client;
    private final Options options;
    private final Sleeper sleeper;
    private Map<String, Object> sessionInfo;
    private long callnum;

    /** Waits between retries (a test may count instead of sleeping). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public KojiSession(URI hub, HttpClient client, Options options) {
        this(hub, client, options, duration -> Thread.sleep(duration.toMillis()));
    }

    KojiSession(URI hub, HttpClient client, Options options, Sleeper sleeper) {
        this.hub = withoutQuery(hub);
        this.client = client;
        this.options = options;
        this.sleeper = sleeper;
    }

    /** Logs in with the client certificate the HTTP client presents ({@code sslLogin}). */
    public void sslLogin() throws KojiException, InterruptedException {
        Object info = send(
                "sslLogin",
                URI.create(hub + "/ssllogin"),
                XmlRpc.encodeCall("sslLogin", nilArgument()),
                options.authTimeout(),
                false);
        if (!(info instanceof Map<?, ?> map) || !(map.get("session-id") != null && map.get("session-key") != null)) {
            throw KojiException.transport("the hub " + hub + " did not open a session on sslLogin", null);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        sessionInfo = copy;
        callnum = 0;
    }

    /** Whether a login opened a session that has not been closed. */
    public boolean loggedIn() {
        return sessionInfo != null;
    }

    /** Calls a hub method with positional and keyword arguments. */
    public Object call(String method, List<?> args, Map<String, ?> kwargs) throws KojiException, InterruptedException {
        List<Object> params = new ArrayList<>(args);
        if (!kwargs.isEmpty()) {
            Map<String, Object> starstar = new LinkedHashMap<>(kwargs);
            starstar.put("__starstar", Boolean.TRUE);
            params.add(starstar);
        }
        byte[] body;
        try {
            body = XmlRpc.encodeCall(method, params);
        } catch (XmlRpcException e) {
            throw KojiException.transport("cannot encode the arguments of " + method + ": " + e.getMessage(), e);
        }
        return send(method, target(), body, options.timeout(), loggedIn() || options.anonRetry());
    }

    /** Calls a hub method with positional arguments. */
    public Object call(String method, Object... args) throws KojiException, InterruptedException {
        return call(method, List.of(args), Map.of());
    }

    /**
     * Runs several calls in one {@code multiCall}: for each call its value, or the fault the hub
     * answered it with.
     */
    public List<MulticallResult> multiCall(List<MethodCall> calls) throws KojiException, InterruptedException {
        if (calls.isEmpty()) {
            return List.of();
        }
        try {
            List<MulticallResult> results =
                    XmlRpc.decodeMulticall(call("multiCall", XmlRpc.multicallParams(calls), Map.of()));
            if (results.size() != calls.size()) {
                throw KojiException.transport(
                        "the hub answered " + results.size() + " of the " + calls.size() + " calls of a multiCall",
                        null);
            }
            return results;
        } catch (XmlRpcException e) {
            throw KojiException.transport("the hub's multiCall answer is not what Koji sends: " + e.getMessage(), e);
        }
    }

    /** Closes the session on the hub ({@code logout}, not retried); an expired session counts as closed. */
    public void logout() throws InterruptedException {
        if (!loggedIn()) {
            return;
        }
        try {
            send("logout", target(), XmlRpc.encodeCall("logout", List.of()), options.timeout(), false);
        } catch (KojiException | XmlRpcException e) {
            // The session ends here either way, as Koji's client does.
        } finally {
            sessionInfo = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        logout();
    }

    /** The hub's address without the session's query, as messages may show it. */
    public URI hub() {
        return hub;
    }

    /** The hub, with the session's id, key and the next call number in the query when logged in. */
    private URI target() {
        if (!loggedIn()) {
            return hub;
        }
        StringBuilder query = new StringBuilder();
        sessionInfo.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number) {
                appendParameter(query, key, String.valueOf(value));
            }
        });
        appendParameter(query, "callnum", Long.toString(callnum++));
        return URI.create(hub + "?" + query);
    }

    private static void appendParameter(StringBuilder query, String key, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private Object send(String method, URI uri, byte[] body, Duration timeout, boolean retry)
            throws KojiException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "koji/1")
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int tries = 0;
        while (true) {
            tries++;
            try {
                return sendOnce(method, request);
            } catch (XmlRpcFault fault) {
                if (fault.code() == SERVER_OFFLINE && options.offlineRetry()) {
                    sleeper.sleep(options.retryInterval());
                    tries = 0;
                    continue;
                }
                throw KojiException.fault(method, fault.code(), fault.faultString());
            } catch (SSLException e) {
                throw KojiException.transport(
                        "the TLS connection to " + hub + " failed (" + e.getMessage()
                                + "): check the profile's cert and serverca",
                        e);
            } catch (IOException | RetryableStatus e) {
                if (!retry || tries > options.maxRetries()) {
                    throw KojiException.transport(
                            method + " could not reach " + hub + (tries > 1 ? " in " + tries + " tries" : "") + ": "
                                    + e.getMessage(),
                            e);
                }
                if (tries > 1) {
                    sleeper.sleep(options.retryInterval());
                }
            }
        }
    }

    /** An HTTP status other than 200: the hub or a proxy before it failed to answer the call. */
    private static final class RetryableStatus extends Exception {
        RetryableStatus(int status) {
            super("HTTP status " + status);
        }
    }

    private Object sendOnce(String method, HttpRequest request)
            throws IOException, InterruptedException, XmlRpcFault, RetryableStatus, KojiException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new RetryableStatus(response.statusCode());
            }
            byte[] bytes = in.readNBytes(XmlRpc.MAX_BODY_BYTES + 1);
            if (bytes.length > XmlRpc.MAX_BODY_BYTES) {
                throw KojiException.transport(
                        "the hub's answer to " + method + " is larger than " + XmlRpc.MAX_BODY_BYTES / (1024 * 1024)
                                + " MiB",
                        null);
            }
            try {
                return XmlRpc.decodeResponse(bytes);
            } catch (XmlRpcException e) {
                throw KojiException.transport(
                        "the hub's answer to " + method + " is not XML-RPC as Koji sends it: " + e.getMessage(), e);
            }
        }
    }

    private static List<Object> nilArgument() {
        List<Object> args = new ArrayList<>();
        args.add(null);
        return args;
    }

    private static URI withoutQuery(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        String base = query < 0 ? text : text.substring(0, query);
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }
}
