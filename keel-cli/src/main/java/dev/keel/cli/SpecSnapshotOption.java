package dev.keel.cli;

import dev.keel.core.render.SpecSnapshot;
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
}
