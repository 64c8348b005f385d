package dev.keel.core.render;

import dev.keel.core.io.FileErrors;
import dev.keel.core.io.FileModes;
import dev.keel.core.io.FileTrees;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.overlay.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The rendered-specs directory: {@code <root>/<first letter>/<name>/}. Each component's directory
 * is replaced as a whole: the new content is written to a sibling temporary directory, then the old
 * one is moved aside and the new one moved in. A run that was killed in between is repaired by the
 * next one ({@link #recover}), so every component directory is either the old or the new one.
 */
public final class RenderedTree {

    private volatile Boolean keepsModes;

    static final String FAILED_MARKER = "RENDER_FAILED";

    private final Path root;

    public RenderedTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code c/curl} for {@code curl}. */
    public static String relativeDir(String component) {
        return component.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + "/" + component;
    }

    Path dir(String component) {
        return root.resolve(relativeDir(component));
    }

    /**
     * The files of a component's directory (empty when it does not exist). Nothing is read through a
     * symbolic link: a link (or anything but a regular file or directory) is listed with
     * {@link #FOREIGN} content, which differs from anything Keel writes, so it is drift.
     */
    SortedMap<String, SourceFile> read(String component) throws IOException {
        Path dir = dir(component);
        SortedMap<String, SourceFile> files = new TreeMap<>();
        Path letter = dir.getParent();
        if (Files.isSymbolicLink(letter) || Files.isSymbolicLink(dir)) {
            files.put(".", FOREIGN);
            return files;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> !p.equals(dir)).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(
                            name,
                            new SourceFile(
                                    InputFiles.read(file, InputFiles.Kind.inSources(name)),
                                    FileModes.isExecutable(file)));
                } else if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(name, FOREIGN);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    /**
     * One file of a component's rendered directory ({@code curl.spec} of {@code c/curl}), or empty
     * when there is no such regular file; nothing is read through a symbolic link.
     */
    public Optional<byte[]> file(String component, String name) throws IOException {
        Path dir = dir(component);
        Path file = dir.resolve(name);
        if (Files.isSymbolicLink(dir.getParent())
                || Files.isSymbolicLink(dir)
                || !file.normalize().getParent().equals(dir)
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(InputFiles.read(file, InputFiles.Kind.inSources(name)));
    }

    /** What a symbolic link or special file in a rendered directory reads as: never equal to a rendered file. */
    private static final SourceFile FOREIGN = new SourceFile(
            "(a symbolic link or special file, which Keel never writes)".getBytes(StandardCharsets.UTF_8), true);

    /**
     * Whether a file {@link #read} returned stands for a symbolic link or special file (a directory
     * that is a link reads as one entry named {@code .}).
     */
    public static boolean isLinkOrSpecial(SourceFile file) {
        return FOREIGN.equals(file);
    }

    static boolean same(Map<String, SourceFile> a, Map<String, SourceFile> b) {
        return a.equals(b);
    }

    /**
     * The files as this tree can hold them: without executable bits where the file system keeps
     * none, so a render compares equal to what it wrote.
     */
    SortedMap<String, SourceFile> representable(SortedMap<String, SourceFile> files) throws IOException {
        if (keepsModes()) {
            return files;
        }
        SortedMap<String, SourceFile> plain = new TreeMap<>();
        files.forEach((name, file) -> plain.put(name, new SourceFile(file.content(), false)));
        return plain;
    }

    /** Whether the tree's file system keeps executable bits (looked up once: it reads the mount table). */
    private boolean keepsModes() throws IOException {
        Boolean known = keepsModes;
        if (known == null) {
            known = FileModes.supported(root);
            keepsModes = known;
        }
        return known;
    }

    /** The files that differ between two directory contents, sorted. */
    static List<String> differences(Map<String, SourceFile> current, Map<String, SourceFile> wanted) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        current.keySet().forEach(n -> names.put(n, true));
        wanted.keySet().forEach(n -> names.put(n, true));
        return names.keySet().stream()
                .filter(n -> !current.containsKey(n)
                        || !wanted.containsKey(n)
                        || !current.get(n).equals(wanted.get(n)))
                .toList();
    }

    /** A content hash of a directory's files, for the render cache. */
    static String hash(Map<String, SourceFile> files) {
        Sha256Records records = new Sha256Records();
        files.forEach((name, file) ->
                records.add(name, (file.executable() ? "755:" : "644:") + Sha256Records.hex(file.content())));
        return records.fingerprint();
    }

    /**
     * Replaces a component's directory with exactly these files. The root and its letter
     * directories must be real directories: nothing is written through a symbolic link inside the
     * tree. A failure part way leaves the old directory and removes what was written.
     */
    void replace(String component, Map<String, SourceFile> files) throws IOException {
        Path dir = dir(component);
        Path parent = realDirectory(dir.getParent());
        String id = UUID.randomUUID().toString();
        Path fresh = parent.resolve("." + component + ".new-" + id);
        Files.createDirectory(fresh);
        try {
            for (Map.Entry<String, SourceFile> file : files.entrySet()) {
                Path target = fresh.resolve(file.getKey()).normalize();
                if (!target.startsWith(fresh) || target.equals(fresh)) {
                    throw new IOException("rendered file leaves its directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                try {
                    Files.write(
                            target, file.getValue().content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw FileErrors.about(dir.resolve(file.getKey()), e);
                }
                if (file.getValue().executable()) {
                    FileModes.makeExecutable(target);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(fresh);
            throw e;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path old = parent.resolve("." + component + ".old-" + id);
            Files.move(dir, old);
            Files.move(fresh, dir);
            delete(old);
        } else {
            Files.move(fresh, dir);
        }
    }

    /**
     * The directory, created if missing, refusing a symbolic link anywhere from the root down (the
     * root itself may be one: the user chose it).
     */
    private Path realDirectory(Path directory) throws IOException {
        Files.createDirectories(root);
        Path current = root;
        for (Path segment : root.relativize(directory)) {
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                throw new FileSystemException(
                        current.toString(),
                        null,
                        "is a symbolic link; Keel does not write through links in its output");
            }
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(current);
                } catch (FileAlreadyExistsException e) {
                    // another worker made it first; it must still be a real directory
                    if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                        throw e;
                    }
                }
            }
        }
        return current;
    }

    /** Finishes or undoes replacements a killed run left half done. */
    public void recover() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> letters = Files.list(root)) {
            // only the letter directories: other top-level entries belong to the user
            for (Path letter : letters.filter(RenderedTree::isLetterDirectory).toList()) {
                try (Stream<Path> entries = Files.list(letter)) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (!name.startsWith(".")) {
                            continue;
                        }
                        // the suffix is the last ".new-" or ".old-": component names may contain either
                        int fresh = name.lastIndexOf(".new-");
                        int old = name.lastIndexOf(".old-");
                        if (fresh > 0 && fresh > old) {
                            delete(entry);
                        } else if (old > 0) {
                            Path original = letter.resolve(name.substring(1, old));
                            if (Files.exists(original)) {
                                delete(entry);
                            } else {
                                Files.move(entry, original);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Component directories ({@code <letter>/<dir>}) that are not in {@code components}. */
    List<String> stale(java.util.Set<String> components) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (Stream<Path> letters = Files.list(root)) {
            for (Path letter :
                    letters.filter(RenderedTree::isLetterDirectory).sorted().toList()) {
                try (Stream<Path> entries = Files.list(letter)) {
                    for (Path entry : entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                            .sorted()
                            .toList()) {
                        String name = entry.getFileName().toString();
                        if (!name.startsWith(".") && !components.contains(name)) {
                            stale.add(letter.getFileName() + "/" + name);
                        }
                    }
                }
            }
        }
        return stale;
    }

    /** A real (not linked) one-character directory below the root. */
    private static boolean isLetterDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                && path.getFileName().toString().length() == 1;
    }

    /**
     * Whether Keel wrote a directory ({@code c/curl}): it holds only a {@code RENDER_FAILED}
     * marker, or a spec named after the directory with a render header (Keel's or azldev's).
     */
    boolean keelOwned(String relative) throws IOException {
        Path dir = root.resolve(relative);
        String name = dir.getFileName().toString();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path marker = dir.resolve(FAILED_MARKER);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.toList().equals(List.of(marker)) && Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        Path spec = dir.resolve(name + ".spec");
        if (!Files.isRegularFile(spec, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String text = new String(Files.readAllBytes(spec), StandardCharsets.ISO_8859_1);
        return text.lines().anyMatch(RenderedComments::isSpecHeaderLine);
    }

    void deleteRelative(String relative) throws IOException {
        delete(root.resolve(relative));
    }

    static void delete(Path path) throws IOException {
        FileTrees.delete(path);
    }
}
