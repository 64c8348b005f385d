package dev.keel.cli;

import picocli.CommandLine.Command;

/** {@code keel spec}: work with single spec files, outside any project. */
@Command(
        name = "spec",
        mixinStandardHelpOptions = true,
        header = "Inspect RPM spec files.",
        subcommands = {SpecStatsCommand.class, SpecQueryCommand.class})
public final class SpecCommand extends CommandGroup {}
