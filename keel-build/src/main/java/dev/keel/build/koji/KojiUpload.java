package dev.keel.build.koji;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploads a file to the hub's staging area as Koji's {@code uploadWrapper} does without fast
 * upload: {@code uploadFile(path, name, size, ["sha256", digest], offset, base64)} for each 1 MiB
 * chunk with the chunk's own digest, then a last call at offset {@code -1} with the whole file's
 * size and digest, which the hub checks. A call the hub answers {@code false} is sent again, three
 * times at most, as Koji's client does.
 */
public final class KojiUpload {

    /** Koji's default {@code upload_blocksize}. */
    static final int BLOCK = 1024 * 1024;

    private static final int RETRIES = 3;

    private KojiUpload() {}

    /** Uploads {@code file} as {@code serverDir/NAME}, returning that path, as {@code build} takes it. */
    public static String upload(KojiSession session, Path file, String serverDir)
            throws IOException, KojiException, InterruptedException {
        String name = file.getFileName().toString();
        MessageDigest whole = sha256();
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                byte[] chunk = in.readNBytes(BLOCK);
                if (chunk.length == 0) {
                    break;
                }
                whole.update(chunk);
                send(session, serverDir, name, chunk.length, hex(sha256().digest(chunk)), offset, chunk);
                offset += chunk.length;
            }
        }
        send(session, serverDir, name, offset, hex(whole.digest()), -1, new byte[0]);
        return serverDir + "/" + name;
    }

    private static void send(
            KojiSession session, String serverDir, String name, long size, String digest, long offset, byte[] chunk)
            throws KojiException, InterruptedException {
        for (int tries = 0; ; tries++) {
            Object accepted = session.call(
                    "uploadFile",
                    serverDir,
                    name,
                    size,
                    List.of("sha256", digest),
                    offset,
                    java.util.Base64.getEncoder().encodeToString(chunk));
            if (Boolean.TRUE.equals(accepted)) {
                return;
            }
            if (tries >= RETRIES) {
                throw KojiException.transport(
                        "the hub did not accept " + serverDir + "/" + name + " at offset " + offset + " after "
                                + (RETRIES + 1) + " tries",
                        null);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
