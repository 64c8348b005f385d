package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The help of every command, byte for byte at picocli's default width of 80 columns, pinned in
 * {@code src/test/resources/dev/keel/cli/help/keel-COMMAND-SUBCOMMAND.txt}, so that every change
 * to a help text shows in review. After a deliberate change, regenerate the files with
 *
 * <pre>
 * ./mvnw -B -q -pl keel-cli -am verify -Dtest=HelpGoldenTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkeel.golden.update=true
 * </pre>
 *
 * and review the diff.
 */
class HelpGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/dev/keel/cli/help");

    static Stream<String> commandPaths() {
        return CommandLineConventionsTest.commandPaths();
    }

    private static String fileName(String path) {
        return (path.isEmpty() ? "keel" : "keel " + path).replace(' ', '-') + ".txt";
    }

    /** {@code keel PATH --help} at {@code width} columns, whatever the terminal. */
    static String help(String path, int width) {
        List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        args.add("--help");
        CommandLine keel = Main.commandLine();
        keel.setUsageHelpAutoWidth(false);
        keel.setUsageHelpWidth(width);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        keel.setOut(new PrintWriter(out, true));
        keel.setErr(new PrintWriter(err, true));
        assertThat(keel.execute(args.toArray(String[]::new))).isZero();
        assertThat(err.toString()).isEmpty();
        return out.toString();
    }

    @ParameterizedTest(name = "keel {0} --help")
    @MethodSource("commandPaths")
    void helpIsAsPinned(String path) throws IOException {
        Golden.check("help/" + fileName(path), help(path, 80));
    }

    @Test
    void everyPinnedHelpBelongsToACommand() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("pinned help files; remove those of commands that are gone")
                    .containsExactlyInAnyOrderElementsOf(
                            commandPaths().map(HelpGoldenTest::fileName).toList());
        }
    }

    @Test
    void everyHelpTextFormatsWithoutAPicocliWarning() {
        // picocli formats the texts of the annotations with String.format and, when that fails (a lone
        // % such as %autorelease), warns on stderr and prints the raw text
        commandPaths().forEach(path -> {
            CommandLine.Model.CommandSpec spec =
                    CommandLineConventionsTest.command(path).getCommandSpec();
            List<String> texts = new ArrayList<>();
            CommandLine.Command annotation = spec.userObject().getClass().getAnnotation(CommandLine.Command.class);
            texts.addAll(List.of(annotation.header()));
            texts.addAll(List.of(annotation.description()));
            texts.addAll(List.of(annotation.footer()));
            spec.args().forEach(arg -> {
                if (arg.userObject() instanceof AnnotatedElement element) {
                    CommandLine.Option option = element.getAnnotation(CommandLine.Option.class);
                    CommandLine.Parameters parameters = element.getAnnotation(CommandLine.Parameters.class);
                    texts.addAll(List.of(option != null ? option.description() : parameters.description()));
                }
            });
            for (String text : texts) {
                try {
                    String.format(text);
                } catch (IllegalFormatException e) {
                    throw new AssertionError("keel " + path + ": picocli cannot format '" + text + "': " + e);
                }
            }
        });
    }
}
