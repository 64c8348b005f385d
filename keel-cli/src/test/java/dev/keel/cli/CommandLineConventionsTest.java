package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    @ParameterizedTest(name = "keel {0} --help")
    @MethodSource("commandPaths")
    void everyCommandHasHelp(String path) {
        List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        args.add("--help");
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: keel" + (path.isEmpty() ? "" : " " + path));
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
