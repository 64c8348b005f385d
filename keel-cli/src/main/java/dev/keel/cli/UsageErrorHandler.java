package dev.keel.cli;

import dev.keel.core.io.Printable;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A usage error (a bad option value, a missing argument, options that exclude each other): one
 * {@code error:} line, picocli's suggestions for a mistyped option or command, the command's usage
 * line and where to read more; exit code 2.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + Printable.escape(exception.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
