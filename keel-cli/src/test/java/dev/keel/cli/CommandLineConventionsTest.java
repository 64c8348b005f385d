package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineConventionsTest {

    static Stream<String> commandPaths() {
        List<String> paths = new ArrayList<>();
        collect(Main.commandLine(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        paths.add(prefix.strip());
        command.getSubcommands().forEach((name, sub) -> {
            boolean alias = !sub.getCommandName().equals(name);
            if (!alias && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, prefix + " " + name, paths);
            }
        });
    }

    /** The command at {@code path} ("" for keel itself) in a fresh command tree. */
    static CommandLine command(String path) {
        CommandLine command = Main.commandLine();
        for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }

    @ParameterizedTest(name = "keel {0} --help")
    @MethodSource("commandPaths")
    void everyCommandHasHelp(String path) {
        List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        args.add("--help");
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: keel" + (path.isEmpty() ? "" : " " + path));
    }

    @ParameterizedTest(name = "keel component {0} with -a and a selection")
    @ValueSource(strings = {"list", "render", "update", "check-overlays"})
    void allComponentsTogetherWithASelectionIsAUsageError(String command) {
        for (List<String> selection : List.of(List.of("curl"), List.of("-p", "c*"), List.of("-g", "core"))) {
            List<String> args = new ArrayList<>(List.of("component", command, "-a"));
            if (command.equals("check-overlays")) {
                args.addAll(List.of("--upstream-specs", "specs"));
            }
            args.addAll(selection);
            CliRunner result = CliRunner.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err())
                    .startsWith(
                            "error: -a selects every component: give it without names, -p or -g\nUsage: keel component "
                                    + command)
                    .endsWith("Try 'keel component " + command + " --help' for more information.\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void aBadOptionValueIsAReadableUsageError() {
        CliRunner result = CliRunner.run("config", "dump", "-O", "yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("""
                        error: Invalid value for option '--output': expected one of [TOML, JSON] (case-insensitive) but\
                         was 'yaml'
                        Usage: keel config dump [-hqvV] [--permissive-config] [-C=DIR] [-O=FORMAT]
                        Try 'keel config dump --help' for more information.
                        """);
        CliRunner jobs = CliRunner.run("spec", "stats", "-j", "0", ".");
        assertThat(jobs.exitCode()).isEqualTo(2);
        assertThat(jobs.err()).startsWith("error: --jobs must be at least 1\n");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRunner result = CliRunner.run("component", "rendr");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: Unmatched argument at index 1: 'rendr'\nDid you mean: component render or");
    }

    @Test
    void versionNamesKeel() {
        CliRunner result = CliRunner.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("keel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner result = CliRunner.run("spec", "stats", "--no-such-option", ".");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(CliRunner.run().exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("spec").exitCode()).isEqualTo(2);
    }

    @Test
    void badOutputFormatIsAUsageError() {
        CliRunner result = CliRunner.run("spec", "query", "-O", "yaml", "x.spec");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("yaml");
    }

    @Test
    void completionScriptIsGenerated() {
        CliRunner result = CliRunner.run("generate-completion");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F").contains("spec");
    }
}
