package dev.keel.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.TreeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of every input of a component's render: Keel's render version, the resolved
 * configuration, the upstream content, and every overlay source file. Equal fingerprints mean the
 * render would produce the same bytes, so it can be skipped.
 */
final class RenderFingerprint {

    /** Bump when rendering changes for equal inputs. */
    static final String RENDER_VERSION = "keel-render-4";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RenderFingerprint() {}

    static String of(ResolvedComponent component, String upstreamIdentity) throws IOException {
        MessageDigest digest = sha256();
        record(digest, "render", RENDER_VERSION);
        try {
            record(digest, "config", JSON.writeValueAsString(TreeJson.plain(component.tree())));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        record(digest, "upstream", upstreamIdentity);
        for (LocatedOverlay overlay : component.overlays()) {
            String source = overlay.overlay().source();
            if (source != null && Files.isRegularFile(Path.of(source))) {
                record(
                        digest,
                        "overlay:" + overlay.index(),
                        HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(Path.of(source)))));
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed {@code label=value} records, so no two input sets collide. */
    private static void record(MessageDigest digest, String label, String value) {
        String record = label.length() + ":" + label + "=" + value.length() + ":" + value + "\n";
        digest.update(record.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
