package dev.keel.cli;

import picocli.CommandLine;

/** Entry point of the {@code keel} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 failure, 2 usage error. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command tree (also used by tests and completion generation). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KeelCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionStrategy(KeelCommand::execute);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine
                .getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .header("Print a bash/zsh completion script for keel (source it in a shell).");
        HelpLayout.apply(commandLine);
        return commandLine;
    }
}
