package dev.keel.core.config;

import dev.keel.core.io.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Configurations that name special or oversized files. Each gives one located error. */
class HostileConfigurationTest extends ConfigFixture {

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
                "cannot read the file: " + dir.resolve("big.toml")
                        + " is too large for a configuration file: 16,777,217 bytes, more than 16 MiB",
                "");
    }

    @Test
    void overlayFilesNamingADirectory() throws IOException {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a.overlay.toml"]
                """);
        Files.createDirectories(dir.resolve("a.overlay.toml"));
        expectOnly(
                "a.overlay.toml",
                0,
                0,
                "",
                "cannot read overlay file: " + abs("a.overlay.toml") + " is a directory, not a regular file",
                "");
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
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].source",
                "overlay source " + abs("fix.patch") + " is a character device, not a regular file",
                "the path is relative to the file that declares the overlay");
    }
}
