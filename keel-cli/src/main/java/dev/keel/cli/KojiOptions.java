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

    @Option(
            names = "--from-scm",
            paramLabel = "URL",
            description = "With --backend koji: Koji checks each component's rendered spec out of this git repository"
                    + " (git+https://HOST/REPO.git[#COMMIT], default commit HEAD) instead of an upload; Koji's"
                    + " allowed_scms must permit it. The rendered specs must be committed.")
    String fromScm;

    @Option(
            names = "--wait-repo-timeout",
            paramLabel = "MINUTES",
            description = "With --backend koji: how long to wait for the build tag's repository to hold a layer's"
                    + " builds, as koji wait-repo --timeout (default: ${DEFAULT-VALUE}).")
    long waitRepoTimeout = DEFAULT_WAIT_REPO_TIMEOUT;

    static final long DEFAULT_WAIT_REPO_TIMEOUT = 120;

    /** A week: longer is a mistake, and far longer would overflow the wait's arithmetic. */
    static final long MAX_WAIT_REPO_TIMEOUT = 7 * 24 * 60;

    /** Whether any of these options was given. */
    boolean any() {
        return scratch
                || nowait
                || target != null
                || config != null
                || fromScm != null
                || waitRepoTimeout != 120
                || !profile.equals("koji");
    }

    /** Refuses values no build could use, before anything runs. */
    void check(picocli.CommandLine commandLine) {
        if (waitRepoTimeout < 1 || waitRepoTimeout > MAX_WAIT_REPO_TIMEOUT) {
            throw new picocli.CommandLine.ParameterException(
                    commandLine,
                    "--wait-repo-timeout must be 1 to " + MAX_WAIT_REPO_TIMEOUT + " minutes, not " + waitRepoTimeout);
        }
    }
}
