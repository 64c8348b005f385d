package dev.keel.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Entry point of the {@code keel} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 failure, 2 usage error. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** The configured command tree, printing to the process's standard output and error. */
    public static CommandLine commandLine() {
        return commandLine(
                new OutputStreamWriter(System.out, Charset.defaultCharset()),
                new OutputStreamWriter(System.err, Charset.defaultCharset()));
    }

    /**
     * The configured command tree printing to {@code out} and {@code err} (tests, the demo),
     * through {@link RedactingWriter}s so that no credential in a URL is ever printed.
     */
    public static CommandLine commandLine(Writer out, Writer err) {
        CommandLine commandLine = new CommandLine(new KeelCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionStrategy(KeelCommand::execute);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(new RedactingWriter(out), true));
        commandLine.setErr(new PrintWriter(new RedactingWriter(err), true));
        commandLine
                .getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .header("Print a bash/zsh completion script for keel")
                .description(
                        "Source it in a shell to complete keel's commands and options there with TAB:",
                        "",
                        "  source <(keel generate-completion)");
        HelpLayout.apply(commandLine);
        return commandLine;
    }
}
