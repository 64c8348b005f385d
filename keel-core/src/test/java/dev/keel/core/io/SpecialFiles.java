package dev.keel.core.io;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Files that hostile-input tests need: sparse files larger than a limit, FIFOs. */
public final class SpecialFiles {

    private SpecialFiles() {}

    /** A file of {@code size} bytes that takes no space on disk. */
    public static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    /** A FIFO made by {@code mkfifo}; the test is skipped where there is none. */
    public static Path fifo(Path file) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("mkfifo", file.toString()).start().waitFor();
        assumeThat(exit).as("mkfifo is available").isZero();
        return file;
    }
}
