package dev.keel.cli;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.PathRewriter;
import dev.keel.core.config.Project;
import dev.keel.core.config.SchemaGenerator;
import dev.keel.core.config.TomlWriter;
import dev.keel.core.config.TreeJson;
import dev.keel.core.config.model.ConfigFile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel config}: the project configuration as a whole. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Inspect the project configuration.",
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
            description = {
                "Print the merged configuration of all files, as TOML or JSON, with paths relative to the project",
                "directory (so the output is the same on every machine). Saved in the project directory, the TOML",
                "output loads again to the same components and values."
            })
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
            Project project =
                    KeelCommand.projectOptions(spec).load(spec.commandLine().getErr());
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
            description =
                    "Load and validate the whole configuration; print every error and warning. Exits 1 on errors.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Project project = KeelCommand.projectOptions(spec).load(new PrintWriter(java.io.Writer.nullWriter()));
            PrintWriter out = spec.commandLine().getOut();
            for (ConfigError warning : project.warnings()) {
                out.print(ProjectOptions.relativize(warning, project.root()).format());
                out.println();
            }
            out.println("ok: " + project.files().size() + " files, "
                    + project.components().size() + " components, "
                    + project.warnings().size() + " warnings");
            out.flush();
            return 0;
        }
    }

    /** {@code keel config schema}. */
    @Command(
            name = "schema",
            aliases = "generate-schema",
            mixinStandardHelpOptions = true,
            description = "Print the JSON Schema of project files, for editors (Taplo, VS Code Even Better TOML).")
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
