package dev.keel.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A full disk for tests: a 64 KiB tmpfs mounted on a directory. Mounting needs root (and a kernel
 * that allows it, e.g. not in every container); elsewhere the test is skipped with that reason.
 */
final class TinyDisk implements AutoCloseable {

    private final Path mountPoint;

    private TinyDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static TinyDisk mount(Path mountPoint) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        int exit = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.toString());
        assumeTrue(exit == 0, "cannot mount a 64 KiB tmpfs to fill (needs root): the full-disk test is skipped");
        return new TinyDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", mountPoint.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            return -1;
        }
    }
}
