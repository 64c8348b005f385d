package dev.keel.core.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A SHA-256 fingerprint over labelled records, each written as {@code len:label=len:value\n}
 * (azldev's encoding), so no two different record sets share a byte stream.
 */
public final class Sha256Records {

    private final MessageDigest digest = Digests.digest("SHA-256");

    /** Adds one record. */
    public Sha256Records add(String label, String value) {
        String record = label.length() + ":" + label + "=" + value.length() + ":" + value + "\n";
        digest.update(record.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The fingerprint, {@code sha256:<hex>}. */
    public String fingerprint() {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The hexadecimal SHA-256 of some bytes. */
    public static String hex(byte[] bytes) {
        return Digests.hex("SHA-256", bytes);
    }
}
