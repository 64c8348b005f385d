package dev.keel.cli;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.PathRewriter;
import dev.keel.core.config.Project;
import dev.keel.core.config.SchemaGenerator;
import dev.keel.core.config.TomlWriter;
import dev.keel.core.config.TreeJson;
import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.lock.LockStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel config}: the project configuration as a whole. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        header = "Check, dump and describe the project configuration",
        description = "The configuration is the project's root file (azldev.toml, or keel.toml) and every file its"
                + " includes name, merged in order. Unknown keys are errors unless --permissive-config makes them"
                + " warnings.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Dump.class, ConfigCommand.Schema.class})
public final class ConfigCommand extends CommandGroup {

    /** The dump formats. */
    enum DumpFormat {
        TOML,
        JSON
    }

    /** {@code keel config dump}. */
    @Command(
            name = "dump",
            mixinStandardHelpOptions = true,
            header = "Print the merged configuration as TOML or JSON",
            description = "Paths are relative to the project directory, so the output is the same on every machine."
                    + " Saved in the project directory, the TOML output loads again to the same components and"
                    + " values.")
    static final class Dump implements Callable<Integer> {
        @Option(
                names = {"-O", "--output", "-f", "--format"},
                paramLabel = "FORMAT",
                description = "toml or json (default: ${DEFAULT-VALUE}).")
        DumpFormat format = DumpFormat.TOML;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Project project = KeelCommand.project(spec);
            ConfigNode.Table tree = PathRewriter.relativize(project.tree(), ConfigFile.class, project.root());
            if (format == DumpFormat.JSON) {
                out.print(Json.write(TreeJson.plain(tree)));
            } else {
                out.print(TomlWriter.write(tree));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code keel config check}. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            header = "Validate the whole configuration and the lock files",
            description = "Prints every warning, and every error of the configuration files and of the lock files in"
                    + " the project's lock-dir. Exits 1 on errors.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Project project = KeelCommand.projectOptions(spec).load();
            LockStore locks = new LockStore(project.lockDir());
            List<ConfigError> lockErrors = locks.problems();
            PrintWriter out = spec.commandLine().getOut();
            for (ConfigError warning : project.warnings()) {
                out.print(ProjectOptions.relativize(warning, project.root()).format());
                out.println();
            }
            out.flush();
            if (!lockErrors.isEmpty()) {
                throw new ConfigException(lockErrors);
            }
            out.println("ok: " + Reports.count(project.files().size(), "file") + ", "
                    + Reports.count(project.components().size(), "component") + ", "
                    + Reports.count(locks.names().size(), "lock file") + ", "
                    + Reports.count(project.warnings().size(), "warning"));
            out.flush();
            return 0;
        }
    }

    /** {@code keel config schema}. */
    @Command(
            name = "schema",
            aliases = "generate-schema",
            mixinStandardHelpOptions = true,
            header = "Print the JSON Schema of project configuration files",
            description = "For editors that check and complete TOML files against a schema, such as Taplo and VS"
                    + " Code's Even Better TOML. generate-schema, azldev's name, is an alias.")
    static final class Schema implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(Json.write(SchemaGenerator.projectSchema()));
            out.flush();
            return 0;
        }
    }
}
