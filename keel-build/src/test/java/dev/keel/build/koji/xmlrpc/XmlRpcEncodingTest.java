package dev.keel.build.koji.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies compared byte for byte with what Koji's Python client sends: {@code koji.xmlrpcplus.dumps}
 * over Python 3.11's {@code xmlrpc.client.Marshaller} (the expected texts were produced by that code
 * for the same calls).
 */
class XmlRpcEncodingTest {

    private static final String HEADER = "<?xml version='1.0'?>\n";

    private static String call(String method, Object... params) {
        return new String(XmlRpc.encodeCall(method, Arrays.asList(params)), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> struct(Object... keysAndValues) {
        Map<String, Object> struct = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            struct.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return struct;
    }

    @Test
    void getBuildIsWhatKojiSends() {
        assertThat(call("getBuild", "foo-1-1"))
                .isEqualTo(HEADER + "<methodCall>\n<methodName>getBuild</methodName>\n<params>\n<param>\n"
                        + "<value><string>foo-1-1</string></value>\n</param>\n</params>\n</methodCall>\n");
    }

    @Test
    void sslLoginWithoutProxyUserSendsNilWithoutLineBreak() {
        assertThat(call("sslLogin", (Object) null))
                .isEqualTo(HEADER + "<methodCall>\n<methodName>sslLogin</methodName>\n<params>\n<param>\n"
                        + "<value><nil/></value></param>\n</params>\n</methodCall>\n");
    }

    @Test
    void keywordArgumentsAreKojisStarstarStruct() {
        // session.listTagged('f40-build', latest=True, inherit=False)
        assertThat(call("listTagged", "f40-build", struct("latest", true, "inherit", false, "__starstar", true)))
                .isEqualTo(HEADER + "<methodCall>\n<methodName>listTagged</methodName>\n<params>\n<param>\n"
                        + "<value><string>f40-build</string></value>\n</param>\n<param>\n<value><struct>\n"
                        + "<member>\n<name>latest</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                        + "<member>\n<name>inherit</name>\n<value><boolean>0</boolean></value>\n</member>\n"
                        + "<member>\n<name>__starstar</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                        + "</struct></value>\n</param>\n</params>\n</methodCall>\n");
    }

    @Test
    void multiCallIsWhatKojiSends() {
        List<MethodCall> calls = List.of(
                new MethodCall("getBuild", List.of("foo-1-1")),
                new MethodCall("getTaskInfo", List.of(12345678901L, struct("request", true, "__starstar", true))));
        byte[] body = XmlRpc.encodeCall("multiCall", XmlRpc.multicallParams(calls));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(HEADER + "<methodCall>\n<methodName>multiCall</methodName>\n<params>\n<param>\n"
                        + "<value><array><data>\n"
                        + "<value><struct>\n"
                        + "<member>\n<name>methodName</name>\n<value><string>getBuild</string></value>\n</member>\n"
                        + "<member>\n<name>params</name>\n<value><array><data>\n"
                        + "<value><string>foo-1-1</string></value>\n</data></array></value>\n</member>\n"
                        + "</struct></value>\n"
                        + "<value><struct>\n"
                        + "<member>\n<name>methodName</name>\n<value><string>getTaskInfo</string></value>\n"
                        + "</member>\n<member>\n<name>params</name>\n<value><array><data>\n"
                        + "<value><i8>12345678901</i8></value>\n<value><struct>\n"
                        + "<member>\n<name>request</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                        + "<member>\n<name>__starstar</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                        + "</struct></value>\n</data></array></value>\n</member>\n</struct></value>\n"
                        + "</data></array></value>\n</param>\n</params>\n</methodCall>\n");
    }

    @Test
    void everyTypeIsWrittenAsPythonWritesIt() {
        List<Object> values = List.of(
                1,
                Integer.MIN_VALUE,
                2147483648L,
                BigInteger.valueOf(Long.MAX_VALUE),
                true,
                false,
                1.5,
                0.1,
                1e20,
                "a<&>b",
                new byte[] {0, (byte) 0xff, 'h', 'e', 'l', 'l', 'o'},
                new byte[0],
                "x".repeat(100).getBytes(StandardCharsets.US_ASCII),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                List.of(),
                Map.of());
        assertThat(call("echo", values))
                .isEqualTo(HEADER + "<methodCall>\n<methodName>echo</methodName>\n<params>\n<param>\n"
                        + "<value><array><data>\n"
                        + "<value><int>1</int></value>\n"
                        + "<value><int>-2147483648</int></value>\n"
                        + "<value><i8>2147483648</i8></value>\n"
                        + "<value><i8>9223372036854775807</i8></value>\n"
                        + "<value><boolean>1</boolean></value>\n"
                        + "<value><boolean>0</boolean></value>\n"
                        + "<value><double>1.5</double></value>\n"
                        + "<value><double>0.1</double></value>\n"
                        + "<value><double>1e+20</double></value>\n"
                        + "<value><string>a&lt;&amp;&gt;b</string></value>\n"
                        + "<value><base64>\nAP9oZWxsbw==\n</base64></value>\n"
                        + "<value><base64>\n</base64></value>\n"
                        + "<value><base64>\n"
                        + "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
                        + "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eA==\n"
                        + "</base64></value>\n"
                        + "<value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601></value>\n"
                        + "<value><array><data>\n</data></array></value>\n"
                        + "<value><struct>\n</struct></value>\n"
                        + "</data></array></value>\n</param>\n</params>\n</methodCall>\n");
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "1.0, 1.0",
        "-0.0, -0.0",
        "1e20, 1e+20",
        "1.5e-5, 1.5e-05",
        "123456789.0, 123456789.0",
        "-2.5e16, -2.5e+16",
        "1e16, 1e+16",
        "9999999999999998.0, 9999999999999998.0",
        "0.0001, 0.0001",
        "0.00012, 0.00012",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "0.3333333333333333, 0.3333333333333333"
    })
    void doublesAreWrittenAsPythonsRepr(double value, String python) {
        assertThat(call("f", value)).contains("<value><double>" + python + "</double></value>\n");
    }

    @Test
    void responseAndFaultAreWhatTheHubSends() {
        Map<String, Object> build = struct("id", 1, "x", null);
        assertThat(new String(XmlRpc.encodeResponse(build), StandardCharsets.UTF_8))
                .isEqualTo(HEADER + "<methodResponse>\n<params>\n<param>\n<value><struct>\n"
                        + "<member>\n<name>id</name>\n<value><int>1</int></value>\n</member>\n"
                        + "<member>\n<name>x</name>\n<value><nil/></value></member>\n"
                        + "</struct></value>\n</param>\n</params>\n</methodResponse>\n");
        assertThat(new String(XmlRpc.encodeFault(1002, "bad login <x>"), StandardCharsets.UTF_8))
                .isEqualTo(HEADER + "<methodResponse>\n<fault>\n<value><struct>\n"
                        + "<member>\n<name>faultCode</name>\n<value><int>1002</int></value>\n</member>\n"
                        + "<member>\n<name>faultString</name>\n<value><string>bad login &lt;x&gt;</string></value>\n"
                        + "</member>\n</struct></value>\n</fault>\n</methodResponse>\n");
    }

    @Test
    void nonAsciiTextIsUtf8() {
        byte[] body = XmlRpc.encodeCall("f", List.of("Zoë 🚀"));
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("<string>Zoë 🚀</string>");
    }

    @Test
    void carriageReturnIsACharacterReference() {
        assertThat(call("f", "a\r\nb")).contains("<string>a&#13;\nb</string>");
    }

    @Test
    void refusesIntegersBeyond64Bits() {
        assertThatThrownBy(() -> call("f", BigInteger.ONE.shiftLeft(63)))
                .isInstanceOf(XmlRpcException.class)
                .hasMessage("param 1: the integer 9223372036854775808 is beyond the 64-bit range XML-RPC can carry");
    }

    @Test
    void refusesUnsupportedTypesNamingWhereTheyAre() {
        assertThatThrownBy(() -> call("f", "ok", struct("opts", List.of(1, 2.5f))))
                .isInstanceOf(XmlRpcException.class)
                .hasMessageStartingWith("param 2 > 'opts' > item 2: a value of this kind cannot be sent")
                .hasMessageNotContaining("Float");
        assertThatThrownBy(() -> call("f", Map.of(1, "x")))
                .hasMessage("param 1: a map sent over XML-RPC must have string keys");
    }

    @Test
    void refusesWhatXmlOrPythonCannotCarry() {
        assertThatThrownBy(() -> call("f", Double.NaN)).hasMessageContaining("cannot carry the double NaN");
        assertThatThrownBy(() -> call("f", "a\u0001b")).hasMessageContaining("(U+0001)");
        assertThatThrownBy(() -> call("f", "a\ud800")).hasMessageContaining("(U+D800)");
        assertThatThrownBy(() -> call("f", LocalDateTime.of(10000, 1, 1, 0, 0)))
                .hasMessageContaining("year from 1 to 9999");
        assertThatThrownBy(() -> call("get<Build>")).hasMessageContaining("the method name 'get<Build>'");
        assertThatThrownBy(() -> call("")).hasMessageContaining("is empty");
    }

    @Test
    void refusesAListThatContainsItself() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThatThrownBy(() -> call("f", loop))
                .isInstanceOf(XmlRpcException.class)
                .hasMessageContaining("nested deeper than 64 levels");
    }
}
