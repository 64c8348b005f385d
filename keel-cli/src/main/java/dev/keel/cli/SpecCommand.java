package dev.keel.cli;

import picocli.CommandLine.Command;

/** {@code keel spec}: work with single spec files, outside any project. */
@Command(
        name = "spec",
        mixinStandardHelpOptions = true,
        header = "Inspect RPM spec files",
        description = "The commands read spec files on their own, no project needed, with Keel's lossless spec"
                + " parser: every file prints back byte-for-byte.",
        subcommands = {SpecStatsCommand.class, SpecQueryCommand.class})
public final class SpecCommand extends CommandGroup {}
