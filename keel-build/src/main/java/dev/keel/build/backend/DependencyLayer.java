package dev.keel.build.backend;

import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.outcome.Failure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The build dependencies of one build, installed with {@code rpm --root LAYER} into a directory
 * of their own (never the host's), with their own rpm database at {@code LAYER/.keel-rpmdb}.
 *
 * <p>{@code --nodeps}: the layer's database holds only these packages, so what they need from the
 * host (the C library, ...) is not in it. {@code --noscripts --notriggers}: scriptlets would run
 * chrooted into the layer, which has no shell; build dependencies rarely need theirs.
 * {@code --noplugins}: no rpm plugin (SELinux labels, systemd inhibitors) acts on the layer. Not
 * {@code --ignorearch}: a dependency built for another architecture cannot be used, and rpm says
 * so.
 */
final class DependencyLayer {

    /** The layer's rpm database, a top-level directory of the layer that is never overlaid. */
    static final String DB_NAME = ".keel-rpmdb";

    private DependencyLayer() {}

    /** Installs {@code rpms} into {@code layer}; a failure names the log. */
    static Optional<Failure> install(ToolRunner runner, Path layer, List<Path> rpms, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (rpms.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>(List.of(
                "rpm",
                "--root",
                layer.toAbsolutePath().toString(),
                "--define",
                "_dbpath /" + DB_NAME,
                "--install",
                "--nodeps",
                "--noscripts",
                "--notriggers",
                "--noplugins"));
        rpms.stream().map(rpm -> rpm.toAbsolutePath().toString()).sorted().forEach(arguments::add);
        ToolResult result = runner.run(ToolCommand.of(timeout, arguments), log);
        if (result.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(BuildLog.failure(
                        Failure.Kind.BUILD,
                        result.timedOut()
                                ? "installing the build dependencies took too long"
                                : "the build dependencies cannot be installed together (rpm exited with "
                                        + result.exitCode() + ")",
                        log,
                        result.logStart())
                .withHint("two dependencies may own the same file, or one is for another architecture: see"
                        + " the log"));
    }
}
