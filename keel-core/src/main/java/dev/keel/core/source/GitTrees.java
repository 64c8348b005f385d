package dev.keel.core.source;

import dev.keel.core.io.InputFiles;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of a commit as a {@link SourceTree}; symbolic links and submodules are refused. */
public final class GitTrees {

    private GitTrees() {}

    public static SourceTree read(Repository repository, RevCommit commit) throws IOException {
        Map<String, SourceFile> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    ObjectLoader blob = repository.open(walk.getObjectId(0));
                    InputFiles.requireSize(
                            walk.getPathString() + " in upstream commit " + commit.getName(),
                            blob.getSize(),
                            InputFiles.Kind.inSources(walk.getPathString()));
                    byte[] content = blob.getBytes(Integer.MAX_VALUE);
                    files.put(walk.getPathString(), new SourceFile(content, mode == FileMode.EXECUTABLE_FILE));
                } else {
                    throw new IOException("upstream commit " + commit.getName()
                            + " has a symbolic link or submodule at " + walk.getPathString() + ", which Keel refuses");
                }
            }
        }
        return SourceTree.of(files);
    }
}
