package dev.keel.build.koji.xmlrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes XML-RPC calls and responses as Koji's Python client and hub speak them.
 *
 * <p>Values map both ways as: {@code null} and {@code <nil/>}; {@code Boolean} and {@code
 * <boolean>}; {@code Integer}, {@code Long} and {@code BigInteger} to {@code <int>} when they fit
 * in 32 bits, else {@code <i8>} (beyond 64 bits is refused), and every integer type read back as
 * {@code Long}; {@code Double} and {@code <double>}; {@code String} and {@code <string>} (a {@code
 * <value>} without a type reads as a string); {@code byte[]} and {@code <base64>}; {@code
 * LocalDateTime} and {@code <dateTime.iso8601>} ({@code YYYYMMDDTHH:MM:SS}, whole seconds; the
 * dashed form is read too); {@code List} and {@code <array>}; {@code Map} with string keys and
 * {@code <struct>}, read back as a {@code LinkedHashMap} in document order. Anything else is an
 * {@link XmlRpcException}.
 *
 * <p>Decoding trusts nothing: see {@link #MAX_BODY_BYTES} and {@link #MAX_DEPTH}; no document type
 * declarations or entities are read.
 */
public final class XmlRpc {

    /**
     * The largest body decoded, in bytes. Callers reading a body from the network must stop
     * reading at this size too, rather than buffer more and have it refused here.
     */
    public static final int MAX_BODY_BYTES = 128 * 1024 * 1024;

    /** The deepest nesting of arrays and structs accepted in either direction. */
    public static final int MAX_DEPTH = 64;

    private XmlRpc() {}

    /** A {@code methodCall} body, as Koji's client writes it (UTF-8). */
    public static byte[] encodeCall(String method, List<?> params) {
        return XmlRpcWriter.call(method, params);
    }

    /** Reads a {@code methodCall} body. */
    public static MethodCall decodeCall(byte[] body) throws XmlRpcException {
        return XmlRpcReader.call(body, MAX_BODY_BYTES);
    }

    /** A {@code methodResponse} body carrying one value. */
    public static byte[] encodeResponse(Object value) {
        return XmlRpcWriter.response(value);
    }

    /** A {@code methodResponse} body carrying a fault. */
    public static byte[] encodeFault(int code, String message) {
        return XmlRpcWriter.fault(code, message);
    }

    /**
     * Reads a {@code methodResponse} body.
     *
     * @return its single value
     * @throws XmlRpcFault if the response is a fault
     * @throws XmlRpcException if the body is not a valid response
     */
    public static Object decodeResponse(byte[] body) throws XmlRpcException, XmlRpcFault {
        return XmlRpcReader.response(body, MAX_BODY_BYTES);
    }

    /**
     * The params of a multicall (Koji's {@code multiCall} or {@code system.multicall}): a single
     * param, the array of {@code {methodName, params}} structs. Pass it to {@link #encodeCall}.
     * Koji's keyword arguments are not special here: the caller adds the struct with {@code
     * __starstar} as the last param of a call, as Koji's {@code encode_args} does.
     */
    public static List<Object> multicallParams(List<MethodCall> calls) {
        List<Object> structs = new ArrayList<>(calls.size());
        for (MethodCall call : calls) {
            Map<String, Object> struct = new LinkedHashMap<>();
            struct.put("methodName", call.method());
            struct.put("params", call.params());
            structs.add(struct);
        }
        List<Object> params = new ArrayList<>(1);
        params.add(structs);
        return params;
    }

    /**
     * Splits the value a multicall returned into one result per call, in order: a one-element array
     * is a call's value, a {@code {faultCode, faultString}} struct is its fault.
     */
    public static List<MulticallResult> decodeMulticall(Object response) throws XmlRpcException {
        if (!(response instanceof List<?> entries)) {
            throw new XmlRpcException("the multicall response is not an array");
        }
        List<MulticallResult> results = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            if (entry instanceof List<?> single && single.size() == 1) {
                results.add(new MulticallResult(single.get(0), null));
            } else if (entry instanceof Map<?, ?> struct
                    && struct.get("faultCode") instanceof Long code
                    && code == code.intValue()
                    && struct.get("faultString") instanceof String message) {
                results.add(new MulticallResult(null, new XmlRpcFault(code.intValue(), message)));
            } else {
                throw new XmlRpcException("multicall result " + (i + 1)
                        + " is neither a one-element array nor a fault struct with an int faultCode"
                        + " and a string faultString");
            }
        }
        return results;
    }
}
