package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel mock config}: the configuration printed or written, and its errors located. */
class MockCommandTest {

    @TempDir
    Path dir;

    private void project() throws Exception {
        Files.writeString(dir.resolve("azldev.toml"), """
                [project]
                default-distro = { name = "azl" }
                [distros.azl]
                default-version = "4.0"
                [distros.azl.versions."4.0"]
                release-ver = "4.0"
                mock-config = "mock/azl4.cfg"
                [distros.azl.versions."5.0"]
                release-ver = "5.0"
                mock-config-aarch64 = "mock/azl5-aarch64.cfg"
                """);
        Files.createDirectories(dir.resolve("mock"));
        Files.writeString(dir.resolve("mock/azl4.cfg"), "config_opts['root'] = 'azl4'\ninclude('common.tpl')\n");
        Files.writeString(dir.resolve("mock/common.tpl"), "config_opts['macros']['%dist'] = '.azl4'\n");
        Files.writeString(dir.resolve("mock/azl5-aarch64.cfg"), "config_opts['root'] = 'azl5'\ninclude('x.tpl')\n");
    }

    @Test
    void printsTheDefaultVersionsConfigurationOrWritesItToAFile() throws Exception {
        project();
        CliRunner printed = CliRunner.run("-C", dir.toString(), "mock", "config", "--arch", "x86_64");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out())
                .startsWith("# Keel: mock configuration of azl 4.0 for x86_64, written by Keel from mock/azl4.cfg\n")
                .contains("config_opts['root'] = 'azl4'\n# Keel: include('common.tpl') inlined: mock/common.tpl\n")
                .endsWith("config_opts['macros']['%dist'] = '.azl4'\n");
        Path file = dir.resolve("out/azl4.cfg");
        Files.createDirectories(file.getParent());
        CliRunner written = CliRunner.run(
                "-C",
                dir.toString(),
                "mock",
                "config",
                "--distro",
                "azl",
                "--version",
                "4.0",
                "--arch",
                "x86_64",
                "-o",
                file.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(printed.out());
    }

    @Test
    void errorsAreLocatedWithoutAStackTrace() throws Exception {
        project();
        CliRunner missing =
                CliRunner.run("-C", dir.toString(), "mock", "config", "--version", "5.0", "--arch", "aarch64");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .contains("mock/azl5-aarch64.cfg:2")
                .contains("includes 'x.tpl', which does not exist")
                .doesNotContain("Exception");
        CliRunner noArch =
                CliRunner.run("-C", dir.toString(), "mock", "config", "--version", "5.0", "--arch", "x86_64");
        assertThat(noArch.exitCode()).isEqualTo(1);
        assertThat(noArch.err()).contains("distro azl 5.0 has no mock configuration for x86_64");
        CliRunner badArch = CliRunner.run("-C", dir.toString(), "mock", "config", "--arch", "x86_64;rm");
        assertThat(badArch.exitCode()).isEqualTo(2);
        assertThat(badArch.err()).contains("--arch: not an architecture");
    }
}
