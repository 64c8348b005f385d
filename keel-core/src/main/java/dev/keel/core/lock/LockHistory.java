package dev.keel.core.lock;

import dev.keel.core.autospec.ProjectChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The project changes of a component, read from its lock file's history in the project's git
 * repository (azldev's synthetic-history input): every commit in which the lock's
 * {@code input-fingerprint} changed, oldest first, plus an uncommitted change when the current
 * fingerprint differs from the committed one. Without a repository, or without a committed lock,
 * there are none.
 *
 * <p>Adopting Keel on an azldev project rewrites every fingerprint (Keel does not reproduce
 * azldev's hash) in one commit; a commit that only switches the lock's writer from azldev to Keel,
 * with the same upstream commit and manual bump, is therefore not a change.
 */
public final class LockHistory {

    /** The author of the uncommitted change (azldev uses {@code azldev <azldev@local>}). */
    static final String LOCAL_AUTHOR = "Keel";

    static final String LOCAL_EMAIL = "keel@local";
    static final String LOCAL_SUBJECT = "Local changes (uncommitted)";

    private LockHistory() {}

    /**
     * @param lockFile the component's lock file
     * @param currentFingerprint the fingerprint of the inputs as they are now, or null to skip the
     *     uncommitted change
     * @param currentUpstreamCommit the upstream commit the inputs resolve to now
     */
    public static List<ProjectChange> read(Path lockFile, String currentFingerprint, String currentUpstreamCommit)
            throws IOException {
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().findGitDir(lockFile.getParent().toFile());
        if (builder.getGitDir() == null) {
            return List.of();
        }
        try (Repository repository = builder.build();
                RevWalk walk = new RevWalk(repository)) {
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            Path lock = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
            ObjectId head = repository.resolve("HEAD");
            if (head == null || !lock.startsWith(workTree)) {
                return List.of();
            }
            String path = workTree.relativize(lock).toString().replace('\\', '/');
            RevCommit headCommit = walk.parseCommit(head);
            Versioned committed = read(repository, headCommit, path);
            if (committed == null) {
                return List.of();
            }
            List<ProjectChange> changes = committedChanges(repository, headCommit, path);
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
                        Instant.ofEpochSecond(headCommit.getCommitTime()),
                        LOCAL_SUBJECT,
                        currentUpstreamCommit));
            }
            return changes;
        }
    }

    private static List<ProjectChange> committedChanges(Repository repository, RevCommit head, String path)
            throws IOException {
        List<RevCommit> touching = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.TOPO);
            walk.setRevFilter(RevFilter.ALL);
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                touching.add(commit);
            }
        }
        Collections.reverse(touching);
        List<ProjectChange> changes = new ArrayList<>();
        Versioned previous = null;
        for (RevCommit commit : touching) {
            Versioned current = read(repository, commit, path);
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
        return changes;
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
                && java.util.Objects.equals(
                        previous.lock().upstreamCommit(), current.lock().upstreamCommit())
                && previous.lock().manualBump() == current.lock().manualBump();
        return !adoption;
    }

    /** A lock as committed, and whether Keel wrote it. */
    private record Versioned(LockFile lock, boolean writtenByKeel) {}

    private static Versioned read(Repository repository, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null) {
                return null;
            }
            byte[] bytes = repository.open(walk.getObjectId(0)).getBytes(Integer.MAX_VALUE);
            LockFile lock = LockStore.parse(Path.of(path + " at " + commit.getName()), bytes);
            return new Versioned(lock, new String(bytes, StandardCharsets.UTF_8).startsWith(LockStore.HEADER));
        }
    }
}
