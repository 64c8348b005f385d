package dev.keel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code keel} command. */
@Command(
        name = "keel",
        mixinStandardHelpOptions = true,
        versionProvider = KeelCommand.Version.class,
        description = "Builds a downstream RPM distribution from TOML configuration and overlays on Fedora sources.",
        subcommands = {
            ComponentCommand.class,
            ConfigCommand.class,
            OverlayCommand.class,
            SpecCommand.class,
            DemoCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class KeelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions projectOptions = new ProjectOptions();

    /** The global project options of the command line a subcommand runs in. */
    static ProjectOptions projectOptions(CommandLine.Model.CommandSpec command) {
        return ((KeelCommand) command.root().userObject()).projectOptions;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = KeelCommand.class.getResourceAsStream("keel-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"keel " + properties.getProperty("version", "unknown")};
        }
    }
}
