package dev.keel.build.koji;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a file that should be small, never more than a bound of it. */
final class SmallFile {

    private SmallFile() {}

    /** The file's bytes, or empty when it has more than {@code maxBytes}. */
    static Optional<byte[]> read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
        }
    }
}
