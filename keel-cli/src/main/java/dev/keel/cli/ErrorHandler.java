package dev.keel.cli;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.Failures;
import dev.keel.core.outcome.PathDisplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns what a command throws into an error block on stderr and exit code 1: the typed failure in
 * words, with the path it is about, never a stack trace or a Java class name (set
 * {@code KEEL_DEBUG=1} to see the stack trace).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        Path here = Path.of("").toAbsolutePath();
        if (exception instanceof ConfigException config) {
            // shown relative to the project, like every other report of a project's files
            Path base = commandLine.getCommandSpec().root().userObject() instanceof KeelCommand keel
                    ? keel.projectOptions.rootDirectory().orElse(here)
                    : here;
            for (ConfigError error : config.errors()) {
                err.print(ProjectOptions.relativize(error, base).format());
                err.println();
            }
            err.println(commandLine.getColorScheme().errorText("error: " + config.getMessage()));
        } else {
            Failure failure = Failures.of(exception, Failure.Kind.FILESYSTEM);
            err.print(FailureFormat.block(null, failure, PathDisplay.relativeTo(here)));
        }
        if (System.getenv("KEEL_DEBUG") != null) {
            exception.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
