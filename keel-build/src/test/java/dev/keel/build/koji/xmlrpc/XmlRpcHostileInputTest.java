package dev.keel.build.koji.xmlrpc;

import static dev.keel.build.koji.xmlrpc.XmlRpcDecodingTest.response;
import static dev.keel.build.koji.xmlrpc.XmlRpcDecodingTest.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies an attacker or a broken server could send: each is refused with a message saying why. */
class XmlRpcHostileInputTest {

    private static String refusal(String xml) {
        try {
            Object value = response(xml);
            throw new AssertionError("accepted: " + value);
        } catch (XmlRpcException e) {
            return e.getMessage();
        } catch (XmlRpcFault e) {
            throw new AssertionError("read as a fault: " + e.getMessage());
        }
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "TOP-SECRET");
        String xml = "<?xml version='1.0'?>\n<!DOCTYPE methodResponse [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n" + wrap("<value><string>&xxe;</string></value>\n");
        assertThat(refusal(xml))
                .startsWith("bad XML-RPC body at line 2, column ")
                .endsWith(": a document type declaration is not allowed")
                .doesNotContain("TOP-SECRET");

        String passwd = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + wrap("<value><string>&e;</string></value>");
        assertThat(refusal(passwd))
                .contains("a document type declaration is not allowed")
                .doesNotContain("root:");
    }

    @Test
    void externalDocumentTypesAndEntitiesAreNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(refusal("<!DOCTYPE methodResponse SYSTEM \"" + base + "/evil.dtd\">"
                            + wrap("<value><int>1</int></value>")))
                    .contains("a document type declaration is not allowed");
            assertThat(refusal("<!DOCTYPE methodResponse [<!ENTITY e SYSTEM \"" + base + "/e\">]>"
                            + wrap("<value><string>&e;</string></value>")))
                    .contains("a document type declaration is not allowed");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE methodResponse [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        assertThat(refusal(dtd + wrap("<value><string>&a9;</string></value>")))
                .contains("a document type declaration is not allowed");
    }

    @Test
    void anUndeclaredEntityIsRefused() {
        assertThat(refusal(wrap("<value><string>&nope;</string></value>"))).contains("nope");
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        int depth = 100_000;
        String xml = wrap("<value><array><data>".repeat(depth) + "</data></array></value>".repeat(depth));
        assertThat(refusal(xml)).endsWith("values are nested deeper than 64 levels");

        String ok = wrap("<value><array><data>".repeat(63) + "<value>x</value>" + "</data></array></value>".repeat(63));
        assertThat(refusal(ok.replace(
                        "<value>x</value>",
                        "<value><struct><member><name>n</name><value>x</value>" + "</member></struct></value>")))
                .endsWith("values are nested deeper than 64 levels");
    }

    @Test
    void sixtyFourLevelsAreAccepted() throws Exception {
        String xml =
                wrap("<value><array><data>".repeat(63) + "<value>x</value>" + "</data></array></value>".repeat(63));
        assertThat(response(xml)).isNotNull();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeParsing() {
        byte[] body = XmlRpc.encodeResponse("x".repeat(200));
        assertThatThrownBy(() -> XmlRpcReader.response(body, 100))
                .isInstanceOf(XmlRpcException.class)
                .hasMessage("the XML-RPC body has " + body.length + " bytes, more than the limit of 100");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<int>9223372036854775808</int>            | the integer 9223372036854775808 is beyond the 64-bit range",
                "<i8>-9223372036854775809</i8>             | the integer -9223372036854775809 is beyond the 64-bit range",
                "<i8>123456789012345678901234567890123</i8> | bad integer '123456789012345678901234567890123'",
                "<int>12x</int>                            | bad integer '12x'",
                "<int></int>                               | bad integer ''",
                "<int>0x10</int>                           | bad integer '0x10'",
                "<double>1e999</double>                    | the double 1e999 is out of range",
                "<double>NaN</double>                      | bad double 'NaN'",
                "<double>1.5d</double>                     | bad double '1.5d'",
                "<boolean>true</boolean>                   | bad boolean 'true' (expected 0 or 1)",
                "<base64>not base64!</base64>              | bad base64 data",
                "<base64>QUJD=</base64>                    | bad base64 data",
                "<dateTime.iso8601>20241306T00:00:00</dateTime.iso8601> | bad dateTime.iso8601 '20241306T00:00:00'",
                "<dateTime.iso8601>yesterday</dateTime.iso8601>         | bad dateTime.iso8601 'yesterday'",
                "<dateTime.iso8601>2024-02-30T00:00:00</dateTime.iso8601> | bad dateTime.iso8601",
                "<bigdecimal>1.5</bigdecimal>              | unknown value type <bigdecimal>",
                "<object>x</object>                        | unknown value type <object>",
                "<string>a<b/>c</string>                   | unexpected <b> inside <string>",
                "text<int>1</int>                          | a <value> has text beside its <int>",
                "<int>1</int>trailing                      | text outside a value: 'trailing'",
                "<int>1</int><int>2</int>                  | expected </value> but found <int>",
                "<array><value>1</value></array>           | expected <data> but found <value>",
                "<array><data>junk</data></array>          | text outside a value: 'junk'",
                "<struct><member><value>1</value></member></struct> | expected <name> but found <value>",
                "<struct><member><name>a</name><value>1</value><value>2</value></member></struct> | expected </member> but found <value>",
                "<struct><member><name>a</name><value>1</value></member><member><name>a</name><value>2</value></member></struct> | the struct has two members named 'a'",
                "<struct><member><name><b/></name><value>1</value></member></struct> | unexpected <b> inside <name>",
            })
    void badValuesAreRefusedSayingWhy(String value, String reason) {
        assertThat(refusal(wrap("<value>" + value + "</value>\n")))
                .startsWith("bad XML-RPC body at line ")
                .contains(reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<methodResponse></methodResponse>                         | the methodResponse has neither params nor a fault",
                "<methodResponse><params></params></methodResponse>        | the methodResponse has no value in its params",
                "<methodResponse><params><param><value>1</value></param><param><value>2</value></param></params></methodResponse> | the methodResponse has more than one param",
                "<methodResponse><params><param><value>1</value><value>2</value></param></params></methodResponse> | expected </param> but found <value>",
                "<methodResponse><params><param></param></params></methodResponse> | expected <value> but found </param>",
                "<methodCall><methodName>x</methodName></methodCall>       | expected <methodResponse> but found <methodCall>",
                "<methodResponse><params><param><value>1</value></param></params></methodResponse><x/> | not well-formed",
                "<methodResponse><result/></methodResponse>                | expected <params> but found <result>",
                "hello                                                     | not well-formed",
                "''                                                        | not well-formed",
                "<methodResponse><params><param><value>1</value></param></params>   | not well-formed",
            })
    void badMessagesAreRefusedSayingWhy(String xml, String reason) {
        assertThat(refusal(xml)).contains(reason).doesNotContain("Exception").doesNotContain("javax");
    }

    @Test
    void badCallsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> XmlRpc.decodeCall(bytes("<methodCall><methodName></methodName></methodCall>")))
                .hasMessageContaining("the method name '' is empty or has characters XML-RPC does not allow");
        assertThatThrownBy(() -> XmlRpc.decodeCall(bytes("<methodCall><methodName>a b</methodName></methodCall>")))
                .hasMessageContaining("the method name 'a b'");
        assertThatThrownBy(() -> XmlRpc.decodeCall(bytes("<methodCall><params></params></methodCall>")))
                .hasMessageContaining("expected <methodName> but found <params>");
        assertThatThrownBy(() -> XmlRpc.decodeCall(
                        bytes("<methodCall><methodName>f</methodName><params><value>1</value></params></methodCall>")))
                .hasMessageContaining("expected <param> but found <value>");
    }

    @Test
    void commentsAndProcessingInstructionsBetweenElementsAreIgnored() throws Exception {
        assertThat(response("<?xml version='1.0'?><!-- hi --><methodResponse><params><?pi x?><param>"
                        + "<value><!-- c --><int>5</int></value></param></params></methodResponse>"))
                .isEqualTo(5L);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
