package dev.keel.core.render;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.LookasideEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files a component's sources take from the network, each with the hash it must have: every
 * entry of its upstream {@code sources} file (from its distro's {@code lookaside-base-uri}) and
 * its {@code source-files} with a {@code download} origin (from their own URI). Names must be
 * plain file names; a {@code custom} origin (a script run in mock) is refused, as Keel does not
 * run those yet.
 */
public final class SourceDownloads {

    /**
     * One file to download.
     *
     * @param template where from: a URI template with {@code $pkg}, {@code $filename},
     *     {@code $hashtype} and {@code $hash}
     * @param entry its name, hash type and hash
     */
    public record Download(String template, LookasideEntry entry) {}

    private SourceDownloads() {}

    /** The downloads of {@code component}, whose upstream sources are {@code upstream}, in manifest then configuration order. */
    public static List<Download> of(Project project, ResolvedComponent component, SourceTree upstream)
            throws RenderException {
        List<Download> downloads = new ArrayList<>();
        Optional<SourceFile> manifest = upstream.get("sources");
        if (manifest.isPresent()) {
            String template = lookasideTemplate(project, component);
            for (LookasideEntry entry : SourcesFile.parse(
                            new String(manifest.get().content(), StandardCharsets.UTF_8))
                    .lookasideEntries()) {
                downloads.add(new Download(template, entry));
            }
        }
        List<SourceFileRef> sourceFiles = component.config().sourceFiles();
        for (int i = 0; sourceFiles != null && i < sourceFiles.size(); i++) {
            SourceFileRef file = sourceFiles.get(i);
            OriginType origin = file.origin() == null ? null : file.origin().type();
            if (origin == OriginType.CUSTOM) {
                throw new RenderException(Failure.of(
                                Failure.Kind.CONFIGURATION,
                                "source file " + file.filename()
                                        + " has a custom origin (a script run in mock), which Keel does not run yet")
                        .at(component.locationOfItem("source-files", i)));
            }
            if (origin == OriginType.DOWNLOAD) {
                downloads.add(new Download(
                        file.origin().uri(), new LookasideEntry(file.hashType().name(), file.filename(), file.hash())));
            }
        }
        for (Download download : downloads) {
            requirePlainName(download.entry().filename());
        }
        return downloads;
    }

    private static String lookasideTemplate(Project project, ResolvedComponent component) throws RenderException {
        return project.distroVersion(component)
                .map(Project.DistroVersion::distro)
                .map(distro -> distro.lookasideBaseUri())
                .filter(uri -> !uri.isEmpty())
                .orElseThrow(() -> RenderException.of(
                        Failure.Kind.CONFIGURATION,
                        "component " + component.name()
                                + " lists lookaside files, but its distro has no lookaside-base-uri"));
    }

    /** Refuses names that are not a plain file name (they come from upstream and the configuration). */
    private static void requirePlainName(String filename) throws RenderException {
        if (!SourcesFile.isPlainName(filename)) {
            throw RenderException.of(
                    Failure.Kind.SOURCES, "source file name '" + filename + "' is not a plain file name");
        }
    }
}
