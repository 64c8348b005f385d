package dev.keel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global {@code -q/--quiet} and {@code -v/--verbose} options, inherited by every command: how
 * much a command says on stderr besides its errors and its requested output.
 */
public final class Verbosity {

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Print only errors and the requested output: no progress, summaries or notes.")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description =
                    "Print more on stderr: every configuration warning in full and, rendering, what each component"
                            + " took.")
    boolean verbose;

    /** The status channel of {@code commandLine}; giving both -q and -v is a usage error. */
    Status status(CommandLine commandLine) {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(commandLine, "-q/--quiet and -v/--verbose exclude each other");
        }
        return new Status(
                commandLine.getErr(),
                quiet ? Status.Level.QUIET : verbose ? Status.Level.VERBOSE : Status.Level.NORMAL);
    }
}
