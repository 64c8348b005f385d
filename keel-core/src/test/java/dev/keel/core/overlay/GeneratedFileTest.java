package dev.keel.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.Overlay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file Keel generates into the sources is Keel's in provenance, line by line, whatever it replaces. */
class GeneratedFileTest {

    private static final LocatedOverlay MAKER = new LocatedOverlay(
            -1,
            Overlay.FileAdd.generated("demo.azl.macros"),
            new Location(Path.of("azldev.toml"), 1, 1),
            "render: macros file");

    private static SourceFile text(String content) {
        return new SourceFile(content.getBytes(StandardCharsets.UTF_8), false);
    }

    private static OverlayEngine.Session session(Map<String, SourceFile> files) {
        return new OverlayEngine(Path.of(".")).open("demo", SourceTree.of(files), "demo.spec");
    }

    @Test
    void everyLineOfAGeneratedFileIsItsMakers() {
        OverlayEngine.Session session = session(Map.of("demo.spec", text("Name: demo\n")));

        session.generate("demo.azl.macros", text("%a 1\n%b 2\n"), MAKER);

        SourceProvenance origins = session.result().origins();
        assertThat(origins.file("demo.azl.macros").madeBy()).contains(MAKER);
        assertThat(origins.editedFiles().get("demo.azl.macros"))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).isEqualTo(new LineSource.FromOverlay(MAKER)));
    }

    @Test
    void aGeneratedFileReplacesAnUpstreamFileOfItsNameAndOwnsItsLines() {
        OverlayEngine.Session session =
                session(Map.of("demo.spec", text("Name: demo\n"), "demo.azl.macros", text("upstream\n")));

        session.generate("demo.azl.macros", text("%a 1\n"), MAKER);

        OverlayResult result = session.result();
        assertThat(result.tree().get("demo.azl.macros").orElseThrow().content())
                .isEqualTo("%a 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.origins().overlaysOf("demo.azl.macros")).contains(MAKER);
    }

    @Test
    void keelNeverGeneratesTheSpec() {
        OverlayEngine.Session session = session(Map.of("demo.spec", text("Name: demo\n")));

        assertThatThrownBy(() -> session.generate("demo.spec", text("Name: other\n"), MAKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demo.spec");
    }
}
