package dev.keel.core.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository playing an upstream dist-git package, with commits at chosen times. */
final class UpstreamRepo implements AutoCloseable {

    final Path dir;
    final Git git;

    UpstreamRepo(Path dir, String branch) throws GitAPIException {
        this.dir = dir;
        this.git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
    }

    RevCommit commit(String file, String content, String message, Instant time) throws IOException, GitAPIException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(file).call();
        PersonIdent who = new PersonIdent(
                new PersonIdent("Upstream Packager", "up@example.org"),
                java.util.Date.from(time),
                TimeZone.getTimeZone("UTC"));
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    String uri() {
        return dir.toUri().toString();
    }

    @Override
    public void close() {
        git.close();
    }
}
