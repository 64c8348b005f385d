package dev.keel.cli;

import picocli.CommandLine.Option;

/** The {@code -O/--output} option of commands with tabular results. */
public final class OutputOption {

    @Option(
            names = {"-O", "--output"},
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    boolean isJson() {
        return format == OutputFormat.JSON;
    }
}
