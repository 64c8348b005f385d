package dev.keel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keel spec}: work with single spec files, outside any project. */
@Command(
        name = "spec",
        mixinStandardHelpOptions = true,
        description = "Inspect RPM spec files.",
        subcommands = {SpecStatsCommand.class, SpecQueryCommand.class})
public final class SpecCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
