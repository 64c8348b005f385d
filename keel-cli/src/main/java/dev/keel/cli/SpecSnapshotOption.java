package dev.keel.cli;

import dev.keel.core.config.Project;
import dev.keel.core.lock.LockStore;
import dev.keel.core.render.SpecSnapshot;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --upstream-specs DIR|FILE}: a spec snapshot to use instead of dist-git. */
public final class SpecSnapshotOption {

    @Option(
            names = "--upstream-specs",
            paramLabel = "DIR|FILE",
            description =
                    "Spec snapshot: a directory of <name>.spec files or a tarball of them (spec only, no history).")
    Path path;

    /** The snapshot, when the option is given. */
    Optional<SpecSnapshot> open() throws IOException {
        return path == null ? Optional.empty() : Optional.of(SpecSnapshot.open(path));
    }

    /** Where upstream specs come from: the snapshot when the option is given, else dist-git at the locked commits. */
    UpstreamSource openOrDistGit(Project project, FetchOptions fetch) throws IOException {
        return path == null
                ? new DistGitSource(project, fetch.mirrors(), new LockStore(project.lockDir()))
                : SpecSnapshot.open(path);
    }
}
