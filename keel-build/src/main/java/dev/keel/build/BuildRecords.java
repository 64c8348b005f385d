package dev.keel.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.repo.BuildRecord;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.io.Sha256Records;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link BuildRecord}s of one output directory, in Keel's cache ({@code build/<digest of the
 * output directory>/<component>.json}): recomputable data, so a record that is missing or does
 * not parse is a miss, never an error. Attestations read them to find what a build published.
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

    /** Whether every file of the record is still in the output directory with the digest it had. */
    public boolean intact(BuildRecord record) throws IOException {
        for (BuildRecord.Artifact artifact : record.artifacts()) {
            Path file = outputDir.resolve(artifact.path());
            if (!Files.isRegularFile(file) || !BuildFingerprint.sha256(file).equals(artifact.sha256())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The files the component's last complete build published (source RPM first), when every one
     * is still in the output directory as it was published; empty otherwise.
     */
    public Optional<List<Path>> publishedFiles(String component) throws IOException {
        Optional<BuildRecord> record = read(component);
        if (record.isEmpty() || !intact(record.get())) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        record.get().artifacts().forEach(artifact -> files.add(outputDir.resolve(artifact.path())));
        return Optional.of(files);
    }

    private Path file(String component) {
        return directory.resolve(component + ".json");
    }
}
