package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.io.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Configurations built to exhaust the stack, the heap or the CPU: deep TOML nesting, huge or
 * deeply nested regexes and globs, special and oversized files. Each gives one located error.
 */
class HostileConfigurationTest extends ConfigFixture {

    private static final String METADATA = """
            [metadata]
            category = "azl-compatibility"
            upstream-status = "inapplicable"

            """;
    private static final String TOO_DEEP =
            "TOML syntax: nested more than 100 levels deep (tables, arrays and inline tables together)";

    // ------------------------------------------------------------------ TOML nesting

    @Test
    void tenThousandNestedArrays() {
        write("azldev.toml", "x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        expectOnly("azldev.toml", 1, 5 + 100, "", TOO_DEEP, "");
    }

    @Test
    void tenThousandNestedInlineTables() {
        write("azldev.toml", "x = " + "{a=".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
        expectOnly("azldev.toml", 1, 5 + 3 * 100, "", TOO_DEEP, "");
    }

    @Test
    void tenThousandDottedKeyParts() {
        write("azldev.toml", "a" + ".a".repeat(9_999) + " = 1\n");
        expectOnly("azldev.toml", 1, 1 + 2 * 100, "", TOO_DEEP, "");
    }

    @Test
    void tenThousandPartsInATableHeader() {
        write("azldev.toml", "[components.x]\n[a" + ".a".repeat(9_999) + "]\n");
        expectOnly("azldev.toml", 2, 2 + 2 * 100, "", TOO_DEEP, "");
    }

    @Test
    void anArrayOfTablesHeaderCountsTheArrayAndItsTable() {
        // 99 tables, then the array at depth 100 and its table at 101.
        write("azldev.toml", "[[a" + ".a".repeat(99) + "]]\n");
        expectOnly("azldev.toml", 1, 3 + 2 * 99, "", TOO_DEEP, "");
    }

    @Test
    void nestingThatReachesTheLimitAcrossArraysAndTablesInAnInclude() {
        write("azldev.toml", """
                includes = ["deep.toml"]
                """);
        write("deep.toml", "[a.b]\nc.d = " + "[{e = ".repeat(60) + "1" + "}]".repeat(60) + "\n");
        // [a.b] is 2 deep and c.d 4; then each "[{e = " adds an array and an inline table.
        expectOnly("deep.toml", 2, 8 + 6 * 48, "", TOO_DEEP, "");
    }

    // ------------------------------------------------------------------ regexes and globs

    @Test
    void overlayRegexWithNestedCountedRepetitions() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-search-replace"
                regex = '((a{1000}){1000}){1000}'
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].regex",
                "invalid regular expression: the pattern is too large: it compiles to more than 100,000"
                        + " instructions, more than the 2,000 Keel allows",
                "a pattern may compile to 2,000 instructions and nest groups 100 deep; nested counted"
                        + " repetitions such as (x{50}){50} multiply");
    }

    @Test
    void overlayRegexWithTenThousandNestedGroups() {
        write(
                "azldev.toml",
                "[[components.a.overlays]]\ntype = \"file-search-replace\"\nfile = \"x\"\nregex = '"
                        + "(".repeat(10_000) + "a" + ")".repeat(10_000) + "'\n");
        expectOnly(
                "azldev.toml",
                4,
                1,
                "components.a.overlays[0].regex",
                "invalid regular expression: groups are nested more than 100 levels deep",
                "a pattern may compile to 2,000 instructions and nest groups 100 deep; nested counted"
                        + " repetitions such as (x{50}){50} multiply");
    }

    @Test
    void overlayFileGlobWithDeepBraces() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a.overlay.toml"]
                """);
        write(
                "a.overlay.toml",
                METADATA + "[[overlays]]\ntype = \"file-remove\"\nfile = '" + "{a,".repeat(500) + "b" + "}".repeat(500)
                        + "'\n");
        expectOnly(
                "a.overlay.toml",
                7,
                1,
                "components.a.overlays[0].file",
                "invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100 levels deep",
                "globs take * ? ** [...] and {a,b}");
    }

    @Test
    void includeGlobWithDeepBraces() {
        write("azldev.toml", "includes = ['" + "{a,".repeat(500) + "b" + "}".repeat(500) + "']\n");
        expectOnly(
                "azldev.toml",
                1,
                13,
                "includes",
                "invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100 levels deep",
                "globs take * ? ** [...] and {a,b}; braces nest at most 100 levels deep");
    }

    @Test
    void overlayFilesGlobTooLarge() {
        write("azldev.toml", "[components.a]\noverlay-files = ['" + "?".repeat(3000) + "']\n");
        expectOnly(
                "azldev.toml",
                2,
                18,
                "components.a.overlay-files",
                // The glob is matched as an absolute path: each character of the directory counts.
                "invalid glob '" + "?".repeat(57) + "...': the pattern is too large: it compiles to "
                        + String.format("%,d", 3000 + (dir + "/").length() + 2)
                        + " instructions, more than the 2,000 Keel allows",
                "globs take * ? ** [...] and {a,b}; braces nest at most 100 levels deep");
    }

    @Test
    void componentGroupGlobsWithDeepBraces() {
        String deep = "{a,".repeat(200) + "b" + "}".repeat(200);
        write("azldev.toml", "[component-groups.g]\nspecs = ['" + deep + "']\nexcluded-paths = ['" + deep + "']\n");
        assertThat(errors())
                .extracting(ConfigError::keyPath, ConfigError::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "component-groups.g.excluded-paths",
                                "invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100 levels"
                                        + " deep"),
                        org.assertj.core.groups.Tuple.tuple(
                                "component-groups.g.specs",
                                "invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100 levels"
                                        + " deep"));
    }

    // ------------------------------------------------------------------ special and oversized files

    @Test
    void literalIncludeOfADirectory() throws IOException {
        write("azldev.toml", """
                includes = ["base"]
                """);
        Files.createDirectories(dir.resolve("base"));
        expectOnly(
                "azldev.toml",
                1,
                13,
                "includes",
                "included file base is a directory, not a regular file",
                "include TOML files");
    }

    @Test
    void literalIncludeOfACharacterDeviceThroughALink() throws IOException {
        write("azldev.toml", """
                includes = ["zero.toml"]
                """);
        Files.createSymbolicLink(dir.resolve("zero.toml"), Path.of("/dev/zero"));
        expectOnly(
                "azldev.toml",
                1,
                13,
                "includes",
                "included file zero.toml is a character device, not a regular file",
                "include TOML files");
    }

    @Test
    void anIncludedFileLargerThanTheLimit() throws IOException {
        write("azldev.toml", """
                includes = ["big.toml"]
                """);
        SpecialFiles.sparse(dir.resolve("big.toml"), (16L << 20) + 1);
        expectOnly(
                "big.toml",
                0,
                0,
                "",
                "the file is too large for a configuration file: 16,777,217 bytes, more than 16 MiB",
                "");
    }

    @Test
    void overlayFilesNamingADirectory() throws IOException {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a.overlay.toml"]
                """);
        Files.createDirectories(dir.resolve("a.overlay.toml"));
        expectOnly("a.overlay.toml", 0, 0, "", "the overlay file is a directory, not a regular file", "");
    }

    @Test
    void aLocalSpecThatIsADirectory() throws IOException {
        write("azldev.toml", """
                [components.a]
                spec = { type = "local", path = "a.spec" }
                """);
        Files.createDirectories(dir.resolve("a.spec"));
        expectOnly(
                "azldev.toml",
                2,
                26,
                "components.a.spec.path",
                "local spec " + abs("a.spec") + " is a directory, not a regular file",
                "");
    }

    @Test
    void anOverlaySourceThatIsACharacterDevice() throws IOException {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "patch-add"
                source = "fix.patch"
                """);
        Files.createSymbolicLink(dir.resolve("fix.patch"), Path.of("/dev/zero"));
        // a link to /dev/zero both leaves the project and is no regular file: both are said
        assertThat(errors())
                .extracting(ConfigError::message)
                .containsExactly(
                        "'fix.patch' leaves the project directory",
                        "overlay source " + abs("fix.patch") + " is a character device, not a regular file");
    }
}
