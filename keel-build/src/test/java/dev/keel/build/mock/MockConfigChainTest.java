package dev.keel.build.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.outcome.FailureException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mock configuration's lines with its includes inlined as mock executes them, and the hostile cases. */
class MockConfigChainTest {

    @TempDir
    Path dir;

    private Path write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> texts(Path config) throws Exception {
        return MockConfigChain.lines(config).stream()
                .map(line -> line.file().getFileName() + ":" + line.line() + " " + line.text())
                .toList();
    }

    @Test
    void anIncludeIsReplacedInPlaceByTheFileWithNestedIncludesFromTheConfigurationsDirectory() throws Exception {
        Path config = write("mock/a.cfg", "first\n  include('sub/b.tpl')  # common\nlast");
        write("mock/sub/b.tpl", "b1\ninclude(\"c.tpl\")\nb3\n");
        write("mock/c.tpl", "c1\n");
        assertThat(texts(config))
                .containsExactly("a.cfg:1 first", "b.tpl:1 b1", "c.tpl:1 c1", "b.tpl:3 b3", "a.cfg:3 last");
        assertThat(MockConfigChain.read(config))
                .filteredOn(MockConfigChain.Enter.class::isInstance)
                .extracting(entry -> ((MockConfigChain.Enter) entry).line())
                .containsExactly(2, 2);
    }

    @Test
    void aFileAlreadyIncludedIsSkippedAsMockSkipsItSoALoopEnds() throws Exception {
        Path config = write("mock/a.cfg", "a1\ninclude('b.tpl')\ninclude('b.tpl')\ninclude('a.cfg')\n");
        write("mock/b.tpl", "b1\ninclude('a.cfg')\n");
        assertThat(texts(config)).containsExactly("a.cfg:1 a1", "b.tpl:1 b1");
        assertThat(MockConfigChain.read(config))
                .filteredOn(entry -> entry instanceof MockConfigChain.Enter enter && enter.repeated())
                .hasSize(3);
    }

    @Test
    void includesNestAtMostEightDeep() throws Exception {
        Path config = write("mock/f0.cfg", "include('f1.tpl')\n");
        for (int level = 1; level <= 9; level++) {
            write("mock/f" + level + ".tpl", "include('f" + (level + 1) + ".tpl')\n");
        }
        write("mock/f10.tpl", "end\n");
        assertThatThrownBy(() -> MockConfigChain.read(config))
                .isInstanceOf(FailureException.class)
                .hasMessageContaining("includes nest deeper than 8 files")
                .satisfies(e -> assertThat(
                                ((FailureException) e).failure().location().toString())
                        .endsWith("f8.tpl:1"));
    }

    @Test
    void anIncludeOutOfTheDirectoryIsRefusedWithItsFileAndLine() throws Exception {
        write("secret.cfg", "stolen\n");
        for (String include : new String[] {"../secret.cfg", "/etc/hostname"}) {
            Path config = write("mock/a.cfg", "x\ninclude('" + include + "')\n");
            assertThatThrownBy(() -> MockConfigChain.read(config))
                    .as(include)
                    .hasMessageContaining("mock configuration includes '" + include + "', which is outside")
                    .satisfies(e -> assertThat(
                                    ((FailureException) e).failure().location().toString())
                            .endsWith("a.cfg:2"));
        }
    }

    @Test
    void anIncludeThatLinksOutIsRefused() throws Exception {
        write("secret.cfg", "stolen\n");
        Files.createDirectories(dir.resolve("mock"));
        Files.createSymbolicLink(dir.resolve("mock/linked.tpl"), dir.resolve("secret.cfg"));
        Path config = write("mock/a.cfg", "include('linked.tpl')\n");
        assertThatThrownBy(() -> MockConfigChain.read(config)).hasMessageContaining("a link out of");
    }

    @Test
    void aMissingFileIsReportedWhereItIsIncluded() throws Exception {
        Path config = write("mock/a.cfg", "include('gone.tpl')\n");
        assertThatThrownBy(() -> MockConfigChain.read(config))
                .hasMessageContaining("includes 'gone.tpl', which does not exist")
                .satisfies(e ->
                        assertThat(((FailureException) e).failure().hint()).contains("directory of the configuration"));
        assertThatThrownBy(() -> MockConfigChain.read(dir.resolve("mock/none.cfg")))
                .hasMessage("mock configuration not found");
    }

    @Test
    void anIncludeThatIsNotAStringLiteralIsRefusedNotEvaluated() throws Exception {
        Path config = write("mock/a.cfg", "name = 'b.tpl'\ninclude(name)\n");
        assertThatThrownBy(() -> MockConfigChain.read(config))
                .hasMessageContaining("has an include Keel cannot follow: include(name)")
                .satisfies(
                        e -> assertThat(((FailureException) e).failure().hint()).contains("does not evaluate Python"));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path config = write("mock/a.cfg", "include('huge.tpl')\n");
        try (RandomAccessFile huge =
                new RandomAccessFile(dir.resolve("mock/huge.tpl").toFile(), "rw")) {
            huge.setLength(17L * 1024 * 1024);
        }
        assertThatThrownBy(() -> MockConfigChain.read(config)).hasMessageContaining("huge.tpl");
    }
}
