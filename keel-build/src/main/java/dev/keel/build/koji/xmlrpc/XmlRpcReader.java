package dev.keel.build.koji.xmlrpc;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML-RPC bodies from an untrusted peer with the JDK's StAX parser: no document type
 * declaration (so no external or expanding entities), values nested at most {@link XmlRpc#MAX_DEPTH}
 * deep, bodies of a bounded size, and every departure from the XML-RPC
 * grammar reported with its line and column. Accepts what Python's {@code xmlrpc.client} accepts
 * (namespace prefixes such as {@code <ex:i8>}, a {@code <value>} without a type as a string), except
 * {@code <bigdecimal>}.
 */
final class XmlRpcReader {

    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z0-9_.:/]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,30}");
    private static final Pattern DOUBLE = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");
    private static final Pattern DATE_TIME =
            Pattern.compile("([0-9]{4})-?([0-9]{2})-?([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})");
    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader xml;

    private XmlRpcReader(byte[] body, int maxBytes) {
        if (body.length > maxBytes) {
            throw new XmlRpcException(
                    "the XML-RPC body has " + body.length + " bytes, more than the limit of " + maxBytes);
        }
        try {
            xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** Reads a {@code methodCall} of at most {@code maxBytes}. */
    static MethodCall call(byte[] body, int maxBytes) {
        XmlRpcReader reader = new XmlRpcReader(body, maxBytes);
        try {
            reader.open("methodCall");
            reader.open("methodName");
            String method = reader.text("methodName");
            try {
                checkMethodName(method);
            } catch (XmlRpcException e) {
                throw reader.error(e.getMessage());
            }
            List<Object> params = new ArrayList<>();
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                reader.expect("params");
                while (reader.openOrClose("param", "params")) {
                    params.add(reader.param());
                }
                reader.close("methodCall");
            } else {
                reader.expect("/methodCall");
            }
            reader.end();
            return new MethodCall(method, params);
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** Reads a {@code methodResponse} of at most {@code maxBytes}. */
    static Object response(byte[] body, int maxBytes) throws XmlRpcFault {
        XmlRpcReader reader = new XmlRpcReader(body, maxBytes);
        try {
            reader.open("methodResponse");
            if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                throw reader.error("the methodResponse has neither params nor a fault");
            }
            if (reader.name().equals("fault")) {
                XmlRpcFault fault = reader.fault();
                reader.close("methodResponse");
                reader.end();
                throw fault;
            }
            reader.expect("params");
            if (!reader.openOrClose("param", "params")) {
                throw reader.error("the methodResponse has no value in its params");
            }
            Object value = reader.param();
            if (reader.openOrClose("param", "params")) {
                throw reader.error("the methodResponse has more than one param");
            }
            reader.close("methodResponse");
            reader.end();
            return value;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    static String checkMethodName(String method) {
        if (!METHOD_NAME.matcher(method).matches()) {
            throw new XmlRpcException("the method name '" + method
                    + "' is empty or has characters XML-RPC does not allow (letters, digits, _ . : / only)");
        }
        return method;
    }

    private Object param() throws XMLStreamException {
        open("value");
        Object value = value(1);
        close("param");
        return value;
    }

    private XmlRpcFault fault() throws XMLStreamException {
        open("value");
        Object value = value(1);
        close("fault");
        if (value instanceof Map<?, ?> struct
                && struct.get("faultCode") instanceof Long code
                && code == code.intValue()
                && struct.get("faultString") instanceof String message) {
            return new XmlRpcFault(code.intValue(), message);
        }
        throw error("the fault is not a struct with an int faultCode and a string faultString");
    }

    /** Reads a value whose {@code <value>} start was just read, up to its end. */
    private Object value(int depth) throws XMLStreamException {
        if (depth > XmlRpc.MAX_DEPTH) {
            throw error("values are nested deeper than " + XmlRpc.MAX_DEPTH + " levels");
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (isText(event)) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (!text.toString().isBlank()) {
                    throw error("a <value> has text beside its <" + name() + ">");
                }
                Object value = typed(name(), depth);
                close("value");
                return value;
            } else if (!isIgnorable(event)) {
                throw error("unexpected content in a <value>");
            }
        }
    }

    private Object typed(String type, int depth) throws XMLStreamException {
        return switch (type) {
            case "nil" -> nil();
            case "boolean" -> bool(text(type));
            case "int", "i1", "i2", "i4", "i8", "biginteger" ->
                integer(text(type).strip());
            case "double", "float" -> decimal(text(type).strip());
            case "string" -> text(type);
            case "base64" -> base64(text(type));
            case "dateTime.iso8601" -> dateTime(text(type).strip());
            case "array" -> array(depth);
            case "struct" -> struct(depth);
            default -> throw error("unknown value type <" + type + ">");
        };
    }

    private Object nil() throws XMLStreamException {
        text("nil");
        return null;
    }

    private Boolean bool(String text) {
        return switch (text) {
            case "0" -> Boolean.FALSE;
            case "1" -> Boolean.TRUE;
            default -> throw error("bad boolean '" + shorten(text) + "' (expected 0 or 1)");
        };
    }

    private Long integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw error("bad integer '" + shorten(text) + "'");
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > 63) {
            throw error("the integer " + text + " is beyond the 64-bit range");
        }
        return value.longValue();
    }

    private Double decimal(String text) {
        if (!DOUBLE.matcher(text).matches()) {
            throw error("bad double '" + shorten(text) + "'");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw error("the double " + text + " is out of range");
        }
        return value;
    }

    private byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("[ \t\r\n]", ""));
        } catch (IllegalArgumentException e) {
            throw error("bad base64 data");
        }
    }

    private LocalDateTime dateTime(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (m.matches()) {
            try {
                return LocalDateTime.of(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw error("bad dateTime.iso8601 '" + shorten(text) + "' (expected YYYYMMDDTHH:MM:SS)");
    }

    private List<Object> array(int depth) throws XMLStreamException {
        open("data");
        List<Object> items = new ArrayList<>();
        while (openOrClose("value", "data")) {
            items.add(value(depth + 1));
        }
        close("array");
        return items;
    }

    private Map<String, Object> struct(int depth) throws XMLStreamException {
        Map<String, Object> members = new LinkedHashMap<>();
        while (openOrClose("member", "struct")) {
            open("name");
            String name = text("name");
            open("value");
            if (members.containsKey(name)) {
                throw error("the struct has two members named '" + shorten(name) + "'");
            }
            members.put(name, value(depth + 1));
            close("member");
        }
        return members;
    }

    /** The text of a leaf element whose start was just read, up to its end. */
    private String text(String tag) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (isText(event)) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw error("unexpected <" + name() + "> inside <" + tag + ">");
            } else if (!isIgnorable(event)) {
                throw error("unexpected content inside <" + tag + ">");
            }
        }
    }

    /** Moves to the next start or end element, refusing any text between elements. */
    private int next() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT,
                        XMLStreamConstants.END_ELEMENT,
                        XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD -> throw error("a document type declaration is not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("an undeclared entity is not allowed");
                default -> {
                    if (isText(event) && !xml.getText().isBlank()) {
                        throw error("text outside a value: '"
                                + shorten(xml.getText().strip()) + "'");
                    }
                }
            }
        }
    }

    /** Reads the start of {@code tag} ({@code true}) or the end of its parent {@code parent}. */
    private boolean openOrClose(String tag, String parent) throws XMLStreamException {
        if (next() == XMLStreamConstants.START_ELEMENT) {
            expect(tag);
            return true;
        }
        expect("/" + parent);
        return false;
    }

    private void open(String tag) throws XMLStreamException {
        next();
        expect(tag);
    }

    private void close(String tag) throws XMLStreamException {
        next();
        expect("/" + tag);
    }

    /** Checks the current event: {@code tag} for a start, {@code /tag} for an end. */
    private void expect(String tag) {
        String found = found();
        if (!found.equals("<" + tag + ">")) {
            throw error("expected <" + tag + "> but found " + found);
        }
    }

    private void end() throws XMLStreamException {
        if (next() != XMLStreamConstants.END_DOCUMENT) {
            throw error("unexpected " + found() + " after the end of the message");
        }
    }

    private String found() {
        return switch (xml.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> "<" + name() + ">";
            case XMLStreamConstants.END_ELEMENT -> "</" + name() + ">";
            default -> "the end of the body";
        };
    }

    /** The element's name without a namespace prefix, as Python's unmarshaller sees it. */
    private String name() {
        String name = xml.getLocalName();
        return name.substring(name.lastIndexOf(':') + 1);
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS
                || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private static boolean isIgnorable(int event) {
        return event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION;
    }

    private XmlRpcException error(String message) {
        var location = xml.getLocation();
        return new XmlRpcException("bad XML-RPC body at line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ": " + message);
    }

    private static XmlRpcException notWellFormed(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String detail = at < 0 ? message : message.substring(at + "Message: ".length());
        var location = e.getLocation();
        return new XmlRpcException("the XML-RPC body is not well-formed XML"
                + (location == null
                        ? ""
                        : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber())
                + (detail.isBlank() ? "" : ": " + detail.strip()));
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        return factory;
    }
}
