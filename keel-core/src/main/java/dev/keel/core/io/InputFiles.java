package dev.keel.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way Keel reads an input file into memory: only a regular file (never a directory, FIFO,
 * device or socket, which could block or never end), and only up to the size limit of its kind,
 * checked before anything is read. Symbolic links are followed; callers that must not follow them
 * check first. A missing file is a {@link java.nio.file.NoSuchFileException}.
 */
public final class InputFiles {

    private static final long MIB = 1L << 20;

    /** What a file is read as, and the most bytes it may have. */
    public enum Kind {
        /** A spec file: 16 MiB (the largest Fedora spec is under 2 MiB). */
        SPEC("a spec", 16 * MIB),
        /** A TOML file: project configuration, overlay and lock files; 16 MiB. */
        CONFIG("a configuration file", 16 * MIB),
        /** Any other file Keel holds in memory (patches, archives, source files): 1 GiB. */
        SOURCE("a source file", 1024 * MIB);

        private final String noun;
        private final long maxBytes;

        Kind(String noun, long maxBytes) {
            this.noun = noun;
            this.maxBytes = maxBytes;
        }

        /** The kind of a file in a sources tree: a spec by its {@code .spec} name, else a source file. */
        public static Kind inSources(String path) {
            return path.endsWith(".spec") ? SPEC : SOURCE;
        }

        public long maxBytes() {
            return maxBytes;
        }

        public String noun() {
            return noun;
        }
    }

    /** An input that is not a regular file, or is larger than its kind allows. */
    public static final class InputFileException extends IOException {
        private static final long serialVersionUID = 1L;

        /** What is wrong with the file. */
        public enum Problem {
            NOT_A_REGULAR_FILE,
            TOO_LARGE
        }

        private final transient Problem problem;
        private final String reason;

        /** {@code name} (a path, or an archive member) and what is wrong with it: {@code is a FIFO, ...}. */
        InputFileException(Problem problem, String name, String reason) {
            super(name + " " + reason);
            this.problem = problem;
            this.reason = reason;
        }

        public Problem problem() {
            return problem;
        }

        /** What is wrong, without the name: {@code is a directory, not a regular file}. */
        public String reason() {
            return reason;
        }
    }

    private InputFiles() {}

    /** The bytes of {@code file}, a regular file of at most {@code kind}'s size. */
    public static byte[] read(Path file, Kind kind) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        requireRegular(file, attributes);
        requireSize(file.toString(), attributes.size(), kind);
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            requireSize(file.toString(), size, kind);
            byte[] bytes = new byte[(int) size];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or at the end
            }
            if (buffer.hasRemaining()) {
                return Arrays.copyOf(bytes, buffer.position());
            }
            if (channel.read(ByteBuffer.allocate(1)) > 0) {
                throw new IOException(file + " grew while it was read");
            }
            return bytes;
        }
    }

    /** Throws unless {@code file} (a symbolic link is followed) is a regular file. */
    public static void requireRegular(Path file) throws IOException {
        requireRegular(file, Files.readAttributes(file, BasicFileAttributes.class));
    }

    /**
     * Throws unless {@code size} bytes fit {@code kind}; {@code name} says what they are (a path,
     * or an archive member).
     */
    public static void requireSize(String name, long size, Kind kind) throws InputFileException {
        if (size > kind.maxBytes()) {
            throw new InputFileException(
                    InputFileException.Problem.TOO_LARGE,
                    name,
                    String.format(
                            Locale.ROOT,
                            "is too large for %s: %,d bytes, more than %s",
                            kind.noun(),
                            size,
                            kind.maxBytes() % (1024 * MIB) == 0
                                    ? kind.maxBytes() / (1024 * MIB) + " GiB"
                                    : kind.maxBytes() / MIB + " MiB"));
        }
    }

    /**
     * What {@code path} is when it exists but is not a regular file ("a directory", "a FIFO", ...);
     * empty for a regular file or a missing path. Symbolic links are followed unless {@code options}
     * say otherwise.
     */
    public static Optional<String> special(Path path, LinkOption... options) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, options);
            return attributes.isRegularFile() ? Optional.empty() : Optional.of(kindOf(path, attributes, options));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void requireRegular(Path file, BasicFileAttributes attributes) throws InputFileException {
        if (!attributes.isRegularFile()) {
            throw new InputFileException(
                    InputFileException.Problem.NOT_A_REGULAR_FILE,
                    file.toString(),
                    "is " + kindOf(file, attributes) + ", not a regular file");
        }
    }

    private static String kindOf(Path path, BasicFileAttributes attributes, LinkOption... options) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", options) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
