package dev.keel.core.render;

import dev.keel.core.io.FileModes;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.io.Trees;
import dev.keel.core.overlay.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** The files of a component's directory (empty when it does not exist). */
    SortedMap<String, SourceFile> read(String component) throws IOException {
        Path dir = dir(component);
        SortedMap<String, SourceFile> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                byte[] content = InputFiles.read(file, InputFiles.Kind.inSources(relative));
                files.put(relative, new SourceFile(content, FileModes.isExecutable(file)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
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

    /** Replaces a component's directory with exactly these files. */
    void replace(String component, Map<String, SourceFile> files) throws IOException {
        Path dir = dir(component);
        Path parent = Files.createDirectories(dir.getParent());
        String id = UUID.randomUUID().toString();
        Path fresh = parent.resolve("." + component + ".new-" + id);
        Files.createDirectories(fresh);
        for (Map.Entry<String, SourceFile> file : files.entrySet()) {
            Path target = fresh.resolve(file.getKey()).normalize();
            if (!target.startsWith(fresh)) {
                throw new IOException("rendered file leaves its directory: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue().content());
            if (file.getValue().executable()) {
                FileModes.makeExecutable(target);
            }
        }
        if (Files.exists(dir)) {
            Path old = parent.resolve("." + component + ".old-" + id);
            Files.move(dir, old);
            Files.move(fresh, dir);
            delete(old);
        } else {
            Files.move(fresh, dir);
        }
    }

    /** Finishes or undoes replacements a killed run left half done. */
    public void recover() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> letters = Files.list(root)) {
            // only the letter directories: other top-level entries belong to the user
            for (Path letter : letters.filter(p ->
                            Files.isDirectory(p) && p.getFileName().toString().length() == 1)
                    .toList()) {
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
            for (Path letter : letters.filter(p ->
                            Files.isDirectory(p) && p.getFileName().toString().length() == 1)
                    .sorted()
                    .toList()) {
                try (Stream<Path> entries = Files.list(letter)) {
                    for (Path entry :
                            entries.filter(Files::isDirectory).sorted().toList()) {
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

    void deleteRelative(String relative) throws IOException {
        delete(root.resolve(relative));
    }

    static void delete(Path path) throws IOException {
        Trees.delete(path);
    }
}
