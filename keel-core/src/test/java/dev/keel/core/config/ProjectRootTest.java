package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the project: a -C that is not a directory, and a root file that is not a file, are named. */
class ProjectRootTest {

    @TempDir
    Path dir;

    private static void expect(Path start, Path where, String message) {
        assertThatThrownBy(() -> ProjectLoader.findRootFile(start))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors())
                                .extracting(ConfigError::location, ConfigError::message)
                                .containsExactly(tuple(Location.of(where), message)));
    }

    @Test
    void aMissingProjectDirectory() {
        expect(dir.resolve("missing"), dir.resolve("missing"), "the project directory does not exist");
    }

    @Test
    void aFileGivenAsProjectDirectory() throws IOException {
        Files.writeString(dir.resolve("file"), "");
        expect(dir.resolve("file"), dir.resolve("file"), "the project directory is not a directory");
    }

    @Test
    void aRootFileThatIsADirectory() throws IOException {
        Files.createDirectories(dir.resolve("azldev.toml"));
        expect(dir, dir.resolve("azldev.toml"), "the project file is a directory, not a regular file");
    }
}
