package dev.keel.core.autospec;

import dev.keel.spec.macro.MacroContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads a dist-git package's history for rpmautospec: every commit reachable from the head with
 * its parents, author, time, message, whether the spec exists, the {@code changelog} file and the
 * tree id; each commit's {@link SpecVersion} comes from expanding the spec at that commit (cached
 * per spec blob, since most commits share one), or from rpm itself where Keel's expander cannot
 * decide and {@code rpmspec} is installed.
 */
public final class GitHistory {

    private GitHistory() {}

    public static PackageHistory load(Repository repository, RevCommit head, String specPath, MacroContext context)
            throws IOException {
        Map<String, Commit> commits = new LinkedHashMap<>();
        Map<String, ObjectId> specBlobs = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                List<String> parents = new ArrayList<>();
                for (RevCommit parent : commit.getParents()) {
                    parents.add(parent.getName());
                }
                ObjectId spec = blob(repository, commit, specPath);
                ObjectId changelog = blob(repository, commit, "changelog");
                if (spec != null) {
                    specBlobs.put(commit.getName(), spec);
                }
                commits.put(
                        commit.getName(),
                        new Commit(
                                commit.getName(),
                                parents,
                                commit.getAuthorIdent().getName(),
                                commit.getAuthorIdent().getEmailAddress(),
                                Instant.ofEpochSecond(commit.getCommitTime()),
                                commit.getFullMessage(),
                                spec != null,
                                changelog == null
                                        ? null
                                        : new String(
                                                repository.open(changelog).getBytes(Integer.MAX_VALUE),
                                                StandardCharsets.UTF_8),
                                commit.getTree().getName()));
            }
        }
        Map<ObjectId, Optional<SpecVersion>> versions = new ConcurrentHashMap<>();
        return new PackageHistory(commits, head.getName(), commit -> {
            ObjectId blob = specBlobs.get(commit.id());
            return blob == null
                    ? Optional.empty()
                    : versions.computeIfAbsent(blob, id -> specVersion(repository, id, context));
        });
    }

    private static Optional<SpecVersion> specVersion(Repository repository, ObjectId blob, MacroContext context) {
        try {
            return SpecVersion.read(repository.open(blob).getBytes(Integer.MAX_VALUE), context);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ObjectId blob(Repository repository, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk == null ? null : walk.getObjectId(0);
        }
    }
}
