package dev.keel.build.koji;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.keel.build.koji.xmlrpc.MethodCall;
import dev.keel.build.koji.xmlrpc.XmlRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A Koji hub double on loopback for protocol tests: HTTPS that requires a client certificate,
 * Koji's XML-RPC wire format (written from Koji's documented API and its hub and client source, not
 * a real hub), {@code sslLogin} on {@code /ssllogin}, sessions checked on every call with their call
 * numbers as the hub checks them (a repeated number is answered with the call's first result, a
 * lower one with a SequenceError fault), {@code multiCall}, and methods a test defines. It records
 * every call it answered, with the query string it came with, so a test can check what the client
 * sent and in which order.
 */
public final class KojiHubDouble implements AutoCloseable {

    /** A call as the double received it. */
    public record Received(String method, List<Object> params, String query, boolean clientCertificate) {}

    /** A method's answer: its value, or a fault it throws. */
    @FunctionalInterface
    public interface Method {
        Object answer(List<Object> params) throws Fault;
    }

    /** A fault a method answers with. */
    public static final class Fault extends Exception {
        final int code;

        public Fault(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    public static final String SESSION_ID = "4217";
    public static final String SESSION_KEY = "4217-secret-session-key-Zq9";

    private final HttpsServer server;
    private final Map<String, Method> methods = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Set<Long> dropOnce = ConcurrentHashMap.newKeySet();
    private long lastCallnum = -1;
    private byte[] lastAnswer;
    private boolean sessionOpen;

    public KojiHubDouble(SSLContext serverContext) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = serverContext.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/kojihub", this::handle);
        server.start();
        define("getLoggedInUser", params -> Map.of("id", 7L, "name", "keel-bot"));
    }

    /** The hub's address, as a profile's {@code server}. */
    public URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/kojihub");
    }

    public void define(String method, Method answer) {
        methods.put(method, answer);
    }

    /** Drops the connection of the call with this number the first time it arrives. */
    void dropOnce(long callnum) {
        dropOnce.add(callnum);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            boolean certificate = hasClientCertificate(exchange);
            MethodCall call;
            try {
                call = XmlRpc.decodeCall(body);
            } catch (Exception e) {
                respond(exchange, XmlRpc.encodeFault(1000, "bad request: " + e.getMessage()));
                return;
            }
            received.add(new Received(call.method(), call.params(), query, certificate));
            respond(exchange, answer(exchange, call, query));
        } catch (DroppedConnection e) {
            // the exchange closes without an answer
        }
    }

    private static final class DroppedConnection extends IOException {}

    private synchronized byte[] answer(HttpExchange exchange, MethodCall call, String query) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (call.method().equals("sslLogin")) {
            if (!path.equals("/kojihub/ssllogin")) {
                return XmlRpc.encodeFault(1002, "sslLogin is only answered on /ssllogin");
            }
            sessionOpen = true;
            lastCallnum = -1;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("session-id", SESSION_ID);
            info.put("session-key", SESSION_KEY);
            return XmlRpc.encodeResponse(info);
        }
        Map<String, String> parameters = parameters(query);
        if (parameters.containsKey("session-id")) {
            if (!sessionOpen
                    || !SESSION_ID.equals(parameters.get("session-id"))
                    || !SESSION_KEY.equals(parameters.get("session-key"))) {
                return XmlRpc.encodeFault(1007, "session expired or unknown");
            }
            long callnum = Long.parseLong(parameters.getOrDefault("callnum", "-1"));
            if (callnum == lastCallnum) {
                return lastAnswer;
            }
            if (callnum < lastCallnum) {
                return XmlRpc.encodeFault(1008, "callnum " + callnum + " after " + lastCallnum);
            }
            if (dropOnce.remove(callnum)) {
                throw new DroppedConnection();
            }
            lastCallnum = callnum;
            lastAnswer = dispatch(call);
            if (call.method().equals("logout")) {
                sessionOpen = false;
            }
            return lastAnswer;
        }
        return dispatch(call);
    }

    private byte[] dispatch(MethodCall call) throws IOException {
        if (call.method().equals("logout")) {
            return XmlRpc.encodeResponse(null);
        }
        if (call.method().equals("multiCall")) {
            return XmlRpc.encodeResponse(multiCall(call.params()));
        }
        Method method = methods.get(call.method());
        if (method == null) {
            return XmlRpc.encodeFault(1000, "Invalid method: " + call.method());
        }
        try {
            return XmlRpc.encodeResponse(method.answer(call.params()));
        } catch (Fault fault) {
            return XmlRpc.encodeFault(fault.code, fault.getMessage());
        }
    }

    /** Each call's value in a one-element list, or its fault as a struct, as Koji's hub answers. */
    private List<Object> multiCall(List<Object> params) {
        List<Object> results = new ArrayList<>();
        for (Object item : (List<?>) params.get(0)) {
            Map<?, ?> entry = (Map<?, ?>) item;
            Method method = methods.get(String.valueOf(entry.get("methodName")));
            List<Object> args = new ArrayList<>((List<?>) entry.get("params"));
            try {
                if (method == null) {
                    throw new Fault(1000, "Invalid method: " + entry.get("methodName"));
                }
                List<Object> value = new ArrayList<>();
                value.add(method.answer(args));
                results.add(value);
            } catch (Fault fault) {
                Map<String, Object> struct = new LinkedHashMap<>();
                struct.put("faultCode", (long) fault.code);
                struct.put("faultString", fault.getMessage());
                results.add(struct);
            }
        }
        return results;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        if (query == null) {
            return result;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                result.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static boolean hasClientCertificate(HttpExchange exchange) {
        try {
            return exchange instanceof HttpsExchange https
                    && https.getSSLSession().getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Answers every call with {@code value} (for methods a test defines inline). */
    static Method returning(Object value) {
        return params -> value;
    }

    /** Answers with a function of the parameters. */
    static Method answering(Function<List<Object>, Object> function) {
        return function::apply;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
