package dev.keel.core.source;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Chooses the upstream commit of a component, in order: the lock's commit, an
 * {@code upstream-commit} pin (short or full), the last first-parent commit of the branch made
 * before the snapshot time, else the branch head.
 */
public final class CommitSelector {

    /** What decides the commit; any of the first three may be null. */
    public record Request(String lockedCommit, String pin, Instant snapshot, String branch) {}

    private CommitSelector() {}

    public static RevCommit select(Repository repository, Request request) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            if (request.lockedCommit() != null) {
                return walk.parseCommit(resolve(repository, request.lockedCommit(), "locked commit"));
            }
            if (request.pin() != null) {
                return walk.parseCommit(resolve(repository, request.pin(), "upstream-commit"));
            }
            Ref branch = repository.exactRef("refs/heads/" + request.branch());
            if (branch == null) {
                throw new IOException("upstream has no branch '" + request.branch() + "'");
            }
            RevCommit commit = walk.parseCommit(branch.getObjectId());
            if (request.snapshot() == null) {
                return commit;
            }
            long limit = request.snapshot().getEpochSecond();
            while (commit != null && commit.getCommitTime() > limit) {
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            if (commit == null) {
                throw new IOException("branch '" + request.branch() + "' has no commit before " + request.snapshot());
            }
            return commit;
        }
    }

    /** A full or abbreviated commit id in the repository; an unknown or ambiguous one is an error. */
    static ObjectId resolve(Repository repository, String id, String what) throws IOException {
        if (!id.matches("[0-9a-fA-F]{4,40}")) {
            throw new IOException(what + " '" + id + "' is not a commit hash");
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            Collection<ObjectId> matches =
                    reader.resolve(AbbreviatedObjectId.fromString(id.toLowerCase(java.util.Locale.ROOT)));
            if (matches.isEmpty()
                    || !repository.getObjectDatabase().has(matches.iterator().next())) {
                throw new IOException(
                        what + " " + id + " is not in the upstream repository (was its history rewritten?)");
            }
            if (matches.size() > 1) {
                throw new IOException(what + " " + id + " is ambiguous; give more digits");
            }
            return matches.iterator().next();
        }
    }
}
