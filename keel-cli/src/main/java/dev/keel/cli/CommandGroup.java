package dev.keel.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: run on its own, it is a usage error. */
abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
