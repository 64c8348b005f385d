package dev.keel.cli;

import dev.keel.core.config.Project;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code keel} command. */
@Command(
        name = "keel",
        mixinStandardHelpOptions = true,
        versionProvider = KeelCommand.Version.class,
        header = "Build an RPM distribution from TOML and overlays on Fedora sources",
        description = "Keel renders a downstream RPM distribution, defined as TOML configuration plus overlays on"
                + " Fedora's dist-git sources, into spec files checked into git, and builds them with the RPM tools."
                + " It reads azldev's project format: run it in a project (the nearest directory upwards with"
                + " azldev.toml or keel.toml), or point -C at one.",
        footer = {
            "Every command takes -C DIR, --permissive-config, -q and -v, before or after its name.",
            "Exit codes: 0 success; 1 failure (an error, or a gate that found a difference); 2 usage error.",
            "Environment: KEEL_CACHE_DIR (the cache directory, default ~/.cache/keel), KEEL_DEBUG=1 (stack traces of"
                    + " internal errors)."
        },
        subcommands = {
            ComponentCommand.class,
            VerifyCommand.class,
            AttestCommand.class,
            ConfigCommand.class,
            OverlayCommand.class,
            SpecCommand.class,
            PackageCommand.class,
            RepoCommand.class,
            SbomCommand.class,
            MockCommand.class,
            DemoCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class KeelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions projectOptions = new ProjectOptions();

    @CommandLine.Mixin
    Verbosity verbosity = new Verbosity();

    /** The global project options of the command line a subcommand runs in. */
    static ProjectOptions projectOptions(CommandLine.Model.CommandSpec command) {
        return ((KeelCommand) command.root().userObject()).projectOptions;
    }

    /** The project of the command line a subcommand runs in, loaded once; its warnings said once. */
    static Project project(CommandLine.Model.CommandSpec command) {
        return projectOptions(command).load(status(command));
    }

    /** The project of the command line a subcommand runs in, or empty outside any project. */
    static java.util.Optional<Project> projectIfAny(CommandLine.Model.CommandSpec command) {
        return projectOptions(command).loadIfFound(status(command));
    }

    /** What a subcommand says on stderr besides errors, as -q and -v chose. */
    static Status status(CommandLine.Model.CommandSpec command) {
        return ((KeelCommand) command.root().userObject()).verbosity.status(command.commandLine());
    }

    /** Runs the last command given (picocli's default) after checking the global options. */
    static int execute(CommandLine.ParseResult parsed) {
        List<CommandLine> commands = parsed.asCommandLineList();
        ((KeelCommand) parsed.commandSpec().userObject()).verbosity.status(commands.get(commands.size() - 1));
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Keel's version, as Maven wrote it into the jar ({@code unknown} outside one). */
    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KeelCommand.class.getResourceAsStream("keel-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("version", "unknown");
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"keel " + version()};
        }
    }
}
