package dev.keel.build.koji.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcDecodingTest {

    static Object response(String xml) throws XmlRpcFault {
        return XmlRpc.decodeResponse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String wrap(String value) {
        return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" + value
                + "</param>\n</params>\n</methodResponse>\n";
    }

    @Test
    void everyTypeRoundTripsThroughACallAndAResponse() throws Exception {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("zeta", 1L);
        struct.put("alpha", null);
        struct.put("mid", List.of("x"));
        List<Object> values = Arrays.asList(
                null,
                true,
                false,
                0L,
                (long) Integer.MIN_VALUE,
                (long) Integer.MAX_VALUE + 1,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                -0.0,
                Math.PI,
                Double.MAX_VALUE,
                Double.MIN_VALUE,
                "",
                "  spaced  ",
                "a<&>b\r\n\t\"'Zoë 🚀",
                "<![CDATA[x]]>",
                new byte[] {0, 1, (byte) 0xff},
                new byte[0],
                LocalDateTime.of(1, 1, 1, 0, 0, 0),
                LocalDateTime.of(2026, 12, 6, 23, 59, 59),
                List.of(),
                List.of(List.of(1L, List.of("deep"))),
                new LinkedHashMap<>(),
                struct);

        Object response = XmlRpc.decodeResponse(XmlRpc.encodeResponse(values));
        MethodCall call = XmlRpc.decodeCall(XmlRpc.encodeCall("host.getID", values));

        assertThat(call.method()).isEqualTo("host.getID");
        assertThat(call.params()).usingRecursiveComparison().isEqualTo(values);
        assertThat(response).usingRecursiveComparison().isEqualTo(values);
        assertThat(List.copyOf(((Map<?, ?>) ((List<?>) response).get(values.size() - 1)).keySet()))
                .isEqualTo(List.of("zeta", "alpha", "mid"));
    }

    @Test
    void integersOfEveryJavaTypeReadBackAsLong() throws Exception {
        assertThat(XmlRpc.decodeCall(XmlRpc.encodeCall("f", List.of(7, 8L, BigInteger.valueOf(1L << 40))))
                        .params())
                .containsExactly(7L, 8L, 1L << 40);
    }

    @Test
    void aCallWithoutParamsHasNone() throws Exception {
        byte[] body =
                "<methodCall><methodName>getAPIVersion</methodName></methodCall>".getBytes(StandardCharsets.UTF_8);
        assertThat(XmlRpc.decodeCall(body)).isEqualTo(new MethodCall("getAPIVersion", List.of()));
    }

    @Test
    void readsAKojiTaskInfo() throws Exception {
        // getTaskInfo(12345678901, request=True) as a hub answers it: nil fields, an i8, a double,
        // a date both as a string (Koji's usual) and as a dateTime, with Python's line breaks.
        String xml = wrap("<value><struct>\n"
                + "<member>\n<name>id</name>\n<value><i8>12345678901</i8></value>\n</member>\n"
                + "<member>\n<name>state</name>\n<value><int>2</int></value>\n</member>\n"
                + "<member>\n<name>owner</name>\n<value><i4>1</i4></value>\n</member>\n"
                + "<member>\n<name>result</name>\n<value><nil/></value></member>\n"
                + "<member>\n<name>parent</name>\n<value><ex:nil xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"/></value>\n</member>\n"
                + "<member>\n<name>size</name>\n<value><ex:i8>4294967296</ex:i8></value>\n</member>\n"
                + "<member>\n<name>method</name>\n<value>build</value>\n</member>\n"
                + "<member>\n<name>create_ts</name>\n<value><double>1733472000.123456</double></value>\n</member>\n"
                + "<member>\n<name>create_time</name>\n<value><string>2024-12-06 08:00:00.123456+00:00</string></value>\n</member>\n"
                + "<member>\n<name>start</name>\n<value><dateTime.iso8601>20241206T08:00:01</dateTime.iso8601></value>\n</member>\n"
                + "<member>\n<name>completion</name>\n<value><dateTime.iso8601>2024-12-06T09:30:00</dateTime.iso8601></value>\n</member>\n"
                + "<member>\n<name>request</name>\n<value><array><data>\n"
                + "<value><string>git+https://src.fedoraproject.org/rpms/foo.git#abc</string></value>\n"
                + "<value><string>f40-candidate</string></value>\n<value><struct>\n</struct></value>\n"
                + "</data></array></value>\n</member>\n"
                + "</struct></value>\n");

        Object info = response(xml);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 12345678901L);
        expected.put("state", 2L);
        expected.put("owner", 1L);
        expected.put("result", null);
        expected.put("parent", null);
        expected.put("size", 4294967296L);
        expected.put("method", "build");
        expected.put("create_ts", 1733472000.123456);
        expected.put("create_time", "2024-12-06 08:00:00.123456+00:00");
        expected.put("start", LocalDateTime.of(2024, 12, 6, 8, 0, 1));
        expected.put("completion", LocalDateTime.of(2024, 12, 6, 9, 30, 0));
        expected.put(
                "request", List.of("git+https://src.fedoraproject.org/rpms/foo.git#abc", "f40-candidate", Map.of()));
        assertThat(info).isInstanceOf(LinkedHashMap.class).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) info).keySet())).isEqualTo(List.copyOf(expected.keySet()));
    }

    @Test
    void readsAFault() {
        byte[] body = XmlRpc.encodeFault(1002, "could not authenticate");
        assertThatThrownBy(() -> XmlRpc.decodeResponse(body)).isInstanceOfSatisfying(XmlRpcFault.class, fault -> {
            assertThat(fault.code()).isEqualTo(1002);
            assertThat(fault.faultString()).isEqualTo("could not authenticate");
        });
    }

    @Test
    void refusesAFaultWithoutItsFields() {
        String xml = "<methodResponse><fault><value><struct><member><name>faultCode</name>"
                + "<value><string>x</string></value></member></struct></value></fault></methodResponse>";
        assertThatThrownBy(() -> response(xml))
                .isInstanceOf(XmlRpcException.class)
                .hasMessageContaining("the fault is not a struct with an int faultCode and a string faultString");
    }

    @Test
    void splitsAMulticallIntoValuesAndFaults() throws Exception {
        List<Object> answer = List.of(
                List.of(Map.of("id", 1L)),
                Map.of("faultCode", 1000L, "faultString", "No such build: bar-1-1"),
                Arrays.asList((Object) null));
        Object decoded = XmlRpc.decodeResponse(XmlRpc.encodeResponse(answer));

        List<MulticallResult> results = XmlRpc.decodeMulticall(decoded);

        assertThat(results).hasSize(3);
        assertThat(results.get(0).value()).isEqualTo(Map.of("id", 1L));
        assertThat(results.get(0).failed()).isFalse();
        assertThat(results.get(1).failed()).isTrue();
        assertThat(results.get(1).fault().code()).isEqualTo(1000);
        assertThat(results.get(1).fault().faultString()).isEqualTo("No such build: bar-1-1");
        assertThat(results.get(2)).isEqualTo(new MulticallResult(null, null));
    }

    @Test
    void refusesAMalformedMulticall() {
        assertThatThrownBy(() -> XmlRpc.decodeMulticall("x")).hasMessage("the multicall response is not an array");
        assertThatThrownBy(() -> XmlRpc.decodeMulticall(List.of(List.of(1L), List.of(1L, 2L))))
                .isInstanceOf(XmlRpcException.class)
                .hasMessageStartingWith("multicall result 2 is neither a one-element array nor a fault struct");
        assertThatThrownBy(() -> XmlRpc.decodeMulticall(List.of(Map.of("faultCode", 1L << 40, "faultString", "x"))))
                .hasMessageStartingWith("multicall result 1 is neither");
    }

    @Test
    void multicallParamsAreOneArrayOfMethodStructs() {
        List<Object> params = XmlRpc.multicallParams(List.of(new MethodCall("getBuild", List.of("foo-1-1"))));
        assertThat(params).containsExactly(List.of(Map.of("methodName", "getBuild", "params", List.of("foo-1-1"))));
    }
}
