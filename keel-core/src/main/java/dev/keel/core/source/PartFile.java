package dev.keel.core.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of one download on their way into a part file (truncated first): hashed and counted as
 * they arrive, and refused as soon as they pass the size limit.
 */
final class PartFile implements Closeable {

    private final FileChannel channel;
    private final MessageDigest digest;
    private final DownloadLimits limits;
    private final AtomicLong written = new AtomicLong();

    PartFile(Path path, MessageDigest digest, DownloadLimits limits) throws IOException {
        this.channel = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.digest = digest;
        this.limits = limits;
    }

    /** Appends the buffer's remaining bytes; a total past the limit is refused and not written. */
    void write(ByteBuffer buffer) throws IOException {
        if (written.get() + buffer.remaining() > limits.maxBytes()) {
            throw limits.tooLarge();
        }
        digest.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            written.addAndGet(channel.write(buffer));
        }
    }

    /** Bytes written so far (read from any thread). */
    long written() {
        return written.get();
    }

    /** The hash of everything written, as lower-case hex. */
    String hash() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
