package dev.keel.build.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.build.backend.BuildTarget;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-contained mock configuration of a distro version: the chain inlined, then Keel's additions. */
class MockConfigTest {

    @TempDir
    Path dir;

    private static final String PROJECT = """
            [project]
            default-distro = { name = "azl" }
            [distros.azl]
            default-version = "4.0"
            [distros.azl.versions."4.0"]
            release-ver = "4.0"
            mock-config-x86_64 = "mock/azl4-x86_64.cfg"
            [distros.azl.versions."4.0".inputs]
            rpm-build = [{ repo = "base" }, { repo = "signed" }]
            [resources.rpm-repos.base]
            base-uri = "https://example.test/base/$basearch"
            disable-gpg-check = true
            [resources.rpm-repos.signed]
            base-uri = "https://example.test/signed"
            gpg-key = "https://example.test/key.asc"
            """;

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Project project(String toml) throws Exception {
        write("azldev.toml", toml);
        return new ProjectLoader(false).load(dir.resolve("azldev.toml"));
    }

    @Test
    void inlinesTheChainThenAddsTheInputRepositoriesAndTheMacros() throws Exception {
        write("mock/azl4-x86_64.cfg", "config_opts['target_arch'] = 'x86_64'\ninclude('azl4.tpl')\n");
        write("mock/azl4.tpl", """
                config_opts['root'] = 'azl-4.0-{{ target_arch }}'
                config_opts['macros']['%dist'] = '.azl4'
                config_opts['macros']['%vendor'] = "Keel's"
                """);
        Project project = project(PROJECT);
        String config = MockConfig.render(project, BuildTarget.of(project, "azl", null), "x86_64");
        assertThat(config).isEqualTo("""
                # Keel: mock configuration of azl 4.0 for x86_64, written by Keel from mock/azl4-x86_64.cfg
                # Keel: and its includes, inlined as mock reads them, then what Keel adds on top. Keel does not
                # Keel: evaluate Python: jinja templates ({{ ... }}, {% ... %}) are left for mock to expand.
                # Keel: Use it with mock -r FILE.cfg (mock takes -r as a path when it ends in .cfg).
                config_opts['target_arch'] = 'x86_64'
                # Keel: include('azl4.tpl') inlined: mock/azl4.tpl
                config_opts['root'] = 'azl-4.0-{{ target_arch }}'
                config_opts['macros']['%dist'] = '.azl4'
                config_opts['macros']['%vendor'] = "Keel's"
                # Keel: end of mock/azl4.tpl

                # Keel: the input repositories of azl 4.0 (inputs.rpm-build), added to dnf.conf
                config_opts['dnf.conf'] = config_opts.get('dnf.conf', '') + \"""
                [base]
                name=base
                baseurl=https://example.test/base/$basearch
                enabled=1
                gpgcheck=0
                skip_if_unavailable=False

                [signed]
                name=signed
                baseurl=https://example.test/signed
                enabled=1
                gpgcheck=1
                gpgkey=https://example.test/key.asc
                skip_if_unavailable=False

                \"""

                # Keel: the distro macros Keel defines on every build of azl 4.0 (read from the lines above)
                config_opts['macros']['%dist'] = '.azl4'
                config_opts['macros']['%vendor'] = "Keel's"
                """);
        assertThat(MockConfig.render(project, BuildTarget.of(project, "azl", "4.0"), "x86_64"))
                .as("the same bytes again")
                .isEqualTo(config);
    }

    @Test
    void aRepositoryAddressThatWouldEndThePythonStringIsRefused() throws Exception {
        write("mock/azl4-x86_64.cfg", "config_opts['root'] = 'azl'\n");
        Project project = project(PROJECT.replace("https://example.test/signed", "https://x/\\\"\\\"\\\"\\nimport os"));
        assertThatThrownBy(
                        () -> MockConfig.render(project, BuildTarget.of(project).orElseThrow(), "x86_64"))
                .hasMessageContaining("input repository signed cannot go into a mock configuration");
    }

    @Test
    void anUnknownVersionOrArchitectureIsAClearError() throws Exception {
        write("mock/azl4-x86_64.cfg", "config_opts['root'] = 'azl'\n");
        Project project = project(PROJECT);
        assertThatThrownBy(() -> MockConfig.render(project, BuildTarget.of(project, "azl", "9"), "x86_64"))
                .hasMessage("distro azl 9 is not defined")
                .satisfies(e -> assertThat(((dev.keel.core.outcome.FailureException) e)
                                .failure()
                                .hint())
                        .isEqualTo("the versions of azl are [4.0]"));
        assertThatThrownBy(() -> MockConfig.render(project, BuildTarget.of(project, "azl", "4.0"), "aarch64"))
                .hasMessage("distro azl 4.0 has no mock configuration for aarch64");
    }
}
