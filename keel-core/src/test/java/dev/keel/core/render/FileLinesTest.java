package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.TextBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lazily read lines are the file's text split at line feeds, as a whole decode gives them. */
class FileLinesTest {

    /** The lines as decoding the whole file and splitting it gives them. */
    private static List<String> whole(byte[] content) {
        String text = new String(content, TextBytes.charsetOf(content));
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    @Test
    void edgesOfTheFile() {
        for (String text : List.of("", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\na", "é\n\n€")) {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            assertThat(new FileLines(content)).as("%s", text).isEqualTo(whole(content));
        }
    }

    @Test
    void anyBytesGiveTheLinesOfTheWholeDecode() {
        Random random = new Random(7);
        byte[] alphabet = {'a', 'b', '\n', '\r', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, ' '};
        for (int round = 0; round < 2_000; round++) {
            byte[] content = new byte[random.nextInt(30)];
            for (int i = 0; i < content.length; i++) {
                content[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertThat(new FileLines(content))
                    .as("round %d: %s", round, Arrays.toString(content))
                    .isEqualTo(whole(content));
        }
    }

    @Test
    void linesAreComparedAsTheirText() {
        FileLines utf8 = new FileLines("x\né\ny\n".getBytes(StandardCharsets.UTF_8));
        FileLines latin1 = new FileLines("x\né\ny\n\u00ff".getBytes(StandardCharsets.ISO_8859_1));
        FileLines same = new FileLines("x\né\nz\n".getBytes(StandardCharsets.UTF_8));

        assertThat(utf8.sameLine(0, latin1, 0)).isTrue();
        assertThat(utf8.sameLine(1, same, 1)).isTrue();
        assertThat(utf8.sameLine(2, same, 2)).isFalse();
        assertThat(utf8.sameLine(0, same, 1)).isFalse();
    }
}
