package dev.keel.core.render;

import dev.keel.core.config.ArchiveNames;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Names;
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
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the archive each archive overlay of a component edits comes from, judged alike by every
 * command that reads the overlays (render, {@code prepare-sources}, {@code check-overlays},
 * {@code verify}): a file of the upstream sources, or a lookaside file, which the upstream {@code
 * sources} file or a {@code source-files} entry that overlays do not make lists. An archive that
 * neither has exists nowhere: a configuration error at the overlay. A spec snapshot has neither the
 * files nor the {@code sources} file, so from one where an archive comes from cannot be told.
 */
public final class ArchiveOrigins {

    /** Where an archive comes from. */
    public enum Origin {
        /** A file of the upstream sources. */
        UPSTREAM,
        /** A lookaside file, which the build downloads (and {@code prepare-sources} with it). */
        LOOKASIDE,
        /** Cannot be told: the upstream is a spec snapshot. */
        UNKNOWN
    }

    /** How many archives a hint names at most. */
    private static final int NAMED = 5;

    private final ResolvedComponent component;
    private final SourceTree upstream;
    private final boolean specOnly;
    private SortedSet<String> lookaside;

    /**
     * @param upstream the component's upstream sources, its {@code sources} file included
     * @param specOnly whether they are a spec snapshot's, which has only the spec
     */
    public ArchiveOrigins(ResolvedComponent component, SourceTree upstream, boolean specOnly) {
        this.component = component;
        this.upstream = upstream;
        this.specOnly = specOnly;
    }

    /**
     * Checks the archive of every archive overlay of the component, as {@link #of} does.
     *
     * @throws RenderException for the first overlay whose archive exists nowhere
     */
    public void checkAll() throws RenderException {
        for (LocatedOverlay overlay : component.overlays()) {
            of(overlay);
        }
    }

    /**
     * Where the archive {@code overlay} edits comes from; empty when it edits no archive.
     *
     * @throws RenderException when the archive exists nowhere (at the overlay, with a hint naming
     *     the archives the component has), or the upstream {@code sources} file does not parse
     */
    public Optional<Origin> of(LocatedOverlay overlay) throws RenderException {
        Optional<String> archive = overlay.overlay().archive();
        if (archive.isEmpty()) {
            return Optional.empty();
        }
        if (upstream.get(archive.get()).isPresent()) {
            return Optional.of(Origin.UPSTREAM);
        }
        if (specOnly) {
            return Optional.of(Origin.UNKNOWN);
        }
        if (lookaside().contains(archive.get())) {
            return Optional.of(Origin.LOOKASIDE);
        }
        throw new RenderException(nowhere(overlay, archive.get()));
    }

    /** The lookaside files: the upstream {@code sources} file's, then the {@code source-files} overlays do not make. */
    private SortedSet<String> lookaside() throws RenderException {
        if (lookaside == null) {
            SortedSet<String> files = new TreeSet<>();
            Optional<SourceFile> manifest = upstream.get("sources");
            if (manifest.isPresent()) {
                for (LookasideEntry entry : SourcesFile.parse(
                                new String(manifest.get().content(), StandardCharsets.UTF_8))
                        .lookasideEntries()) {
                    files.add(entry.filename());
                }
            }
            List<SourceFileRef> sourceFiles = component.config().sourceFiles();
            for (SourceFileRef file : sourceFiles == null ? List.<SourceFileRef>of() : sourceFiles) {
                if (file.origin() == null || file.origin().type() != OriginType.OVERLAY) {
                    files.add(file.filename());
                }
            }
            lookaside = files;
        }
        return lookaside;
    }

    private Failure nowhere(LocatedOverlay overlay, String archive) throws RenderException {
        return Failure.of(
                        Failure.Kind.CONFIGURATION,
                        overlay.label() + " (" + Names.enumKey(overlay.overlay().type()) + ") edits " + archive
                                + ", which no source has: it is not an upstream file, the upstream sources file"
                                + " does not list it, and no source-files entry provides it")
                .at(overlay.location())
                .withDetail("overlay", overlay.summary())
                .withHint(hint(archive));
    }

    /** The archive the overlay may mean, and the archives the component has. */
    private String hint(String archive) throws RenderException {
        SortedMap<String, String> archives = new TreeMap<>();
        for (String file : upstream.files().keySet()) {
            archives.put(file, "upstream");
        }
        for (String file : lookaside()) {
            archives.put(file, "lookaside");
        }
        archives.keySet().removeIf(file -> !ArchiveNames.isArchive(file));
        if (archives.isEmpty()) {
            return "the component has no archive: list it in source-files (with a download origin),"
                    + " or remove the overlay";
        }
        List<String> named = new ArrayList<>();
        archives.forEach((file, origin) -> named.add(file + " (" + origin + ")"));
        String listed = String.join(", ", named.subList(0, Math.min(NAMED, named.size())))
                + (named.size() > NAMED ? " and " + (named.size() - NAMED) + " more" : "");
        return Names.closest(archive, archives.keySet())
                        .map(closest -> "did you mean '" + closest + "'? The component's archives: ")
                        .orElse("the component's archives: ")
                + listed;
    }
}
