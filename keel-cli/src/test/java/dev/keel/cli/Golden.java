package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: what users see (a command's exit code, stdout and stderr; a help text) pinned
 * byte for byte in {@code src/test/resources/dev/keel/cli/PATH}, so every change shows in review. Run the tests with {@code -Dkeel.golden.update=true} to rewrite the files from the
 * current output (then read the diff before committing).
 */
final class Golden {

    private static final Path SOURCE_DIR = Path.of("src/test/resources/dev/keel/cli");

    private Golden() {}

    /** The text a golden file holds for one command run, with {@code root} shown as {@code <dir>}. */
    static String transcript(CliRunner result, Path root) {
        String text = "exit: " + result.exitCode() + "\n--- stdout\n" + result.out() + "--- stderr\n" + result.err();
        return text.replace(root.toAbsolutePath().toString(), "<dir>");
    }

    /** Asserts that {@code actual} is the golden file's text, or rewrites the file when updating. */
    static void check(String path, String actual) {
        Path file = SOURCE_DIR.resolve(path);
        try {
            if (Boolean.getBoolean("keel.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(file))
                    .as("golden file %s is missing: run with -Dkeel.golden.update=true to create it", file)
                    .isTrue();
            assertThat(actual)
                    .as("output differs from %s (rerun with -Dkeel.golden.update=true to accept)", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
