package dev.keel.cli;

import dev.keel.build.backend.BuildTarget;
import dev.keel.build.mock.MockConfig;
import dev.keel.build.tool.HostArch;
import dev.keel.core.config.Project;
import dev.keel.core.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel mock}: the project's mock configurations. */
@Command(
        name = "mock",
        mixinStandardHelpOptions = true,
        header = "Show the mock configuration of the project's builds",
        description = "The mock tool builds RPMs in a chroot that a configuration file describes. Each distro"
                + " version names its own (mock-config, or mock-config-ARCH per architecture), and Keel's builds"
                + " take their distro macros from it.",
        subcommands = {MockCommand.ConfigCommand.class})
public final class MockCommand extends CommandGroup {

    /** {@code keel mock config}; its {@code --version} is the distro version's, so it has no --version of its own. */
    @Command(
            name = "config",
            header = "Print the self-contained mock configuration of a distro version",
            description = "Prints the one configuration Keel would use: the distro version's mock-config (or"
                    + " mock-config-ARCH) with its include('FILE') lines inlined as mock executes them (FILE in the"
                    + " configuration's directory), then, each under a '# Keel:' comment, the version's"
                    + " inputs.rpm-build repositories added to dnf.conf and the distro macros. Keel does not evaluate"
                    + " Python: jinja templates ({{ }}) are left for mock. Use the file with mock -r FILE.cfg.")
    static final class ConfigCommand implements Callable<Integer> {

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Option(
                names = "--distro",
                paramLabel = "NAME",
                description = "The distro (default: the project's default-distro).")
        String distro;

        @Option(
                names = "--version",
                paramLabel = "VERSION",
                description = "The distro version (default: the default-distro's version, else the distro's"
                        + " default-version).")
        String version;

        @Option(
                names = "--arch",
                paramLabel = "ARCH",
                description = "The RPM architecture whose mock-config-ARCH is read (default: the host's).")
        String arch = HostArch.rpm();

        @Option(
                names = {"-o", "--output-file"},
                paramLabel = "FILE",
                description = "Write the configuration to FILE (atomically) instead of printing it.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!arch.matches("[A-Za-z0-9_]{1,32}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--arch: not an architecture: " + arch);
            }
            Project project = KeelCommand.project(spec);
            BuildTarget target = target(project);
            String config = MockConfig.render(project, target, arch);
            if (file != null) {
                AtomicFiles.write(file, config.getBytes(StandardCharsets.UTF_8));
                KeelCommand.status(spec)
                        .info("wrote the mock configuration of " + target.label() + " for " + arch + " to " + file);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(config);
                out.flush();
            }
            return 0;
        }

        private BuildTarget target(Project project) {
            if (distro != null) {
                return BuildTarget.of(project, distro, version);
            }
            BuildTarget fallback = BuildTarget.of(project)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "--distro: the project has no default-distro: name one"));
            return version == null ? fallback : BuildTarget.of(project, fallback.distro(), version);
        }
    }
}
