package dev.keel.core.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository playing an upstream dist-git package, with commits at chosen times. */
public final class UpstreamRepo implements AutoCloseable {

    public final Path dir;
    public final Git git;

    public UpstreamRepo(Path dir, String branch) throws GitAPIException {
        this.dir = dir;
        this.git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
    }

    /** Writes a file and commits it. */
    public RevCommit commit(String file, String content, String message, Instant time)
            throws IOException, GitAPIException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(file).call();
        return commitIndex(message, time);
    }

    /** Commits whatever is staged, possibly nothing (as {@code git commit --allow-empty}). */
    public RevCommit commitIndex(String message, Instant time) throws GitAPIException {
        PersonIdent who = new PersonIdent(
                new PersonIdent("Upstream Packager", "up@example.org"),
                java.util.Date.from(time),
                TimeZone.getTimeZone("UTC"));
        return git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setAllowEmpty(true)
                .call();
    }

    /** Switches to a branch, creating it at the current commit when {@code create}. */
    public void checkout(String branch, boolean create) throws GitAPIException {
        git.checkout().setName(branch).setCreateBranch(create).call();
    }

    /**
     * Merges a branch into the current one with the given strategy and commits the result (kept
     * even when it is a fast-forward, as {@code --no-ff}).
     */
    public RevCommit merge(String branch, MergeStrategy strategy, String message, Instant time)
            throws IOException, GitAPIException {
        git.merge()
                .include(git.getRepository().resolve(branch))
                .setStrategy(strategy)
                .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                .setCommit(false)
                .call();
        return commitIndex(message, time);
    }

    public String uri() {
        return dir.toUri().toString();
    }

    @Override
    public void close() {
        git.close();
    }
}
