package dev.keel.cli;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.source.Remote;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Turns exceptions into a one-line error on stderr and exit code 1: never a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof ConfigException config) {
            Path root = Path.of("").toAbsolutePath();
            for (ConfigError error : config.errors()) {
                err.print(ProjectOptions.relativize(error, root).format());
                err.println();
            }
            err.println(commandLine.getColorScheme().errorText("error: " + config.getMessage()));
            err.flush();
            return 1;
        }
        // a URL's userinfo never reaches the terminal, whatever produced the message
        String message = Remote.redact(exception.getMessage() == null ? exception.toString() : exception.getMessage());
        err.println(commandLine.getColorScheme().errorText("error: " + message));
        if (System.getenv("KEEL_DEBUG") != null) {
            exception.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
