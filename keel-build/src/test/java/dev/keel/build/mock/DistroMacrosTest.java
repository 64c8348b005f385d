package dev.keel.build.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macros of the distro version a project builds: from its mock configuration, else Fedora's. */
class DistroMacrosTest {

    @TempDir
    Path dir;

    private DistroMacros.Result macros(String distro) throws Exception {
        Files.writeString(dir.resolve("azldev.toml"), distro);
        return DistroMacros.of(new ProjectLoader(false).load(dir.resolve("azldev.toml")));
    }

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String MOCK_DISTRO = """
            [project]
            default-distro = { name = "azurelinux" }
            [distros.azurelinux]
            default-version = "4.0"
            [distros.azurelinux.versions."4.0"]
            release-ver = "4.0"
            mock-config = "mock/azl4.cfg"
            mock-config-x86_64 = "mock/azl4-x86_64.cfg"
            mock-config-aarch64 = "mock/azl4-aarch64.cfg"
            """;

    @Test
    void readsTheMacrosOfTheMockConfigurationAndItsIncludes() throws Exception {
        write("mock/azl4-x86_64.cfg", "config_opts['target_arch'] = 'x86_64'\ninclude('azl4.tpl')\n");
        write("mock/azl4-aarch64.cfg", "config_opts['target_arch'] = 'aarch64'\ninclude('azl4.tpl')\n");
        write("mock/azl4.cfg", "include('azl4.tpl')\n");
        write("mock/azl4.tpl", """
                config_opts['macros']['%dist'] = '.azl4'
                config_opts["macros"]["%vendor"] = "Microsoft Corporation"  # a comment
                config_opts['macros']['%_host_template'] = '{{ target_arch }}-linux'
                config_opts['root'] = 'azl-4.0-{{ target_arch }}'
                """);
        DistroMacros.Result result = macros(MOCK_DISTRO);
        assertThat(result.macros())
                .containsExactlyEntriesOf(
                        new java.util.TreeMap<>(Map.of("dist", ".azl4", "vendor", "Microsoft Corporation")));
        assertThat(result.notes())
                .containsExactly(
                        "macro %_host_template of azl4.tpl is a mock template, which Keel does not expand: left out");
    }

    @Test
    void anIncludeOutOfTheConfigurationsDirectoryIsRefused() throws Exception {
        write("secret.cfg", "config_opts['macros']['%dist'] = '.stolen'\n");
        for (String include : new String[] {"../secret.cfg", "/etc/hostname"}) {
            write("mock/azl4-x86_64.cfg", "include('" + include + "')\n");
            write("mock/azl4-aarch64.cfg", "include('" + include + "')\n");
            assertThatThrownBy(() -> macros(MOCK_DISTRO))
                    .as(include)
                    .hasMessageContaining("mock configuration includes '" + include + "', which is outside");
        }
    }

    @Test
    void anIncludeThatLinksOutIsRefused() throws Exception {
        write("secret.cfg", "config_opts['macros']['%dist'] = '.stolen'\n");
        Files.createDirectories(dir.resolve("mock"));
        Files.createSymbolicLink(dir.resolve("mock/linked.tpl"), dir.resolve("secret.cfg"));
        write("mock/azl4-x86_64.cfg", "include('linked.tpl')\n");
        write("mock/azl4-aarch64.cfg", "include('linked.tpl')\n");
        assertThatThrownBy(() -> macros(MOCK_DISTRO)).hasMessageContaining("a link out of");
    }

    @Test
    void anIncludeLoopEndsAsInMockWhichSkipsAFileAlreadyIncluded() throws Exception {
        write("mock/azl4-x86_64.cfg", "include('azl4.tpl')\n");
        write("mock/azl4-aarch64.cfg", "include('azl4.tpl')\n");
        write("mock/azl4.tpl", "config_opts['macros']['%dist'] = '.azl4'\ninclude('azl4-x86_64.cfg')\n");
        assertThat(macros(MOCK_DISTRO).macros()).containsOnlyKeys("dist");
    }

    @Test
    void aNumberedFedoraReleaseWithoutMockConfigurationIsFcN() throws Exception {
        DistroMacros.Result result = macros("""
                [project]
                default-distro = { name = "fedora", version = "43" }
                [distros.fedora.versions.43]
                release-ver = "43"
                """);
        assertThat(result.macros()).containsEntry("dist", ".fc43").containsEntry("fedora", "43");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void otherwiseThereIsNoDistTagAndANoteSaysSo() throws Exception {
        DistroMacros.Result result = macros("""
                [project]
                default-distro = { name = "fedora", version = "rawhide" }
                [distros.fedora.versions.rawhide]
                release-ver = "rawhide"
                """);
        assertThat(result.macros()).isEmpty();
        assertThat(result.notes())
                .containsExactly(
                        "distro fedora rawhide defines no dist tag: %{?dist} is empty unless a component's build.defines sets it");
        assertThat(macros("").notes()).containsExactly("the project has no default-distro: builds get no dist tag");
    }

    @Test
    void azureLinuxBuildsWithItsMockConfigurationsDistTag() throws Exception {
        Path corpus = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus/azurelinux-4.0-config")
                .toAbsolutePath()
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isDirectory(corpus), "corpus not found at " + corpus + "; skipping");
        DistroMacros.Result result = DistroMacros.of(new ProjectLoader(false).load(corpus.resolve("azldev.toml")));
        assertThat(result.macros())
                .containsEntry("dist", ".azl4")
                .containsEntry("vendor", "Microsoft Corporation")
                .containsEntry("distribution", "Azure Linux");
        assertThat(result.notes()).isEmpty();
    }
}
