package dev.keel.audit.attest;

import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The project's git commit (its repository's HEAD) and whether an input file is exactly as that
 * commit has it: the same bytes at the same path, whatever the index says. A project outside any
 * repository, or in one without a commit, has no revision. The repository is found from the
 * project directory upwards; nothing of the environment ({@code GIT_DIR}) changes that.
 */
final class ProjectRevision implements AutoCloseable {

    /** What {@code projectState} says of the inputs. */
    enum State {
        /** Every input is as the commit has it. */
        COMMITTED("committed"),
        /** Some input differs from the commit, or the commit does not have it. */
        UNCOMMITTED("uncommitted"),
        /** The project is in no git repository, or one without a commit. */
        NOT_IN_GIT("not-in-git");

        private final String key;

        State(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private final Repository repository;
    private final Path workTree;
    private final RevCommit head;
    private final Map<Path, Boolean> committed = new ConcurrentHashMap<>();

    private ProjectRevision(Repository repository, Path workTree, RevCommit head) {
        this.repository = repository;
        this.workTree = workTree;
        this.head = head;
    }

    /** The revision of the project at {@code root}. */
    static ProjectRevision of(Path root) throws IOException {
        Path real = root.toRealPath();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(real.toFile());
        if (builder.getGitDir() == null) {
            return new ProjectRevision(null, null, null);
        }
        Repository repository = builder.build();
        ObjectId id = repository.isBare() ? null : repository.resolve(Constants.HEAD);
        if (id == null) {
            repository.close();
            return new ProjectRevision(null, null, null);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return new ProjectRevision(
                    repository, repository.getWorkTree().toPath().toRealPath(), walk.parseCommit(id));
        }
    }

    /** The commit's id, or empty outside git. */
    Optional<String> commit() {
        return head == null ? Optional.empty() : Optional.of(head.getName());
    }

    /**
     * Whether {@code file} (an absolute path inside the project) has the bytes the commit has at its
     * path; a link, a missing file or one the commit lacks is not committed.
     */
    boolean isCommitted(Path file) throws IOException {
        if (head == null) {
            return false;
        }
        Boolean known = committed.get(file);
        if (known == null) {
            known = compare(file);
            committed.put(file, known);
        }
        return known;
    }

    private boolean compare(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path real = file.toRealPath();
        if (!real.startsWith(workTree)) {
            return false;
        }
        String path = workTree.relativize(real).toString().replace('\\', '/');
        try (TreeWalk walk = TreeWalk.forPath(repository, path, head.getTree())) {
            if (walk == null || !isFile(walk.getFileMode(0))) {
                return false;
            }
            byte[] content = InputFiles.read(file, InputFiles.Kind.SOURCE);
            return walk.getObjectId(0).equals(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content));
        }
    }

    private static boolean isFile(FileMode mode) {
        return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
