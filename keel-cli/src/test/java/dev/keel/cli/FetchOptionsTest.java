package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --max-download-size} and {@code --offline} on the commands that fetch. */
class FetchOptionsTest {

    @TempDir
    Path dir;

    @Test
    void sizesTakeBinaryUnits() {
        FetchOptions.ByteSize size = new FetchOptions.ByteSize();
        assertThat(size.convert("1048576")).isEqualTo(1L << 20);
        assertThat(size.convert("512K")).isEqualTo(512L << 10);
        assertThat(size.convert("500m")).isEqualTo(500L << 20);
        assertThat(size.convert("4GiB")).isEqualTo(4L << 30);
        assertThat(size.convert("2 GB")).isEqualTo(2L << 30);
        assertThat(size.convert("1T")).isEqualTo(1L << 40);
        for (String bad : new String[] {"lots", "-1", "0", "1.5G", "4X", "99999999999999T", ""}) {
            assertThatThrownBy(() -> size.convert(bad)).as(bad).isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }

    @Test
    void aBadSizeIsAUsageErrorOnEveryFetchingCommand() {
        for (String command : new String[] {"render", "update", "prepare-sources"}) {
            CliRunner result = CliRunner.run("component", command, "--max-download-size", "lots", "x");
            assertThat(result.exitCode()).as(command).isEqualTo(2);
            assertThat(result.err()).contains("'lots' is not a size");
        }
    }

    @Test
    void aDownloadPastTheLimitFailsNamingTheLimitAndTheOption() throws Exception {
        String previous = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        try {
            ExampleDistro example = ExampleDistro.install(dir.resolve("example"));
            CliRunner prepare = CliRunner.run(
                    "-C",
                    example.project().toString(),
                    "component",
                    "prepare-sources",
                    "hello",
                    "--max-download-size",
                    "1K",
                    "-o",
                    dir.resolve("prepared").toString());
            assertThat(prepare.exitCode()).isEqualTo(1);
            assertThat(prepare.err())
                    .startsWith("error: cannot fetch file://")
                    .contains("/hello: larger than the download limit of 1 KiB (--max-download-size)");
            assertThat(dir.resolve("prepared")).doesNotExist();
        } finally {
            if (previous == null) {
                System.clearProperty(KeelCache.PROPERTY);
            } else {
                System.setProperty(KeelCache.PROPERTY, previous);
            }
        }
    }
}
