package dev.keel.core.source;

import dev.keel.core.io.CacheLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Bare mirrors of upstream git repositories, one per repository, shared by every Keel run: the
 * first use clones, later uses fetch what is new (once per run). A {@link CacheLock} per mirror
 * keeps concurrent threads and Keel processes from fetching into the same repository at once, and
 * a first clone goes to a temporary directory that is renamed into place, so a killed clone leaves
 * nothing behind.
 */
public final class MirrorCache {

    private final Path root;

    private final Set<Path> updated = ConcurrentHashMap.newKeySet();

    public MirrorCache(Path root) {
        this.root = root;
    }

    /** The up-to-date mirror of {@code uri}; the caller closes the repository. */
    public Repository open(String uri) throws IOException {
        Path mirror = root.resolve("git").resolve(directoryName(uri));
        if (!updated.contains(mirror)) {
            try (CacheLock lock = CacheLock.acquire(mirror.resolveSibling(mirror.getFileName() + ".lock"))) {
                if (!updated.contains(mirror)) {
                    update(uri, mirror);
                    updated.add(mirror);
                }
            }
        }
        return new FileRepositoryBuilder()
                .setGitDir(mirror.toFile())
                .setMustExist(true)
                .build();
    }

    private static void update(String uri, Path mirror) throws IOException {
        try {
            if (Files.isDirectory(mirror)) {
                try (Git git = Git.open(mirror.toFile())) {
                    git.fetch()
                            .setRemote(uri)
                            .setRefSpecs(
                                    new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                            .setRemoveDeletedRefs(true)
                            .call();
                }
            } else {
                Path staging = Files.createTempDirectory(mirror.getParent(), "." + mirror.getFileName() + ".");
                Git.cloneRepository()
                        .setURI(uri)
                        .setBare(true)
                        .setCloneAllBranches(true)
                        .setDirectory(staging.toFile())
                        .call()
                        .close();
                Files.move(staging, mirror, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot fetch " + uri + ": " + e.getMessage(), e);
        }
    }

    /** A readable, collision-free directory name for a repository URI. */
    static String directoryName(String uri) {
        String readable = uri.replaceAll("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        if (readable.length() > 80) {
            readable = readable.substring(readable.length() - 80);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".git";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
