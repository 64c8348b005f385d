package dev.keel.build.koji;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.render.RenderedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Where Koji checks out a component's rendered spec when it builds from SCM (as Azure Linux points
 * Koji at its rendered specs): {@code git+https://host/repo.git?specs/N/NAME#COMMIT}, Koji's SCM URL
 * form ({@code scheme://host/repository?path#revision}). The repository address is the user's; the
 * path is the rendered-specs directory's place in the project's git work tree; the revision is the
 * commit the address names after {@code #}, or the work tree's {@code HEAD}, resolved to a full
 * commit id in the local repository. A component whose rendered directory differs between that
 * commit and the work tree (uncommitted, untracked or changed since) is refused: Koji would build
 * something other than what Keel rendered and checked.
 */
public final class RenderedSpecsScm implements AutoCloseable {

    /** The schemes Koji's SCM class takes for git. */
    private static final Pattern ADDRESS = Pattern.compile("(git|git\\+https|git\\+http|git\\+ssh|git\\+file)://"
            + "([A-Za-z0-9._~-]+@)?[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+/-]*)?");

    private static final Pattern REVISION = Pattern.compile("[0-9a-f]{7,40}");

    private final Repository repository;
    private final String address;
    private final String directory;
    private final RevCommit commit;
    private List<DiffEntry> changes;

    private RenderedSpecsScm(Repository repository, String address, String directory, RevCommit commit) {
        this.repository = repository;
        this.address = address;
        this.directory = directory;
        this.commit = commit;
    }

    /**
     * Reads {@code url} ({@code git+https://host/repo.git} with an optional {@code #COMMIT}) for
     * the rendered specs in {@code specsDir}, which must be inside a git work tree.
     */
    public static RenderedSpecsScm open(String url, Path specsDir) throws IOException {
        int hash = url.indexOf('#');
        String address = hash < 0 ? url : url.substring(0, hash);
        String revision = hash < 0 ? null : url.substring(hash + 1);
        if (!ADDRESS.matcher(address).matches()) {
            throw usage("--from-scm '" + printable(url) + "' is not a git repository address Koji takes");
        }
        if (revision != null && !REVISION.matcher(revision).matches()) {
            throw usage("--from-scm names revision '" + printable(revision)
                    + "': give a commit id (7 to 40 lowercase hex digits), or none for HEAD");
        }
        if (!Files.isDirectory(specsDir)) {
            throw new FailureException(
                    Failure.of(Failure.Kind.CONFIGURATION, "there are no rendered specs at " + specsDir)
                            .withHint("run keel component render, commit the rendered specs, then build from SCM"));
        }
        Path real = specsDir.toRealPath();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(real.toFile());
        if (builder.getGitDir() == null) {
            throw notInGit(specsDir);
        }
        Repository repository = builder.build();
        try {
            if (repository.isBare()
                    || !real.startsWith(repository.getWorkTree().toPath().toRealPath())) {
                throw notInGit(specsDir);
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            String directory = workTree.relativize(real).toString().replace('\\', '/');
            RevCommit commit = commit(repository, revision == null ? "HEAD" : revision, url);
            return new RenderedSpecsScm(repository, address, directory, commit);
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    private static RevCommit commit(Repository repository, String revision, String url) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw usage("revision " + revision + " of --from-scm is ambiguous in the local repository: give more"
                    + " digits");
        }
        if (id == null) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            revision.equals("HEAD")
                                    ? "the rendered specs' git repository has no commit yet"
                                    : "commit " + revision + " of --from-scm is not in the local repository")
                    .withHint("Koji builds what the repository at " + printable(url.split("#", 2)[0])
                            + " has: commit and push the rendered specs, then build"));
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        }
    }

    /** The commit Koji checks out. */
    public String commit() {
        return commit.getName();
    }

    /**
     * The component's SCM URL, after checking that its rendered directory at the commit is what
     * the work tree has.
     */
    public String url(String component) throws IOException {
        String path = (directory.isEmpty() ? "" : directory + "/") + RenderedTree.relativeDir(component);
        List<DiffEntry> changes = changes().stream()
                .filter(change -> inside(change.getNewPath(), path) || inside(change.getOldPath(), path))
                .toList();
        if (!changes.isEmpty()) {
            DiffEntry first = changes.get(0);
            String file =
                    first.getChangeType() == DiffEntry.ChangeType.DELETE ? first.getOldPath() : first.getNewPath();
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            component + "'s rendered spec differs from commit "
                                    + commit.abbreviate(12).name()
                                    + " (" + changes.size() + " file" + (changes.size() == 1 ? "" : "s")
                                    + ", first " + file + ", "
                                    + first.getChangeType().name().toLowerCase(java.util.Locale.ROOT)
                                    + "): Koji would build something else than Keel rendered")
                    .withHint("commit the rendered specs (and push them) before building from SCM"));
        }
        if (!hasTree(path)) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            component + " has no rendered spec in commit "
                                    + commit.abbreviate(12).name())
                    .withHint("run keel component render -p " + component + " and commit it"));
        }
        return address + "?" + path + "#" + commit.getName();
    }

    /**
     * What differs between the commit and the work tree under the rendered-specs directory, found
     * once (one walk, not one per component).
     */
    private List<DiffEntry> changes() throws IOException {
        if (changes == null) {
            try (ObjectReader reader = repository.newObjectReader();
                    Git git = new Git(repository)) {
                CanonicalTreeParser tree = new CanonicalTreeParser();
                tree.reset(reader, commit.getTree());
                var diff = git.diff().setOldTree(tree).setShowNameAndStatusOnly(true);
                if (!directory.isEmpty()) {
                    diff.setPathFilter(PathFilter.create(directory));
                }
                changes = diff.call();
            } catch (GitAPIException e) {
                throw new IOException(
                        "cannot compare " + directory + " with commit " + commit.getName() + ": " + e.getMessage(), e);
            }
        }
        return changes;
    }

    private static boolean inside(String file, String directory) {
        return file.startsWith(directory + "/");
    }

    private boolean hasTree(String path) throws IOException {
        try (org.eclipse.jgit.treewalk.TreeWalk walk =
                org.eclipse.jgit.treewalk.TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk != null && walk.isSubtree();
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    private static FailureException notInGit(Path specsDir) {
        return new FailureException(Failure.of(
                        Failure.Kind.CONFIGURATION, "the rendered specs at " + specsDir + " are not in a git work tree")
                .withHint("Koji builds from SCM what a git repository holds: commit the rendered specs in the project's"
                        + " repository and push it"));
    }

    private static FailureException usage(String message) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, message)
                .withHint("--from-scm git+https://HOST/REPO.git[#COMMIT]: the repository that holds the rendered specs,"
                        + " as the hub's allowed_scms permits it"));
    }

    /** The text with control characters shown as {@code ?} and any user information as {@code ***}. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?").replaceAll("//[^/]*@", "//***@");
    }
}
