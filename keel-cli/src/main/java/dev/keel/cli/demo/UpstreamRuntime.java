package dev.keel.cli.demo;

import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The example upstream's binary repository ({@code examples/demo/runtime}): one package declaring
 * what the upstream's glibc, pkgconf and python3 provide, built with rpmbuild into {@code
 * runtime/} of the demo directory, which the example project names as its rpm-build input.
 */
public final class UpstreamRuntime {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private UpstreamRuntime() {}

    /** Builds the repository under {@code root}, replacing any earlier one; its log is {@code runtime.log}. */
    public static Path build(Path root) throws IOException, InterruptedException {
        Path source = root.resolve("runtime-source");
        Path top = root.resolve("runtime-build");
        Path repository = ExampleDistro.runtimeRepository(root);
        Path log = root.resolve("runtime.log");
        FileTrees.delete(source);
        FileTrees.delete(top);
        FileTrees.delete(repository);
        Files.deleteIfExists(log);
        EmbeddedExample.copy("runtime", source);
        ToolRunner runner = new ToolRunner(top.resolve("home"));
        run(
                runner,
                log,
                List.of(
                        "rpmbuild",
                        "-bb",
                        "--define",
                        "_topdir " + top,
                        "--define",
                        "_rpmdir " + repository,
                        source.resolve("upstream-runtime.spec").toString()));
        run(runner, log, List.of("createrepo_c", "--quiet", repository.toString()));
        FileTrees.delete(top);
        FileTrees.delete(source);
        return repository;
    }

    private static void run(ToolRunner runner, Path log, List<String> arguments)
            throws IOException, InterruptedException {
        ToolResult result = runner.run(ToolCommand.of(LIMIT, arguments), log);
        if (!result.succeeded()) {
            throw new IOException(arguments.get(0) + " failed building the example upstream's runtime repository"
                    + " (exit status " + result.exitCode() + "): see " + log);
        }
    }
}
