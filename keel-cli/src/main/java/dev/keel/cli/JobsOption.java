package dev.keel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -j/--jobs N}: parallel workers, at least one (default: the number of processors). */
public final class JobsOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Parallel workers (default: the number of processors).")
    void setJobs(int value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--jobs must be at least 1");
        }
        jobs = value;
    }

    int jobs() {
        return jobs;
    }
}
