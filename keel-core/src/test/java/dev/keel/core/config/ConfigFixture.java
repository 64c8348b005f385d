package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** A project written into a temporary directory, loaded, and its errors checked. */
abstract class ConfigFixture {

    @TempDir
    Path dir;

    /** Writes {@code text} to {@code path} (relative to the temp dir), creating directories. */
    Path write(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Project load() {
        return load("azldev.toml");
    }

    Project load(String rootFile) {
        return new ProjectLoader(false).load(dir.resolve(rootFile));
    }

    /** Every error (not warning) of a load that must fail. */
    List<ConfigError> errors(String rootFile) {
        ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> load(rootFile));
        assertThat(thrown).as("the load should fail").isNotNull();
        return thrown.errors().stream()
                .filter(e -> e.severity() == ConfigError.Severity.ERROR)
                .toList();
    }

    List<ConfigError> errors() {
        return errors("azldev.toml");
    }

    /** The one error of a load that must fail with exactly one error. */
    ConfigError onlyError() {
        return onlyError("azldev.toml");
    }

    ConfigError onlyError(String rootFile) {
        List<ConfigError> errors = errors(rootFile);
        assertThat(errors)
                .as("errors:%n%s", errors.stream().map(ConfigError::format).toList())
                .hasSize(1);
        return errors.get(0);
    }

    /** Asserts every part of an error; {@code file} is relative to the temp dir. */
    void assertError(
            ConfigError error, String file, int line, int column, String keyPath, String message, String hint) {
        assertThat(error.severity()).isEqualTo(ConfigError.Severity.ERROR);
        assertThat(error.message()).as("message").isEqualTo(message);
        assertThat(relative(error.location().file())).as("file").isEqualTo(file);
        assertThat(error.location().line()).as("line").isEqualTo(line);
        assertThat(error.location().column()).as("column").isEqualTo(column);
        assertThat(error.keyPath()).as("key path").isEqualTo(keyPath);
        assertThat(error.hint()).as("hint").isEqualTo(hint);
    }

    /** Loads, expects exactly one error and asserts it. */
    void expectOnly(String file, int line, int column, String keyPath, String message, String hint) {
        assertError(onlyError(), file, line, column, keyPath, message, hint);
    }

    String relative(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** An absolute path below the temp dir, as the loader writes it in messages. */
    String abs(String path) {
        return dir.resolve(path).toAbsolutePath().normalize().toString().replace('\\', '/');
    }
}
