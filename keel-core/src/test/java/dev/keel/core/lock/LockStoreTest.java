package dev.keel.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.Location;
import dev.keel.core.io.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockStoreTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String HASH = "sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void readsAnAzldevLock() throws IOException {
        Files.writeString(dir.resolve("curl.lock"), """
                # Managed by azldev component update. Do not edit manually.
                version = 1
                import-commit = "%s"
                upstream-commit = "%s"
                manual-bump = 2
                input-fingerprint = "%s"
                resolution-input-hash = "%s"
                """.formatted(COMMIT, COMMIT, HASH, HASH));
        LockFile lock = new LockStore(dir).read("curl").orElseThrow();
        assertThat(lock).isEqualTo(new LockFile(COMMIT, COMMIT, 2, HASH, HASH));
    }

    @Test
    void aMissingLockIsEmpty() throws IOException {
        assertThat(new LockStore(dir).read("nope")).isEmpty();
    }

    @Test
    void writesInTheAzldevLayoutAndReadsItBack() throws IOException {
        LockStore store = new LockStore(dir);
        LockFile lock = new LockFile(COMMIT, "abc1234", 0, HASH, null);
        assertThat(store.write("bash", lock)).isTrue();
        assertThat(Files.readString(dir.resolve("bash.lock")))
                .isEqualTo(LockStore.HEADER + """
                version = 1
                import-commit = "%s"
                upstream-commit = "abc1234"
                input-fingerprint = "%s"
                """.formatted(COMMIT, HASH));
        assertThat(store.read("bash")).contains(lock);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bash.lock");
        }
    }

    @Test
    void doesNotRewriteAnEqualLock() throws IOException {
        LockStore store = new LockStore(dir);
        LockFile lock = new LockFile(null, null, 1, HASH, null);
        store.write("local", lock);
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(dir.resolve("local.lock"), old);
        assertThat(store.write("local", lock)).isFalse();
        assertThat(Files.getLastModifiedTime(dir.resolve("local.lock"))).isEqualTo(old);
        assertThat(store.write("local", new LockFile(null, null, 2, HASH, null)))
                .isTrue();
    }

    @Test
    void listsLockNamesWithoutDotFiles() throws IOException {
        Files.writeString(dir.resolve("b.lock"), "version = 1\n");
        Files.writeString(dir.resolve("a.lock"), "version = 1\n");
        Files.writeString(dir.resolve(".hidden.lock"), "version = 1\n");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertThat(new LockStore(dir).names()).containsExactly("a", "b");
        assertThat(new LockStore(dir.resolve("missing")).names()).isEmpty();
    }

    @Test
    void rejectsAnotherVersion() throws IOException {
        Files.writeString(dir.resolve("x.lock"), "version = 2\n");
        assertThatThrownBy(() -> new LockStore(dir).read("x")).isInstanceOfSatisfying(ConfigException.class, e -> {
            ConfigError error = e.errors().get(0);
            assertThat(error.message()).isEqualTo("unsupported lock file version");
            assertThat(error.location().line()).isEqualTo(1);
            assertThat(error.location().column()).isEqualTo(1);
        });
    }

    @Test
    void reportsEveryBadValueTogether() throws IOException {
        Files.writeString(dir.resolve("x.lock"), """
                version = 1
                import-commit = "abc"
                upstream-commit = "not-hex"
                manual-bump = -1
                input-fingerprint = "md5:00"
                colour = "blue"
                """);
        assertThatThrownBy(() -> new LockStore(dir).read("x"))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors())
                                .extracting(ConfigError::keyPath)
                                .containsExactlyInAnyOrder(
                                        "colour",
                                        "import-commit",
                                        "upstream-commit",
                                        "input-fingerprint",
                                        "manual-bump"));
    }

    @Test
    void reportsASyntaxErrorWithItsPosition() throws IOException {
        Files.writeString(dir.resolve("x.lock"), "version = 1\nupstream-commit = \n");
        assertThatThrownBy(() -> new LockStore(dir).read("x")).isInstanceOfSatisfying(ConfigException.class, e -> {
            ConfigError error = e.errors().get(0);
            assertThat(error.location().line()).isEqualTo(2);
            assertThat(error.location().column()).isEqualTo(19);
            assertThat(error.message()).startsWith("TOML syntax: expected a value");
        });
    }

    @Test
    void reportsTenThousandNestedArraysAtTheLevelThatIsTooDeep() throws IOException {
        Files.writeString(dir.resolve("x.lock"), "version = 1\nx = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertThatThrownBy(() -> new LockStore(dir).read("x")).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            ConfigError error = e.errors().get(0);
            assertThat(error.location().toString()).isEqualTo(dir.resolve("x.lock") + ":2:105");
            assertThat(error.message())
                    .isEqualTo("TOML syntax: nested more than 100 levels deep (tables, arrays and inline tables"
                            + " together)");
        });
    }

    @Test
    void refusesALockThatIsNotARegularFile() throws IOException {
        Files.createDirectories(dir.resolve("dir.lock"));
        Files.createSymbolicLink(dir.resolve("zero.lock"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> new LockStore(dir).read("dir"))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("dir.lock") + " is a directory, not a regular file");
        assertThatThrownBy(() -> new LockStore(dir).read("zero"))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("zero.lock") + " is a character device, not a regular file");
    }

    @Test
    void problemsLocateEveryBadLockFile() throws Exception {
        Files.writeString(dir.resolve("good.lock"), "version = 1\nupstream-commit = \"abc1234\"\n");
        Files.writeString(dir.resolve("syntax.lock"), "version = = 1\n");
        Files.writeString(dir.resolve("keys.lock"), "version = 1\nupstream-commit = \"xyz\"\n");
        Files.createDirectories(dir.resolve("dir.lock"));
        SpecialFiles.fifo(dir.resolve("fifo.lock"));
        String hint = "lock files are written by 'keel component update': fix the file, or delete it and run the"
                + " update again";
        assertThat(new LockStore(dir).problems())
                .extracting(ConfigError::location, ConfigError::message, ConfigError::hint)
                .containsExactly(
                        tuple(
                                Location.of(dir.resolve("dir.lock")),
                                "the lock file is a directory, not a regular file",
                                hint),
                        tuple(
                                Location.of(dir.resolve("fifo.lock")),
                                "the lock file is a FIFO, not a regular file",
                                hint),
                        tuple(
                                new Location(dir.resolve("keys.lock"), 2, 1),
                                "invalid upstream-commit in the lock file",
                                "expected a commit hash of 7 to 40 hexadecimal digits"),
                        tuple(
                                new Location(dir.resolve("syntax.lock"), 1, 11),
                                "TOML syntax: expected a value, found '='",
                                hint));
    }

    @Test
    void aMissingLockDirectoryHasNoProblemsAndAFileInItsPlaceIsOne() throws IOException {
        assertThat(new LockStore(dir.resolve("missing")).problems()).isEmpty();
        Files.writeString(dir.resolve("locks"), "");
        assertThat(new LockStore(dir.resolve("locks")).problems())
                .extracting(ConfigError::location, ConfigError::message)
                .containsExactly(tuple(Location.of(dir.resolve("locks")), "the lock directory is not a directory"));
    }
}
