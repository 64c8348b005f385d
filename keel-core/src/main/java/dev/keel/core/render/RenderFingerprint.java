package dev.keel.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.TreeJson;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.RenderTexts;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Sha256Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fingerprint of every input of a component's render: Keel's render version, the project's
 * render texts and rpmautospec version, the resolved configuration, the upstream content, and every overlay source file. Equal fingerprints mean the
 * render would produce the same bytes, so it can be skipped.
 */
final class RenderFingerprint {

    /** Bump when rendering changes for equal inputs. */
    static final String RENDER_VERSION = "keel-render-8";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RenderFingerprint() {}

    /**
     * @param texts how the project words the comments of rendered specs
     * @param rpmautospecVersion the rpmautospec version azldev-worded renders name
     * @param upstreamIdentity the upstream commit or content hash
     * @param projectChanges the ids of the project changes that shape the release, comma-separated
     */
    static String of(
            RenderTexts texts,
            String rpmautospecVersion,
            ResolvedComponent component,
            String upstreamIdentity,
            String projectChanges)
            throws IOException {
        Sha256Records records = new Sha256Records()
                .add("render", RENDER_VERSION)
                .add("texts", texts.name())
                .add("rpmautospec-version", rpmautospecVersion);
        try {
            records.add("config", JSON.writeValueAsString(TreeJson.plain(component.tree())));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        records.add("upstream", upstreamIdentity).add("project-changes", projectChanges);
        for (LocatedOverlay overlay : component.overlays()) {
            if (overlay.overlay() instanceof Overlay.FromSource added && Files.isRegularFile(Path.of(added.source()))) {
                String source = added.source();
                records.add(
                        "overlay:" + overlay.index(),
                        Sha256Records.hex(InputFiles.read(Path.of(source), InputFiles.Kind.SOURCE)));
            }
        }
        return records.fingerprint();
    }
}
