package dev.keel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes leave the mode a file would have had: a new file gets what any new file gets, not
 * a temporary file's 0600 (SBOMs, attestations and locks are read by others), and a file written
 * again keeps its own.
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheModeAnyNewFileGets() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));

        AtomicFiles.write(dir.resolve("written"), "x".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.getPosixFilePermissions(dir.resolve("written")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readString(dir.resolve("written"))).isEqualTo("x");
    }

    @Test
    void aFileWrittenAgainKeepsItsMode() throws Exception {
        Path file = dir.resolve("shared");
        AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicFiles.writeCache(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw-r--");
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        AtomicFiles.write(dir.resolve("a"), new byte[] {1});
        AtomicFiles.write(dir.resolve("a"), new byte[] {2});

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("a");
        }
    }
}
