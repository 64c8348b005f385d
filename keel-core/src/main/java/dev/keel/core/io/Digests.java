package dev.keel.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of byte arrays and files with the JDK's algorithms ({@code SHA-256}, {@code SHA-512}, {@code MD5}). */
public final class Digests {

    private Digests() {}

    /** The lower-case hexadecimal digest of {@code bytes}. */
    public static String hex(String algorithm, byte[] bytes) {
        return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
    }

    /**
     * The lower-case hexadecimal digest of a file's content, read in pieces (for files of any size).
     *
     * @param options how to open it ({@link java.nio.file.LinkOption#NOFOLLOW_LINKS}: refuse a link)
     */
    public static String hex(String algorithm, Path file, OpenOption... options) throws IOException {
        MessageDigest digest = digest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, options)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new digest; the JDK provides every algorithm Keel names. */
    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
