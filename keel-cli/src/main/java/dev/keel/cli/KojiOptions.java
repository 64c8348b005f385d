package dev.keel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code component build --backend koji}. */
final class KojiOptions {

    @Option(
            names = "--koji-profile",
            paramLabel = "NAME",
            description =
                    "With --backend koji: the profile of Koji's client configuration (default: ${DEFAULT-VALUE}).")
    String profile = "koji";

    @Option(
            names = "--koji-config",
            paramLabel = "FILE",
            description = "With --backend koji: read this file (or directory) instead of ~/.koji/config.")
    Path config;

    @Option(
            names = "--koji-target",
            paramLabel = "TARGET",
            description = "With --backend koji: the build target (default: the distro version's koji-target).")
    String target;

    @Option(names = "--scratch", description = "With --backend koji: scratch builds, as koji build --scratch.")
    boolean scratch;

    @Option(
            names = "--nowait",
            description = "With --backend koji: submit the first layer and return, as koji build --nowait; run"
                    + " again to watch it and go on.")
    boolean nowait;
}
