package dev.keel.core.overlay;

import dev.keel.core.config.Confinement;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.FileModes;
import dev.keel.core.io.FileTrees;
import dev.keel.core.io.InputFiles;
import dev.keel.core.overlay.archive.ArchiveLimits;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A component's source files in memory, by {@code /}-separated path relative to the sources
 * directory. Immutable: overlays produce a new tree, so nothing is written until the whole
 * sequence succeeded.
 */
public final class SourceTree {

    /** The most bytes a sources directory may hold in all: 2 GiB, as much as an archive may unpack to. */
    public static final long MAX_TOTAL_BYTES = ArchiveLimits.DEFAULT.maxTotalBytes();

    private final SortedMap<String, SourceFile> files;

    private SourceTree(SortedMap<String, SourceFile> files) {
        this.files = Collections.unmodifiableSortedMap(files);
    }

    public static SourceTree of(Map<String, SourceFile> files) {
        return new SourceTree(new TreeMap<>(files));
    }

    /**
     * Reads the regular files below a directory ({@code .git} excluded). Symbolic links and other
     * special files are refused: they could point outside the sources, block or never end. Each
     * file is bounded by {@linkplain InputFiles.Kind#inSources its kind}, and all of them together
     * by {@link #MAX_TOTAL_BYTES}.
     */
    public static SourceTree read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (!Files.exists(directory)) {
                throw new NoSuchFileException(directory.toString());
            }
            throw new IOException(directory + " is not a directory");
        }
        SortedMap<String, SourceFile> files = new TreeMap<>();
        long[] total = {0};
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.getFileName() != null
                                && dir.getFileName().toString().equals(".git")
                                && !dir.equals(directory)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                if (!attributes.isRegularFile()) {
                    throw new IOException(
                            "not a regular file in the sources (links and special files are refused): " + file + " is "
                                    + InputFiles.special(file, LinkOption.NOFOLLOW_LINKS)
                                            .orElse("not a regular file"));
                }
                total[0] += attributes.size();
                if (total[0] > MAX_TOTAL_BYTES) {
                    throw new IOException(String.format(
                            "the sources in %s are too large: more than %,d bytes in all", directory, MAX_TOTAL_BYTES));
                }
                byte[] content = InputFiles.read(file, InputFiles.Kind.inSources(relative));
                files.put(relative, new SourceFile(content, FileModes.isExecutable(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return new SourceTree(files);
    }

    /** Writes every file below {@code directory} (created if needed), each atomically. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, SourceFile> entry : files.entrySet()) {
            Path target = OverlayPaths.resolveInside(directory, entry.getKey());
            Files.createDirectories(target.getParent());
            if (!Confinement.isInside(
                    directory.toAbsolutePath().normalize(),
                    target.toAbsolutePath().normalize())) {
                throw new IOException(
                        "refusing to write through a symbolic link that leaves " + directory + ": " + target);
            }
            AtomicFiles.write(target, entry.getValue().content());
            if (entry.getValue().executable()) {
                FileModes.makeExecutable(target);
            }
        }
    }

    /**
     * Writes the tree as the directory {@code target}: into a sibling temporary directory first,
     * then renamed into place, so a failure leaves no partial output. An existing directory must be
     * empty unless {@code replace}, in which case it is replaced.
     */
    public void writeAsDirectory(Path target, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target + " exists and is not a directory");
            }
            try (java.util.stream.Stream<Path> entries = Files.list(absolute)) {
                if (!replace && entries.findAny().isPresent()) {
                    throw new IOException("output directory is not empty: " + target);
                }
            }
        }
        Files.createDirectories(absolute.getParent());
        Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".");
        try {
            try {
                write(staging);
            } catch (FileSystemException e) {
                throw FileErrors.moved(e, staging, absolute);
            }
            FileTrees.delete(absolute);
            Files.move(staging, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.delete(staging);
        }
    }

    public SortedMap<String, SourceFile> files() {
        return files;
    }

    public Optional<SourceFile> get(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public SourceTree with(String path, SourceFile file) {
        TreeMap<String, SourceFile> copy = new TreeMap<>(files);
        copy.put(path, file);
        return new SourceTree(copy);
    }

    public SourceTree without(String path) {
        TreeMap<String, SourceFile> copy = new TreeMap<>(files);
        copy.remove(path);
        return new SourceTree(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceTree tree && tree.files.equals(files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }
}
