package dev.keel.core.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.TreeJson;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Sha256Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A lock's {@code input-fingerprint}: what decides the component's build, with azldev's inputs
 * (the resolved configuration without the fields that do not change the build, the source
 * identity, the manual bump, the release-ver and each overlay source file's content). The value
 * is Keel's own: azldev hashes its Go structures, which Keel does not reproduce (see
 * docs/azldev-compatibility.md for how a project adopts Keel without a release change).
 */
public final class InputFingerprint {

    /** Keys that never change a build, wherever they appear. */
    private static final Set<String> DOCUMENTATION =
            Set.of("description", "metadata", "publish", "hints", "skip_reason", "overlay-files", "replace-reason");

    /** Keys that do not change a build under a given parent key (their effect is in other inputs). */
    private static final Map<String, Set<String>> BY_PARENT = Map.of(
            "build", Set.of("failure", "bootstrap"),
            "spec", Set.of("path"),
            "upstream-distro", Set.of("snapshot"),
            "overlays", Set.of("source"),
            "origin", Set.of("type", "uri"));

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private InputFingerprint() {}

    /**
     * @param sourceIdentity the upstream commit, or for a local spec the hash of its directory
     */
    public static String of(ResolvedComponent component, String sourceIdentity, long manualBump, String releaseVer)
            throws IOException {
        Sha256Records records = new Sha256Records();
        try {
            records.add("config", JSON.writeValueAsString(buildInputs(component.tree(), "")));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        records.add("source_identity", sourceIdentity)
                .add("manual_bump", Long.toString(manualBump))
                .add("release_ver", releaseVer == null ? "" : releaseVer);
        for (LocatedOverlay overlay : component.overlays()) {
            if (overlay.overlay() instanceof Overlay.FromSource added && Files.isRegularFile(Path.of(added.source()))) {
                String source = added.source();
                records.add(
                        "overlay:" + overlay.index(),
                        Path.of(source).getFileName() + ":"
                                + Sha256Records.hex(InputFiles.read(Path.of(source), InputFiles.Kind.SOURCE)));
            }
        }
        return records.fingerprint();
    }

    private static Object buildInputs(ConfigNode node, String parent) {
        if (node instanceof ConfigNode.Table table) {
            Map<String, Object> kept = new LinkedHashMap<>();
            table.entries().forEach((key, value) -> {
                if (!DOCUMENTATION.contains(key)
                        && !BY_PARENT.getOrDefault(parent, Set.of()).contains(key)) {
                    kept.put(key, buildInputs(value, key));
                }
            });
            return kept;
        }
        if (node instanceof ConfigNode.Array array) {
            return array.items().stream().map(item -> buildInputs(item, parent)).toList();
        }
        return TreeJson.plain(node);
    }
}
