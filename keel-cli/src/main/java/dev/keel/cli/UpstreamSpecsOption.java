package dev.keel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --upstream-specs DIR|FILE}: a spec snapshot to check or diff against. */
public final class UpstreamSpecsOption {

    @Option(
            names = "--upstream-specs",
            required = true,
            paramLabel = "DIR|FILE",
            description = "A spec snapshot: a directory of <name>.spec files or a tarball of them, like Fedora's"
                    + " published rpm-specs-latest.tar.xz.")
    Path path;
}
