package dev.keel.cli;

import dev.keel.build.repo.PackageList;
import dev.keel.core.config.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel package}: the project's binary packages. */
@Command(
        name = "package",
        aliases = "pkg",
        mixinStandardHelpOptions = true,
        header = "Inspect binary packages and their publish channels",
        description = "Binary packages are the RPMs the components build into. Their configuration (publish channels,"
                + " package groups) comes from default-package-config, the package-groups and each component's"
                + " packages.<name> tables.",
        subcommands = {PackageCommand.ListCommand.class})
public final class PackageCommand extends CommandGroup {

    /** {@code keel package list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            header = "List packages with their component, group and publish channel",
            description = "One row per package: its type, package group, source component and publish channel."
                    + " Channels resolve as azldev resolves them, later winning: default-package-config, the"
                    + " component's publish channels, the package group, the component's packages.<name> table (debug"
                    + " packages take the debuginfo channels). -a lists every package with explicit configuration;"
                    + " --rpm-file lists the source and binary packages of an RPM source map.")
    static final class ListCommand implements Callable<Integer> {

        @Option(
                names = {"-a", "--all-packages"},
                description = "List every package of a package group or a packages.<name> table.")
        boolean all;

        @Option(
                names = {"-p", "--package"},
                paramLabel = "NAME",
                description = "A package to list, configured or not (repeatable).")
        List<String> packages = new ArrayList<>();

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Packages to list, like -p.")
        List<String> names = new ArrayList<>();

        @Option(
                names = "--rpm-file",
                paramLabel = "FILE",
                description = "An RPM source map: a JSON array of {packageName, sourcePackageName}.")
        Path rpmFile;

        @CommandLine.Mixin
        OutputOption output = new OutputOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<String> selected = new ArrayList<>(packages);
            selected.addAll(names);
            if (rpmFile != null && (all || !selected.isEmpty())) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--rpm-file lists the packages of the file: give it without -a or names");
            }
            if (rpmFile == null && !all && selected.isEmpty()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "select packages with -a, -p NAME, names or --rpm-file");
            }
            Project project = KeelCommand.project(spec);
            PackageList list = new PackageList(project);
            List<PackageList.Entry> entries = rpmFile != null ? list.fromSourceMap(rpmFile) : list.list(all, selected);
            PrintWriter out = spec.commandLine().getOut();
            if (output.isJson()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (PackageList.Entry entry : entries) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("packageName", entry.packageName());
                    row.put("type", entry.type());
                    row.put("group", entry.group());
                    row.put("component", entry.component());
                    row.put("publishChannel", entry.publishChannel());
                    rows.add(row);
                }
                out.print(Json.write(rows));
            } else {
                Table table = new Table("package", "type", "group", "component", "channel");
                entries.forEach(
                        e -> table.row(e.packageName(), e.type(), e.group(), e.component(), e.publishChannel()));
                out.print(table.render(output.format));
            }
            out.flush();
            return 0;
        }
    }
}
