package dev.keel.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files are read, never more than their kind allows: no hang, no OutOfMemoryError. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsARegularFileExactly() throws IOException {
        Path file = Files.write(dir.resolve("a.spec"), new byte[] {1, 2, 3});
        assertThat(InputFiles.read(file, InputFiles.Kind.SPEC)).containsExactly(1, 2, 3);
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertThat(InputFiles.read(empty, InputFiles.Kind.SOURCE)).isEmpty();
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> InputFiles.read(dir.resolve("nope"), InputFiles.Kind.SPEC))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> InputFiles.read(dir, InputFiles.Kind.CONFIG))
                .isInstanceOfSatisfying(
                        InputFiles.InputFileException.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(InputFiles.InputFileException.Problem.NOT_A_REGULAR_FILE))
                .hasMessage(dir + " is a directory, not a regular file");
    }

    @Test
    void refusesDevZeroAlsoThroughALink() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeThat(zero).exists();
        assertThatThrownBy(() -> InputFiles.read(zero, InputFiles.Kind.SPEC))
                .hasMessage("/dev/zero is a character device, not a regular file");
        Path link = Files.createSymbolicLink(dir.resolve("innocent.spec"), zero);
        assertThatThrownBy(() -> InputFiles.read(link, InputFiles.Kind.SPEC))
                .hasMessage(link + " is a character device, not a regular file");
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe.spec"));
        // Opening a FIFO nobody writes to blocks forever.
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> InputFiles.read(fifo, InputFiles.Kind.SPEC))
                        .hasMessage(fifo + " is a FIFO, not a regular file"));
    }

    @Test
    void refusesASocket() throws IOException {
        Path socket = dir.resolve("keel.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertThatThrownBy(() -> InputFiles.read(socket, InputFiles.Kind.CONFIG))
                    .hasMessage(socket + " is a socket, not a regular file");
        }
    }

    @Test
    void refusesASpecLargerThanSixteenMebibytesBeforeReadingIt() throws IOException {
        Path atLimit = SpecialFiles.sparse(dir.resolve("limit.spec"), 16L << 20);
        assertThat(InputFiles.read(atLimit, InputFiles.Kind.SPEC)).hasSize(16 << 20);
        Path big = SpecialFiles.sparse(dir.resolve("big.spec"), (16L << 20) + 1);
        assertThatThrownBy(() -> InputFiles.read(big, InputFiles.Kind.SPEC))
                .isInstanceOfSatisfying(
                        InputFiles.InputFileException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputFiles.InputFileException.Problem.TOO_LARGE))
                .hasMessage(big + " is too large for a spec: 16,777,217 bytes, more than 16 MiB");
    }

    @Test
    void refusesASourceFileLargerThanOneGibibyteBeforeReadingIt() throws IOException {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.tar.gz"), (1L << 30) + 1);
        assertThatThrownBy(() -> InputFiles.read(huge, InputFiles.Kind.SOURCE))
                .hasMessage(huge + " is too large for a source file: 1,073,741,825 bytes, more than 1 GiB");
        Path tooBigForAnArray = SpecialFiles.sparse(dir.resolve("over-2-gib"), 3L << 30);
        assertThatThrownBy(() -> InputFiles.read(tooBigForAnArray, InputFiles.Kind.SOURCE))
                .hasMessage(tooBigForAnArray + " is too large for a source file: 3,221,225,472 bytes, more than 1 GiB");
    }

    @Test
    void filesInSourcesAreSpecsByTheirName() {
        assertThat(InputFiles.Kind.inSources("sub/curl.spec")).isEqualTo(InputFiles.Kind.SPEC);
        assertThat(InputFiles.Kind.inSources("curl.spec.in")).isEqualTo(InputFiles.Kind.SOURCE);
    }
}
