package dev.keel.build.repo;

import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.config.Location;
import dev.keel.core.io.CacheLock;
import dev.keel.core.io.Digests;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code --local-repo-with-publish} repository: each component's binary RPMs are copied in
 * (replacing the copies of its previous build) and {@code createrepo_c --update} refreshes the
 * metadata, which createrepo_c swaps in whole, so a reader sees the old or the new repository. One
 * publication at a time, across threads and processes.
 */
public final class PublishRepository {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Path directory;
    private final ToolRunner runner;
    private final Path cacheRoot;

    /** @param cacheRoot Keel's cache, where the lock that serializes publications is */
    public PublishRepository(Path directory, ToolRunner runner, Path cacheRoot) {
        this.directory = directory.toAbsolutePath().normalize();
        this.runner = runner;
        this.cacheRoot = cacheRoot;
    }

    public Path directory() {
        return directory;
    }

    /** Creates the repository (directory and metadata) unless it has metadata already. */
    public void initialize(Path log) throws IOException, InterruptedException {
        try (CacheLock lock = CacheLock.acquire(lockFile())) {
            Files.createDirectories(directory);
            if (!Files.isRegularFile(directory.resolve("repodata/repomd.xml"))) {
                createrepo(List.of(), log);
            }
        }
    }

    /**
     * Copies {@code rpms} in, removes {@code previousCopies} that are not replaced, updates the
     * metadata, and returns the copies now there (absolute paths).
     */
    public List<String> publish(List<Path> rpms, List<String> previousCopies, Path log)
            throws IOException, InterruptedException {
        try (CacheLock lock = CacheLock.acquire(lockFile())) {
            Files.createDirectories(directory);
            if (!directory.toRealPath().equals(directory)) {
                throw new FailureException(Failure.of(
                        Failure.Kind.FILESYSTEM,
                        "--local-repo-with-publish " + directory + " is reached through a link"));
            }
            List<String> copies = new ArrayList<>();
            for (Path rpm : rpms) {
                Path target = directory.resolve(rpm.getFileName().toString());
                AtomicCopy.copy(directory, rpm, target);
                copies.add(target.toString());
            }
            Set<String> kept = new HashSet<>(copies);
            for (String previous : previousCopies) {
                Path file = Path.of(previous).normalize();
                if (!kept.contains(previous)
                        && file.getParent() != null
                        && file.getParent().equals(directory)
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(file);
                }
            }
            createrepo(List.of("--update"), log);
            return copies;
        }
    }

    private void createrepo(List<String> options, Path log) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("createrepo_c", "--quiet"));
        arguments.addAll(options);
        arguments.add(directory.toString());
        ToolResult result = runner.run(ToolCommand.of(TIMEOUT, arguments), log);
        if (!result.succeeded()) {
            throw new FailureException(Failure.of(
                            Failure.Kind.TOOL,
                            "createrepo_c failed on " + directory + " (exit status " + result.exitCode() + ")")
                    .at(Location.of(log)));
        }
    }

    private Path lockFile() {
        return cacheRoot
                .resolve("publish")
                .resolve(Digests.hex("SHA-256", directory.toString().getBytes(StandardCharsets.UTF_8)) + ".lock");
    }
}
