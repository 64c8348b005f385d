package dev.keel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --upstream-specs DIR}: a spec snapshot to check or diff against. */
public final class UpstreamSpecsOption {

    @Option(
            names = "--upstream-specs",
            required = true,
            paramLabel = "DIR",
            description = "A directory of <name>.spec files, like Fedora's published spec snapshot.")
    Path directory;
}
