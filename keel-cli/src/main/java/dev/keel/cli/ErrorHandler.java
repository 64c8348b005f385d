package dev.keel.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns exceptions into a one-line error on stderr and exit code 1: never a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
        err.println(commandLine.getColorScheme().errorText("error: " + message));
        if (System.getenv("KEEL_DEBUG") != null) {
            exception.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
