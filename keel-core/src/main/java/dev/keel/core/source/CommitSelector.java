package dev.keel.core.source;

import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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

    /**
     * What decides the commit; any of the first three may be null. {@code repository} names the
     * repository in messages (an address without userinfo); {@code lockFile} is where the locked
     * commit comes from (null without one), named when the upstream does not have it.
     */
    public record Request(
            String lockedCommit, String pin, Instant snapshot, String branch, String repository, Path lockFile) {}

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");

    private CommitSelector() {}

    public static RevCommit select(Repository repository, Request request) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            if (request.lockedCommit() != null) {
                Location where = request.lockFile() == null ? null : Location.of(request.lockFile());
                return walk.parseCommit(resolve(repository, request.lockedCommit(), "locked commit", request, where));
            }
            if (request.pin() != null) {
                return walk.parseCommit(resolve(repository, request.pin(), "upstream-commit", request, null));
            }
            Ref branch = repository.exactRef("refs/heads/" + request.branch());
            if (branch == null) {
                throw new IOException(request.repository() + " has no branch '" + request.branch() + "'");
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
                throw new IOException("branch '" + request.branch() + "' of " + request.repository()
                        + " has no commit before " + request.snapshot());
            }
            return commit;
        }
    }

    /** Whether the repository has exactly one object with this full or abbreviated id. */
    static boolean contains(Repository repository, String id) throws IOException {
        return HEX.matcher(id).matches() && matches(repository, id).size() == 1;
    }

    /**
     * A full or abbreviated commit id in the repository; an unknown or ambiguous one is an error,
     * located at {@code where} (the lock file) when it is not null.
     */
    private static ObjectId resolve(Repository repository, String id, String what, Request request, Location where)
            throws IOException {
        if (!HEX.matcher(id).matches()) {
            throw new IOException(what + " '" + id + "' is not a commit hash");
        }
        List<ObjectId> matches = matches(repository, id);
        if (matches.isEmpty()) {
            String message = what + " " + id + " is not in the upstream repository " + request.repository()
                    + " (was its history rewritten?)";
            if (where == null) {
                throw new IOException(message);
            }
            throw new FailureException(Failure.of(Failure.Kind.UPSTREAM, message)
                    .at(where)
                    .withHint("'keel component update' locks a commit the upstream has"));
        }
        if (matches.size() > 1) {
            throw new IOException(what + " " + id + " is ambiguous in " + request.repository() + "; give more digits");
        }
        return matches.get(0);
    }

    private static List<ObjectId> matches(Repository repository, String id) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            List<ObjectId> present = new ArrayList<>();
            for (ObjectId match : reader.resolve(AbbreviatedObjectId.fromString(id.toLowerCase(Locale.ROOT)))) {
                if (repository.getObjectDatabase().has(match)) {
                    present.add(match);
                }
            }
            return present;
        }
    }
}
