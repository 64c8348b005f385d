package dev.keel.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers (and an interrupted run) see either the old content or the new,
 * never a part: the bytes go to a temporary file in the same directory, are flushed to disk, and
 * the file is renamed over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    /**
     * Writes recomputable data (caches) atomically but without waiting for the disk: after a crash
     * the file may be old, new or empty, never a mix of the two, and readers must treat anything
     * unexpected as a miss.
     */
    public static void writeCache(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /** Writes; an error that names no file (a full disk) is reported about {@code target}. */
    private static void write(Path target, byte[] content, boolean durable) throws IOException {
        try {
            writeUnnamed(target, content, durable);
        } catch (IOException e) {
            throw FileErrors.about(target, e);
        }
    }

    private static void writeUnnamed(Path target, byte[] content, boolean durable) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
