package dev.keel.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * Writes files so that readers (and an interrupted run) see either the old content or the new,
 * never a part: the bytes go to a temporary file in the same directory, are flushed to disk, and
 * the file is renamed over the target. A new file gets the mode any new file gets (the umask
 * decides); a file written again keeps its mode.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path temporary =
                directory.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            // created as any new file is (the umask decides its mode), not 0600 as a temporary file
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            keepMode(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A file written again keeps the mode it had (its owner may have made it readable to others). */
    private static void keepMode(Path target, Path temporary) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
