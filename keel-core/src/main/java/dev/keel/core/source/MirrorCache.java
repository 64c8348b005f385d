package dev.keel.core.source;

import dev.keel.core.io.CacheLock;
import dev.keel.core.io.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ChainingCredentialsProvider;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.NetRCCredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Bare mirrors of upstream git repositories, one per repository address (without userinfo),
 * shared by every Keel run. A mirror that already holds the commit a caller needs is used as it
 * is; otherwise the first use in a run clones or fetches what is new. A {@link CacheLock} per
 * mirror keeps concurrent threads and processes from fetching into one repository at once, and
 * whoever holds it first removes what a killed fetch left (git lock files, temporary packs, a
 * half-made clone). A first clone is made in a temporary directory renamed into place. Offline,
 * nothing is fetched: a missing mirror or commit is an error naming it.
 */
public final class MirrorCache {

    private final Path root;
    private final FetchPolicy policy;
    private final Set<Path> updated = ConcurrentHashMap.newKeySet();

    public MirrorCache(Path root, FetchPolicy policy) {
        this.root = root;
        this.policy = policy;
    }

    /**
     * The mirror of {@code uri}, fetched first unless it already holds {@code commit} (a full or
     * abbreviated id; empty when the caller needs the branches as they are now, which fetches once
     * per run). The caller closes the repository.
     */
    public Repository open(String uri, Optional<String> commit) throws IOException {
        Remote remote = Remote.of(uri);
        Path mirror = root.resolve("git").resolve(directoryName(remote.address()));
        if (!updated.contains(mirror) && !holds(mirror, commit)) {
            if (policy.offline()) {
                requireOffline(remote, mirror, commit);
            } else {
                try (CacheLock lock = CacheLock.acquire(mirror.resolveSibling(mirror.getFileName() + ".lock"))) {
                    if (!updated.contains(mirror) && !holds(mirror, commit)) {
                        removeLeftovers(mirror);
                        update(remote, mirror);
                        updated.add(mirror);
                    }
                }
            }
        }
        return new FileRepositoryBuilder()
                .setGitDir(mirror.toFile())
                .setMustExist(true)
                .build();
    }

    /** Whether the mirror exists and has the commit. */
    private static boolean holds(Path mirror, Optional<String> commit) throws IOException {
        if (commit.isEmpty() || !Files.isDirectory(mirror)) {
            return false;
        }
        try (Repository repository =
                new FileRepositoryBuilder().setGitDir(mirror.toFile()).build()) {
            return CommitSelector.contains(repository, commit.get());
        }
    }

    private static void requireOffline(Remote remote, Path mirror, Optional<String> commit) throws IOException {
        if (!Files.isDirectory(mirror)) {
            throw new IOException(
                    remote + " is not in Keel's cache, and --offline forbids fetching it (run once without --offline)");
        }
        if (commit.isPresent()) {
            throw new IOException("commit " + commit.get() + " of " + remote
                    + " is not in Keel's cache, and --offline forbids fetching it (run once without --offline)");
        }
    }

    private void update(Remote remote, Path mirror) throws IOException {
        requireSupportedScheme(remote);
        boolean clone = !Files.isDirectory(mirror);
        Path repository =
                clone ? Files.createTempDirectory(mirror.getParent(), "." + mirror.getFileName() + ".") : mirror;
        FetchLimit limit =
                new FetchLimit(repository.resolve("objects"), policy.limits().maxBytes());
        try {
            if (clone) {
                Git.init()
                        .setBare(true)
                        .setDirectory(repository.toFile())
                        .call()
                        .close();
            }
            try (Git git = Git.open(repository.toFile())) {
                noAutomaticGc(git.getRepository());
                git.fetch()
                        .setRemote(remote.address())
                        .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                        .setRemoveDeletedRefs(true)
                        .setTimeout(timeoutSeconds())
                        .setCredentialsProvider(credentials(remote))
                        .setProgressMonitor(limit)
                        .call();
            }
            if (limit.exceeded()) {
                throw new IOException("the fetch grew past the limit");
            }
            if (clone) {
                Files.move(repository, mirror, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (clone) {
                FileTrees.delete(repository);
            }
            if (limit.exceeded()) {
                throw new DownloadException(
                        "cannot fetch " + remote + ": "
                                + policy.limits().tooLarge().getMessage(),
                        false);
            }
            throw new IOException("cannot fetch " + remote + ": " + FetchFailures.reason(e, remote), e);
        }
    }

    /** The transports Keel's JGit has: no ssh (no SSH library is bundled), no bundles or S3. */
    private static void requireSupportedScheme(Remote remote) throws DownloadException {
        String address = remote.address();
        int colon = address.indexOf("://");
        String scheme = colon < 0 ? "" : address.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!List.of("https", "http", "git", "file").contains(scheme)) {
            throw new DownloadException(
                    "cannot fetch " + remote + ": Keel fetches dist-git over https, http, git and file URLs only"
                            + " (no ssh: use https, with credentials in ~/.netrc)",
                    false);
        }
    }

    /** JGit's timeout: how long a read may wait for data (and a connection may take to open). */
    private int timeoutSeconds() {
        long seconds = Math.max(
                policy.limits().stallWindow().toSeconds(),
                policy.limits().connectTimeout().toSeconds());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    /** The userinfo's credentials, if the URL had any, then {@code ~/.netrc}. */
    private static CredentialsProvider credentials(Remote remote) {
        NetRCCredentialsProvider netrc = new NetRCCredentialsProvider();
        return remote.credentials()
                .<CredentialsProvider>map(given -> new ChainingCredentialsProvider(
                        new UsernamePasswordCredentialsProvider(given.user(), given.password()), netrc))
                .orElse(netrc);
    }

    /**
     * What a killed fetch or clone of this mirror left: git's lock files and temporary objects in
     * the mirror, and half-made clones beside it. Called with the mirror's lock held, so nobody
     * is writing them.
     */
    private static void removeLeftovers(Path mirror) throws IOException {
        Path parent = mirror.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        String staging = "." + mirror.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path sibling : siblings.filter(
                            path -> path.getFileName().toString().startsWith(staging) && Files.isDirectory(path))
                    .toList()) {
                FileTrees.delete(sibling);
            }
        }
        if (!Files.isDirectory(mirror)) {
            return;
        }
        List<Path> leftovers = new ArrayList<>();
        Files.walkFileTree(mirror, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                String name = path.getFileName().toString();
                boolean temporaryObject =
                        path.getParent().getFileName().toString().equals("objects")
                                && (name.startsWith("incoming_") || name.startsWith("noz"));
                if (attributes.isRegularFile() && (name.endsWith(".lock") || temporaryObject)) {
                    leftovers.add(path);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
    }

    /**
     * Turns off JGit's automatic garbage collection in a mirror: it runs in a background thread
     * after a fetch, outside the mirror's lock, and would race with other fetches and readers.
     */
    private static void noAutomaticGc(Repository repository) throws IOException {
        StoredConfig config = repository.getConfig();
        if (config.getInt("gc", "auto", -1) != 0) {
            config.setInt("gc", null, "auto", 0);
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
        }
    }

    /** A readable, collision-free directory name for a repository address (given without userinfo). */
    static String directoryName(String address) {
        String readable = address.replaceAll("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        if (readable.length() > 80) {
            readable = readable.substring(readable.length() - 80);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".git";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
