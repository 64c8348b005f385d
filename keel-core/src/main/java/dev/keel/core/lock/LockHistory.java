package dev.keel.core.lock;

import dev.keel.core.autospec.ProjectChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The project changes of components, read from their lock files' history in the project's git
 * repository (azldev's synthetic-history input): every commit in which a lock's
 * {@code input-fingerprint} changed, oldest first, plus an uncommitted change when the current
 * fingerprint differs from the committed one. Without a repository, or without a committed lock,
 * there are none. The history of the lock directory is walked once (on first use) for all
 * components, so a distro with thousands of locks costs one walk, not one per component. Safe for
 * concurrent use.
 *
 * <p>Adopting Keel on an azldev project rewrites every fingerprint (Keel does not reproduce
 * azldev's hash) in one commit; a commit that only switches the lock's writer from azldev to Keel,
 * with the same upstream commit and manual bump, is therefore not a change.
 */
public final class LockHistory implements AutoCloseable {

    /** The author of the uncommitted change (azldev uses {@code azldev <azldev@local>}). */
    static final String LOCAL_AUTHOR = "Keel";

    static final String LOCAL_EMAIL = "keel@local";
    static final String LOCAL_SUBJECT = "Local changes (uncommitted)";

    private static final LockHistory NONE = new LockHistory(null, null, null);

    private final Repository repository;
    private final String directory;
    private final RevCommit head;
    private Map<String, List<Version>> versions;

    /** A lock file as one commit left it: its blob, or null when the commit deleted it. */
    private record Version(RevCommit commit, ObjectId blob) {}

    private LockHistory(Repository repository, String directory, RevCommit head) {
        this.repository = repository;
        this.directory = directory;
        this.head = head;
    }

    /** The history of the lock files in {@code lockDir}, from the git repository holding it, if any. */
    public static LockHistory open(Path lockDir) throws IOException {
        if (!Files.isDirectory(lockDir)) {
            return NONE;
        }
        Path real = lockDir.toRealPath();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(real.toFile());
        if (builder.getGitDir() == null) {
            return NONE;
        }
        Repository repository = builder.build();
        Path workTree =
                repository.isBare() ? null : repository.getWorkTree().toPath().toRealPath();
        ObjectId head = repository.resolve("HEAD");
        if (workTree == null || head == null || !real.startsWith(workTree) || real.equals(workTree)) {
            repository.close();
            return NONE;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return new LockHistory(
                    repository, workTree.relativize(real).toString().replace('\\', '/'), walk.parseCommit(head));
        }
    }

    /**
     * A component's project changes, oldest first.
     *
     * @param currentFingerprint the fingerprint of its inputs as they are now, or null to skip the
     *     uncommitted change
     * @param currentUpstreamCommit the upstream commit its inputs resolve to now
     */
    public List<ProjectChange> changes(String component, String currentFingerprint, String currentUpstreamCommit)
            throws IOException {
        if (repository == null) {
            return List.of();
        }
        String path = directory + "/" + component + ".lock";
        List<Version> history = index().getOrDefault(path, List.of());
        Versioned committed = history.isEmpty() ? null : read(history.get(history.size() - 1), path);
        if (committed == null) {
            return List.of();
        }
        List<ProjectChange> changes = new ArrayList<>();
        Versioned previous = null;
        for (Version version : history) {
            Versioned current = read(version, path);
            RevCommit commit = version.commit();
            if (current != null && isChange(previous, current)) {
                changes.add(new ProjectChange(
                        commit.getName(),
                        commit.getAuthorIdent().getName(),
                        commit.getAuthorIdent().getEmailAddress(),
                        commit.getAuthorIdent().getWhenAsInstant(),
                        commit.getShortMessage(),
                        current.lock().upstreamCommit()));
            }
            previous = current;
        }
        if (changes.isEmpty()
                && !repository.getObjectDatabase().getShallowCommits().isEmpty()) {
            throw new IOException("the project repository is a shallow clone, and the history of " + path
                    + " is needed for release numbers; fetch the full history (git fetch --unshallow)");
        }
        if (currentFingerprint != null
                && !currentFingerprint.equals(committed.lock().inputFingerprint())) {
            changes.add(new ProjectChange(
                    "dirty",
                    LOCAL_AUTHOR,
                    LOCAL_EMAIL,
                    Instant.ofEpochSecond(head.getCommitTime()),
                    LOCAL_SUBJECT,
                    currentUpstreamCommit));
        }
        return changes;
    }

    /**
     * For every lock file, its versions (oldest first): each commit whose tree has it different
     * from the first parent's, with the blob it has there.
     */
    private synchronized Map<String, List<Version>> index() throws IOException {
        if (versions != null) {
            return versions;
        }
        Map<String, List<Version>> index = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk diff = new TreeWalk(repository)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(head));
            diff.setRecursive(true);
            diff.setFilter(AndTreeFilter.create(PathFilter.create(directory), TreeFilter.ANY_DIFF));
            for (RevCommit commit : walk) {
                diff.reset();
                if (commit.getParentCount() == 0) {
                    diff.addTree(new EmptyTreeIterator());
                } else {
                    diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                }
                diff.addTree(commit.getTree());
                while (diff.next()) {
                    if (diff.getPathString().endsWith(".lock")) {
                        ObjectId blob = diff.getObjectId(1);
                        index.computeIfAbsent(diff.getPathString(), key -> new ArrayList<>())
                                .add(new Version(commit, blob.equals(ObjectId.zeroId()) ? null : blob));
                    }
                }
            }
        }
        versions = index;
        return index;
    }

    private static boolean isChange(Versioned previous, Versioned current) {
        if (previous == null) {
            return true;
        }
        String before = previous.lock().inputFingerprint();
        if (before != null && before.equals(current.lock().inputFingerprint())) {
            return false;
        }
        boolean adoption = !previous.writtenByKeel()
                && current.writtenByKeel()
                && Objects.equals(
                        previous.lock().upstreamCommit(), current.lock().upstreamCommit())
                && previous.lock().manualBump() == current.lock().manualBump();
        return !adoption;
    }

    /** A lock as committed, and whether Keel wrote it. */
    private record Versioned(LockFile lock, boolean writtenByKeel) {}

    private Versioned read(Version version, String path) throws IOException {
        if (version.blob() == null) {
            return null;
        }
        byte[] bytes = repository.open(version.blob()).getBytes(Integer.MAX_VALUE);
        LockFile lock = LockStore.parse(Path.of(path + " at " + version.commit().getName()), bytes);
        return new Versioned(lock, new String(bytes, StandardCharsets.UTF_8).startsWith(LockStore.HEADER));
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
