package dev.keel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void fileSystemErrorsAreWordsWithoutThePath() {
        assertThat(FileErrors.reason(new NoSuchFileException("/x/a"))).isEqualTo("no such file or directory");
        assertThat(FileErrors.reason(new AccessDeniedException("/x/a"))).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new FileSystemException("/x/a", null, "Not a directory")))
                .isEqualTo("not a directory");
        assertThat(FileErrors.reason(new FileSystemException("/x/a", null, "Is a directory")))
                .isEqualTo("is a directory, not a file");
        assertThat(FileErrors.reason(new FileSystemException("/x/a", null, "No space left on device")))
                .isEqualTo("no space left on the device");
        assertThat(FileErrors.reason(new FileSystemException("/x/a", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(FileErrors.reason(new FileSystemException("/x/a"))).isEqualTo("input/output error");
    }

    @Test
    void javaClassNamesInFrontOfAMessageAreDropped() {
        assertThat(FileErrors.words("java.io.IOException: java.util.zip.ZipException: invalid stored block lengths"))
                .isEqualTo("invalid stored block lengths");
        assertThat(FileErrors.words("java.io.EOFException")).isEqualTo("input/output error");
        assertThat(FileErrors.words(null)).isEqualTo("input/output error");
        assertThat(FileErrors.words("cannot fetch git://host/x.git: Connection refused"))
                .isEqualTo("cannot fetch git://host/x.git: Connection refused");
    }

    @Test
    void anErrorWithoutAPathIsMadeAboutTheFileBeingWritten() {
        IOException full = new IOException("No space left on device");
        IOException named = FileErrors.about(dir.resolve("out.spec"), full);
        assertThat(named).isInstanceOf(FileSystemException.class);
        assertThat(((FileSystemException) named).getFile())
                .isEqualTo(dir.resolve("out.spec").toString());
        assertThat(FileErrors.reason(named)).isEqualTo("no space left on the device");
        NoSuchFileException already = new NoSuchFileException("/elsewhere");
        assertThat(FileErrors.about(dir, already)).isSameAs(already);
    }

    @Test
    void anErrorInAStagingDirectoryIsShownAtItsTarget() {
        Path staging = dir.resolve(".out.123");
        FileSystemException e =
                new FileSystemException(staging.resolve("a/b.spec").toString(), null, "No space");
        assertThat(FileErrors.moved(e, staging, dir.resolve("out")).getFile())
                .isEqualTo(dir.resolve("out/a/b.spec").toString());
    }

    @Test
    void aSentenceAboutAFileNamesItOnce() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("x.lock"));
        IOException special = readError(fifo);
        assertThat(FileErrors.cannotRead("the lock file", special))
                .isEqualTo("the lock file is a FIFO, not a regular file");
        IOException missing = readError(dir.resolve("missing.lock"));
        assertThat(FileErrors.cannotRead("the lock file", missing))
                .isEqualTo("cannot read the lock file: no such file or directory");
        assertThat(FileErrors.withPath(missing)).isEqualTo(dir.resolve("missing.lock") + ": no such file or directory");
    }

    private static IOException readError(Path file) {
        try {
            InputFiles.read(file, InputFiles.Kind.CONFIG);
            throw new AssertionError("read " + file);
        } catch (IOException e) {
            return e;
        }
    }
}
