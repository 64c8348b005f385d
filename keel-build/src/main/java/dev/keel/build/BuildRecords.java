package dev.keel.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.repo.BuildRecord;
import dev.keel.core.config.Confinement;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.Sha256Records;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link BuildRecord}s of one output directory, in Keel's cache ({@code build/<digest of the
 * output directory>/<component>.json}): recomputable data, so a record that is missing or does
 * not parse is a miss, never an error. Attestations and SBOMs read them to find what a build
 * published, and whether it is all still there as it was published.
 */
public final class BuildRecords {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path directory;
    private final Path outputDir;

    public BuildRecords(Path cacheRoot, Path outputDir) {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.directory = cacheRoot
                .resolve("build")
                .resolve(Sha256Records.hex(this.outputDir.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The lock file that keeps two runs from building into the same output directory at once. */
    Path lockFile() {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    /** The last complete build of a component (or stage-1 node), if the cache has its record. */
    public Optional<BuildRecord> read(String component) {
        try {
            BuildRecord record = JSON.readValue(Files.readAllBytes(file(component)), BuildRecord.class);
            return record.fingerprint() == null ? Optional.empty() : Optional.of(record);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(String component, BuildRecord record) throws IOException {
        AtomicFiles.writeCache(file(component), JSON.writeValueAsBytes(record));
    }

    /** Whether every file of the record is still in the output directory as it was published. */
    public boolean intact(BuildRecord record) {
        return problems(record).isEmpty();
    }

    /**
     * What keeps the files of the record from being what its build published, one sentence per
     * file that is not (named by its path in the output directory); empty when every one is. A
     * path that leads out of the output directory (a {@code ..}, an absolute path, a link in it or
     * on the way to it) is never read: Keel writes none, so the record or the directory was
     * changed since.
     */
    public List<String> problems(BuildRecord record) {
        List<String> problems = new ArrayList<>();
        if (record.srpm() == null) {
            problems.add("its build record names no source RPM");
        }
        for (BuildRecord.Artifact artifact : record.artifacts()) {
            problem(artifact).ifPresent(problems::add);
        }
        return problems;
    }

    /** What is wrong with one published file, if anything. */
    private Optional<String> problem(BuildRecord.Artifact artifact) {
        String path = artifact.path();
        if (path == null || path.isEmpty() || artifact.sha256() == null) {
            return Optional.of("its build record names a file without a path or a digest");
        }
        Path file;
        try {
            file = outputDir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            file = outputDir;
        }
        if (!file.startsWith(outputDir) || file.equals(outputDir)) {
            return Optional.of(path + " leads out of the output directory, so it is not read");
        }
        if (!Files.isDirectory(outputDir)) {
            return Optional.of(path + " is missing: the output directory is gone");
        }
        if (!Confinement.isInside(outputDir, file)) {
            return Optional.of(path + " leads out of the output directory through a link, so it is not read");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.of(path + " is missing from the output directory");
        } catch (IOException e) {
            return Optional.of(path + " cannot be read: " + FileErrors.reason(e));
        }
        if (attributes.isSymbolicLink()) {
            return Optional.of(
                    path + " is a symbolic link, not the file the build published (Keel does not follow it)");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of(path + " is " + (attributes.isDirectory() ? "a directory" : "a special file")
                    + ", not the file the build published");
        }
        try {
            if (!BuildFingerprint.sha256(file).equals(artifact.sha256())) {
                return Optional.of(path + " was changed since the build published it (another SHA-256)");
            }
        } catch (IOException e) {
            return Optional.of(path + " cannot be read: " + FileErrors.reason(e));
        }
        return Optional.empty();
    }

    /** The files of the record, absolute, the source RPM first: only for a record with no {@link #problems}. */
    public List<Path> files(BuildRecord record) {
        List<Path> files = new ArrayList<>();
        record.artifacts().forEach(artifact -> files.add(outputDir.resolve(artifact.path())));
        return files;
    }

    private Path file(String component) {
        return directory.resolve(component + ".json");
    }
}
