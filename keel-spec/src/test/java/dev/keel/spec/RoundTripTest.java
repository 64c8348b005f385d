package dev.keel.spec;

import static dev.keel.spec.EditAssertions.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Spec.parse(bytes).toBytes() gives back the input exactly, whatever it is. */
class RoundTripTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void crlfFile() {
        Spec spec = assertRoundTrips(bytes("Name: foo\r\n%if 1\r\nSummary: x\r\n%endif\r\n%description\r\nText\r\n"));

        assertThat(spec.lineCount()).isEqualTo(6);
        assertThat(spec.lines()).allSatisfy(line -> assertThat(line.eol()).isEqualTo("\r\n"));
        assertThat(spec.tagValue("Name")).isEqualTo("foo");
        assertThat(spec.tagValue("Summary")).isEqualTo("x");
        assertThat(spec.blocks()).hasSize(1);
        assertThat(spec.sections()).hasSize(2);
        assertThat(spec.lineEnding()).isEqualTo("\r\n");
    }

    @Test
    void crlfMacroBodyEndsAtTheLine() {
        // rpm only continues a line on a backslash right before \n; "\\\r\n" does not continue.
        Spec spec = assertRoundTrips(bytes("%global x a \\\r\nName: foo\r\n"));

        assertThat(spec.elements()).extracting(Element::lineCount).containsExactly(1, 1);
        assertThat(spec.macros().get(0).body()).isEqualTo("a \\");
    }

    @Test
    void mixedLineEndings() {
        Spec spec = assertRoundTrips(bytes("a\r\nb\nc\r\nd"));

        assertThat(spec.lines()).extracting(Line::eol).containsExactly("\r\n", "\n", "\r\n", "");
        assertThat(spec.lines()).extracting(Line::text).containsExactly("a", "b", "c", "d");
    }

    @Test
    void noFinalNewline() {
        Spec spec = assertRoundTrips(bytes("Name: foo\nVersion: 1"));

        assertThat(spec.lineCount()).isEqualTo(2);
        assertThat(spec.tagValue("Version")).isEqualTo("1");
        assertThat(spec.line(1).eolLength()).isZero();
    }

    @Test
    void emptyFile() {
        Spec spec = assertRoundTrips(new byte[0]);

        assertThat(spec.lineCount()).isZero();
        assertThat(spec.text()).isEmpty();
        assertThat(spec.sections()).hasSize(1);
    }

    @Test
    void onlyANewline() {
        Spec spec = assertRoundTrips(bytes("\n"));

        assertThat(spec.lineCount()).isEqualTo(1);
        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.BLANK);
    }

    @Test
    void loneCarriageReturnsStayInsideTheirLine() {
        Spec spec = assertRoundTrips(bytes("Name: a\rb\r\r\n\r%if 1\n%endif\r"));

        assertThat(spec.lineCount()).isEqualTo(3);
        assertThat(spec.line(0).text()).isEqualTo("Name: a\rb\r");
        assertThat(spec.line(0).eol()).isEqualTo("\r\n");
        assertThat(spec.line(1).text()).isEqualTo("\r%if 1");
        assertThat(spec.line(2).text()).isEqualTo("%endif\r");
        assertThat(spec.blocks()).hasSize(1);
        assertThat(spec.tagValue("Name")).isEqualTo("a\rb");
    }

    @Test
    void nulBytes() {
        Spec spec = assertRoundTrips(bytes("Name: f\0o\n\0\n%if\0\n%endif\n"));

        assertThat(spec.lineCount()).isEqualTo(4);
        assertThat(spec.tagValue("Name")).isEqualTo("f\0o");
    }

    @Test
    void invalidUtf8IsReadAsLatin1() {
        byte[] input = {'N', 'a', 'm', 'e', ':', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n', 'X', ':', (byte) 0xFF, '\n'};
        Spec spec = assertRoundTrips(input);

        assertThat(spec.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(spec.tagValue("Name")).isEqualTo("café");
        assertThat(spec.line(0).text()).isEqualTo("Name: café");
        assertThat(spec.text()).isEqualTo("Name: café\nX:ÿ\n");
        assertThat(spec.encodeNewText("é")).isEqualTo("Ã©");
    }

    @Test
    void validUtf8MultibyteText() {
        byte[] input = "Summary: Ünïcödé 日本語 😀\n%description\nΚαλημέρα\n".getBytes(StandardCharsets.UTF_8);
        Spec spec = assertRoundTrips(input);

        assertThat(spec.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(spec.tagValue("Summary")).isEqualTo("Ünïcödé 日本語 😀");
        assertThat(spec.line(2).text()).isEqualTo("Καλημέρα");
        assertThat(spec.line(0).length())
                .isEqualTo("Summary: Ünïcödé 日本語 😀\n".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void overlongAndSurrogateUtf8IsNotUtf8() {
        assertThat(assertRoundTrips(new byte[] {(byte) 0xC0, (byte) 0x80}).charset())
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(assertRoundTrips(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})
                        .charset())
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(assertRoundTrips(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})
                        .charset())
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(assertRoundTrips(new byte[] {'a', (byte) 0xE2, (byte) 0x82}).charset())
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(assertRoundTrips(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80})
                        .charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void byteOrderMark() {
        byte[] input = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'N', 'a', 'm', 'e', ':', ' ', 'x', '\n'};
        Spec spec = assertRoundTrips(input);

        assertThat(spec.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(spec.lineCount()).isEqualTo(1);
        assertThat(spec.line(0).bytes()).isEqualTo(input);
    }

    @Test
    void tenMegabyteSingleLine() {
        byte[] input = new byte[10 * 1024 * 1024];
        Arrays.fill(input, (byte) 'x');
        input[0] = '%';
        input[1] = '{';
        input[5_000_000] = '}';
        Spec spec = assertRoundTrips(input);

        assertThat(spec.lineCount()).isEqualTo(1);
        assertThat(spec.elements()).hasSize(1);
        assertThat(spec.line(0).length()).isEqualTo(input.length);
    }

    @Test
    void tenMegabytesOfShortLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] line = bytes("BuildRequires: pkgconfig(foo-%{version}) >= 1.0\n");
        while (out.size() < 10 * 1024 * 1024) {
            out.write(line, 0, line.length);
        }
        Spec spec = assertRoundTrips(out.toByteArray());

        assertThat(spec.tags()).hasSize(out.size() / line.length);
    }

    @Test
    void tenThousandNestedIfs() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("%if ").append(i).append('\n');
        }
        text.append("Name: deep\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("%endif\n");
        }
        Spec spec = assertRoundTrips(bytes(text.toString()));

        assertThat(spec.blocks()).hasSize(10_000);
        assertThat(spec.block(9_999).depth()).isEqualTo(9_999);
        assertThat(spec.block(9_999).parent()).isEqualTo(9_998);
        assertThat(spec.block(0).endElement()).isEqualTo(20_000);
        assertThat(spec.element(10_000).block()).isEqualTo(9_999);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void tenThousandUnclosedIfs() {
        Spec spec = assertRoundTrips(bytes("%if 1\n".repeat(10_000)));

        assertThat(spec.diagnostics()).hasSize(10_000);
        assertThat(spec.diagnostics().get(0)).isEqualTo(Diagnostic.error(1, "unclosed %if"));
        assertThat(spec.diagnostics().get(9_999)).isEqualTo(Diagnostic.error(10_000, "unclosed %if"));
    }

    @Test
    void manyUnclosedMacrosAndContinuations() {
        assertRoundTrips(bytes("%{".repeat(100_000)));
        assertRoundTrips(bytes("%global x \\\n".repeat(10_000)));
        assertRoundTrips(bytes("\\\n".repeat(10_000)));
        assertRoundTrips(bytes("%(".repeat(1000) + "\n" + ")".repeat(999)));
    }

    @Test
    void everySingleByteValue() {
        byte[] input = new byte[256 * 3];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) i;
        }
        Spec spec = assertRoundTrips(input);

        assertThat(spec.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void parseCopiesItsInput() {
        byte[] input = bytes("Name: foo\n");
        Spec spec = Spec.parse(input);
        input[0] = 'X';

        assertThat(spec.toBytes()).isEqualTo(bytes("Name: foo\n"));
        byte[] out = spec.toBytes();
        out[0] = 'Y';
        assertThat(spec.text()).isEqualTo("Name: foo\n");
    }
}
