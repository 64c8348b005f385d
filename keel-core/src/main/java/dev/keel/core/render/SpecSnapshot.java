package dev.keel.core.render;

import dev.keel.core.config.Location;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.overlay.archive.ArchiveEntry;
import dev.keel.core.overlay.archive.ArchiveException;
import dev.keel.core.overlay.archive.ArchiveLimits;
import dev.keel.core.overlay.archive.TarArchive;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream specs from a snapshot laid out like Fedora's published {@code rpm-specs-latest.tar.xz}:
 * a directory of {@code <name>.spec} files, or such a tarball (read once, specs at any depth).
 * Specs only: no sidecar files and no history, so {@code %autorelease} and
 * {@code %autochangelog} stay as written.
 */
public final class SpecSnapshot implements UpstreamSource {

    private final Path directory;
    private final Map<String, byte[]> archived;

    private SpecSnapshot(Path directory, Map<String, byte[]> archived) {
        this.directory = directory;
        this.archived = archived;
    }

    /** A snapshot from a directory or a tarball (any compression Keel reads). */
    public static SpecSnapshot open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new SpecSnapshot(path, null);
        }
        TarArchive tar;
        try {
            tar = TarArchive.read(InputFiles.read(path, InputFiles.Kind.SOURCE), ArchiveLimits.DEFAULT);
        } catch (ArchiveException e) {
            throw new FailureException(
                    Failure.of(Failure.Kind.SOURCES, "--upstream-specs: " + e.about(String.valueOf(path.getFileName())))
                            .at(Location.of(path.toAbsolutePath()))
                            .withHint("give a directory of <name>.spec files or a tar archive of them"
                                    + " (such as Fedora's rpm-specs-latest.tar.xz)"));
        }
        Map<String, byte[]> specs = new HashMap<>();
        for (ArchiveEntry entry : tar.entries()) {
            String name = entry.name().substring(entry.name().lastIndexOf('/') + 1);
            if (entry.kind() == ArchiveEntry.Kind.FILE && name.endsWith(".spec")) {
                specs.put(name, entry.content());
            }
        }
        return new SpecSnapshot(null, specs);
    }

    private Optional<byte[]> spec(ResolvedComponent component) throws IOException {
        String name = component.upstreamName() + ".spec";
        if (archived != null) {
            byte[] spec = archived.get(name);
            if (spec != null) {
                InputFiles.requireSize(name + " in the spec snapshot", spec.length, InputFiles.Kind.SPEC);
            }
            return Optional.ofNullable(spec);
        }
        try {
            return Optional.of(InputFiles.read(directory.resolve(name), InputFiles.Kind.SPEC));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SourceTree> fetch(ResolvedComponent component) throws IOException {
        return spec(component)
                .map(bytes -> SourceTree.of(Map.of(component.name() + ".spec", new SourceFile(bytes, false))));
    }

    @Override
    public boolean specOnly() {
        return true;
    }

    @Override
    public String identity(ResolvedComponent component) throws IOException {
        return spec(component).map(Sha256Records::hex).orElse("absent");
    }
}
