package dev.keel.core.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of byte arrays with the JDK's algorithms ({@code SHA-256}, {@code SHA-512}, {@code MD5}). */
public final class Digests {

    private Digests() {}

    /** The lower-case hexadecimal digest of {@code bytes}. */
    public static String hex(String algorithm, byte[] bytes) {
        return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
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
