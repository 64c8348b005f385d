package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile configurations: component names that would become paths outside the tree, paths that
 * leave the project directory (directly, absolutely or through a symbolic link), and glob includes
 * that meet symbolic links. Each is a located error; nothing is loaded.
 */
class ConfinedConfigurationTest extends ConfigFixture {

    private static final String NAME_HINT = PackageNames.HINT;

    // ------------------------------------------------------------------ component names

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "'../../x'      | the name contains a path separator '/'",
                "'/abs/x'       | the name contains a path separator '/'",
                "'a\\\\b'       | the name contains a path separator '\\'",
                "'.hidden'      | the name contains '.', which rpm does not allow in a package name",
                "'-rf'          | the name starts with '-'",
                "'a..b'         | the name contains '..'",
                "'a b'          | the name contains ' ', which rpm does not allow in a package name",
                "'a\\u0007b'    | the name contains a control character",
                "'a\\u001b[2Jb' | the name contains a control character",
                "''             | the name is empty",
                "'caf\\u00e9'   | the name contains 'é', which rpm does not allow in a package name",
                "'a$b'          | the name contains '$', which rpm does not allow in a package name",
            })
    void componentNamesThatAreNoPackageNamesAreRefused(String key, String problem) {
        write("azldev.toml", "[components." + key.replace("'", "\"") + "]\n");
        ConfigError error = onlyError();
        assertThat(error.message()).startsWith("invalid component name '").endsWith("': " + adjust(problem, key));
        assertThat(relative(error.location().file())).isEqualTo("azldev.toml");
        assertThat(error.location().line()).isEqualTo(1);
        assertThat(error.hint()).isEqualTo(NAME_HINT);
    }

    /** A leading dot is reported as the first character rather than as a disallowed one. */
    private static String adjust(String problem, String key) {
        return key.equals("'.hidden'") ? "the name starts with '.'" : problem;
    }

    @Test
    void aNameLongerThanAFileNameAllowsIsRefused() {
        String name = "a".repeat(PackageNames.MAX_LENGTH + 1);
        write("azldev.toml", "[components." + name + "]\n");
        assertThat(onlyError().message())
                .isEqualTo("invalid component name '" + name + "': the name is longer than 200 characters");
    }

    @Test
    void realPackageNamesAreAccepted() {
        write("azldev.toml", """
                [components."389-ds-base"]
                [components."perl-Text-CSV_XS"]
                [components."libstdc++"]
                [components."python3.13"]
                [components."_private"]
                """);
        assertThat(load().components())
                .containsOnlyKeys("389-ds-base", "perl-Text-CSV_XS", "libstdc++", "python3.13", "_private");
    }

    @Test
    void anUpstreamNameThatLeavesItsDirectoryIsRefused() {
        write("azldev.toml", """
                [components.a]
                spec = { upstream-name = "../../etc/passwd" }
                """);
        expectOnly(
                "azldev.toml",
                2,
                10,
                "components.a.spec.upstream-name",
                "invalid upstream-name '../../etc/passwd': the name contains a path separator '/'",
                NAME_HINT);
    }

    @Test
    void aSpecGroupSpecWhoseFileNameIsNoPackageNameIsRefused() {
        write("specs/-x.spec", "Name: x\n");
        write("azldev.toml", """
                [component-groups.local]
                specs = ["specs/*.spec"]
                """);
        assertThat(onlyError().message()).isEqualTo("invalid component name '-x': the name starts with '-'");
    }

    // ------------------------------------------------------------------ paths

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rendered-specs-dir | ../specs",
                "lock-dir           | ../../locks",
                "work-dir           | /tmp/keel-work",
                "output-dir         | build/../../out",
                "log-dir            | /var/log/keel",
            })
    void projectDirectoriesMustStayInsideTheProject(String key, String value) {
        write("azldev.toml", "[project]\n" + key + " = \"" + value + "\"\n");
        expectOnly(
                "azldev.toml",
                2,
                1,
                "project." + key,
                "'" + value + "' leaves the project directory",
                "paths in the configuration must stay inside " + abs("") + ", symbolic links included");
    }

    @Test
    void aParentDirectoryThatStaysInsideIsFine() {
        write("base/project.toml", "[project]\nrendered-specs-dir = '../specs'\n");
        write("azldev.toml", "includes = [\"base/project.toml\"]\n");
        assertThat(load().renderedSpecsDir()).isEqualTo(dir.resolve("specs"));
    }

    @Test
    void aDirectoryReachedThroughASymbolicLinkThatLeavesIsRefused(@TempDir Path elsewhere) throws IOException {
        Files.createSymbolicLink(dir.resolve("out-link"), elsewhere);
        write("azldev.toml", "[project]\noutput-dir = \"out-link/out\"\n");
        assertThat(onlyError().message()).isEqualTo("'out-link/out' leaves the project directory");
    }

    @Test
    void aLocalSpecOutsideTheProjectIsRefused() {
        write("azldev.toml", """
                [components.a]
                spec = { type = "local", path = "../a.spec" }
                """);
        assertThat(errors()).extracting(ConfigError::message).contains("'../a.spec' leaves the project directory");
    }

    @Test
    void anOverlaySourceOutsideTheProjectIsRefused() {
        write("azldev.toml", """
                [components.a]
                overlays = [{ type = "patch-add", source = "/etc/passwd" }]
                """);
        ConfigError error = errors().get(0);
        assertThat(error.message()).isEqualTo("'/etc/passwd' leaves the project directory");
        assertThat(error.keyPath()).isEqualTo("components.a.overlays[0].source");
    }

    @Test
    void overlayFilesGlobsMustStayInside() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["../*.overlay.toml"]
                """);
        ConfigError error = onlyError();
        assertThat(error.message()).isEqualTo("'../*.overlay.toml' leaves the project directory");
        assertThat(error.keyPath()).isEqualTo("components.a.overlay-files[0]");
    }

    @Test
    void aGlobWithParentSegmentsInTheMiddleIsRefused() {
        write("azldev.toml", """
                [component-groups.g]
                specs = ["specs/../../*.spec"]
                """);
        assertThat(onlyError().message()).isEqualTo("'specs/../../*.spec' leaves the project directory");
    }

    @Test
    void aMockConfigOnTheHostIsRefused() {
        write("azldev.toml", """
                [distros.d]
                default-version = "1"
                [distros.d.versions.1]
                release-ver = "1"
                mock-config = "/etc/mock/fedora-43-x86_64.cfg"
                """);
        assertThat(onlyError().message()).isEqualTo("'/etc/mock/fedora-43-x86_64.cfg' leaves the project directory");
    }

    // ------------------------------------------------------------------ glob includes and symbolic links

    @Test
    void aGlobIncludeFollowsALinkThatStaysInside() throws IOException {
        write("real/a.comp.toml", "[components.a]\n");
        Files.createDirectories(dir.resolve("comps"));
        Files.createSymbolicLink(dir.resolve("comps/a.comp.toml"), dir.resolve("real/a.comp.toml"));
        write("azldev.toml", "includes = [\"comps/*.comp.toml\"]\n");
        assertThat(load().components()).containsOnlyKeys("a");
    }

    @Test
    void aGlobIncludeThatMeetsALinkLeavingTheProjectIsRefused(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("evil.comp.toml"), "[components.evil]\n");
        Files.createDirectories(dir.resolve("comps"));
        Files.createSymbolicLink(dir.resolve("comps/evil.comp.toml"), elsewhere.resolve("evil.comp.toml"));
        write("azldev.toml", "includes = [\"comps/*.comp.toml\"]\n");
        ConfigError error = onlyError();
        assertThat(error.message())
                .isEqualTo("cannot list files for 'comps/*.comp.toml': " + dir.resolve("comps/evil.comp.toml")
                        + " is a symbolic link to " + elsewhere.toRealPath().resolve("evil.comp.toml")
                        + ", which is outside " + dir.toRealPath());
        assertThat(error.location().line()).isEqualTo(1);
    }

    @Test
    void aGlobIncludeThatMeetsADirectoryLinkLeavingTheProjectIsRefused(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("x.comp.toml"), "[components.x]\n");
        Files.createDirectories(dir.resolve("comps"));
        Files.createSymbolicLink(dir.resolve("comps/sub"), elsewhere);
        write("azldev.toml", "includes = [\"comps/**/*.comp.toml\"]\n");
        assertThat(onlyError().message()).contains(" is a symbolic link to ").contains(", which is outside ");
    }

    @Test
    void aSymbolicLinkLoopUnderAGlobIncludeIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("comps"));
        Files.createSymbolicLink(dir.resolve("comps/loop"), dir.resolve("comps"));
        write("azldev.toml", "includes = [\"comps/**/*.comp.toml\"]\n");
        assertThat(onlyError().message()).endsWith("is a symbolic link loop");
    }

    @Test
    void aBrokenLinkUnderAGlobIncludeIsSkipped() throws IOException {
        write("comps/a.comp.toml", "[components.a]\n");
        Files.createSymbolicLink(dir.resolve("comps/gone.comp.toml"), dir.resolve("nowhere.toml"));
        write("azldev.toml", "includes = [\"comps/*.comp.toml\"]\n");
        assertThat(load().components()).containsOnlyKeys("a");
    }
}
