package dev.keel.build.koji.xmlrpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes XML-RPC bodies byte for byte as Koji's Python client does ({@code koji.xmlrpcplus.dumps}
 * over {@code xmlrpc.client.Marshaller}): the same declaration, line breaks, escaping and {@code
 * <i8>} for integers beyond 32 bits. One deliberate difference: a carriage return is written as
 * {@code &#13;} so that it survives XML's line-end normalisation.
 */
final class XmlRpcWriter {

    private static final String HEADER = "<?xml version='1.0'?>\n";
    private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII));

    private final StringBuilder out = new StringBuilder();

    private XmlRpcWriter() {}

    static byte[] call(String method, List<?> params) {
        XmlRpcWriter writer = new XmlRpcWriter();
        writer.out.append(HEADER).append("<methodCall>\n<methodName>");
        writer.out.append(XmlRpcReader.checkMethodName(method)).append("</methodName>\n<params>\n");
        for (int i = 0; i < params.size(); i++) {
            writer.out.append("<param>\n");
            writer.value(params.get(i), "param " + (i + 1), 1);
            writer.out.append("</param>\n");
        }
        writer.out.append("</params>\n</methodCall>\n");
        return writer.bytes();
    }

    static byte[] response(Object value) {
        XmlRpcWriter writer = new XmlRpcWriter();
        writer.out.append(HEADER).append("<methodResponse>\n<params>\n<param>\n");
        writer.value(value, "the response", 1);
        writer.out.append("</param>\n</params>\n</methodResponse>\n");
        return writer.bytes();
    }

    static byte[] fault(int code, String message) {
        XmlRpcWriter writer = new XmlRpcWriter();
        writer.out.append(HEADER).append("<methodResponse>\n<fault>\n");
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        writer.value(fault, "the fault", 1);
        writer.out.append("</fault>\n</methodResponse>\n");
        return writer.bytes();
    }

    private byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value(Object value, String where, int depth) {
        if (depth > XmlRpc.MAX_DEPTH) {
            throw new XmlRpcException(where + ": values nested deeper than " + XmlRpc.MAX_DEPTH
                    + " levels (or a list or map that contains itself)");
        }
        if (value == null) {
            out.append("<value><nil/></value>");
        } else if (value instanceof Boolean b) {
            out.append("<value><boolean>").append(b ? '1' : '0').append("</boolean></value>\n");
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            integer(new BigInteger(value.toString()), where);
        } else if (value instanceof Double d) {
            out.append("<value><double>").append(decimal(d, where)).append("</double></value>\n");
        } else if (value instanceof String s) {
            out.append("<value><string>");
            text(s, where);
            out.append("</string></value>\n");
        } else if (value instanceof byte[] data) {
            out.append("<value><base64>\n").append(BASE64.encodeToString(data));
            out.append(data.length == 0 ? "" : "\n").append("</base64></value>\n");
        } else if (value instanceof LocalDateTime time) {
            out.append("<value><dateTime.iso8601>").append(dateTime(time, where));
            out.append("</dateTime.iso8601></value>\n");
        } else if (value instanceof List<?> list) {
            out.append("<value><array><data>\n");
            for (int i = 0; i < list.size(); i++) {
                value(list.get(i), where + " > item " + (i + 1), depth + 1);
            }
            out.append("</data></array></value>\n");
        } else if (value instanceof Map<?, ?> map) {
            struct(map, where, depth);
        } else {
            throw new XmlRpcException(where + ": a value of this kind cannot be sent over XML-RPC"
                    + " (only null, booleans, integers, doubles, strings, bytes, date-times, lists"
                    + " and maps with string keys)");
        }
    }

    private void struct(Map<?, ?> map, String where, int depth) {
        out.append("<value><struct>\n");
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new XmlRpcException(where + ": a map sent over XML-RPC must have string keys");
            }
            out.append("<member>\n<name>");
            text(name, where);
            out.append("</name>\n");
            value(member.getValue(), where + " > '" + name + "'", depth + 1);
            out.append("</member>\n");
        }
        out.append("</struct></value>\n");
    }

    private void integer(BigInteger value, String where) {
        if (value.bitLength() > 63) {
            throw new XmlRpcException(
                    where + ": the integer " + value + " is beyond the 64-bit range XML-RPC can carry");
        }
        boolean small = value.compareTo(MIN_INT) >= 0 && value.compareTo(MAX_INT) <= 0;
        String tag = small ? "int" : "i8";
        out.append("<value><").append(tag).append('>').append(value);
        out.append("</").append(tag).append("></value>\n");
    }

    /** The double as Python's {@code repr(float)} writes it: "0.1", "1.0", "1e+20", "1.5e-05". */
    private static String decimal(double value, String where) {
        if (!Double.isFinite(value)) {
            throw new XmlRpcException(where + ": XML-RPC cannot carry the double " + value);
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }

    private static String dateTime(LocalDateTime time, String where) {
        if (time.getYear() < 1 || time.getYear() > 9999) {
            throw new XmlRpcException(where + ": XML-RPC date-times need a year from 1 to 9999");
        }
        return String.format(
                "%04d%02d%02dT%02d:%02d:%02d",
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                time.getSecond());
    }

    private void text(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c)
                                || i + 1 == s.length()
                                || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw unsendable(where, c);
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                        throw unsendable(where, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static XmlRpcException unsendable(String where, char c) {
        return new XmlRpcException(
                where + ": the text has a character XML cannot carry (U+" + String.format("%04X", (int) c) + ")");
    }
}
