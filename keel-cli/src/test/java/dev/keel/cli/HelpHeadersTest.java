package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command has a one-line header, a whole imperative phrase, and a description that explains it
 * further, and group help lists each subcommand with its whole header, wrapped at word boundaries
 * whatever the width: a summary is never the first words of a description cut short.
 */
class HelpHeadersTest {

    private static final int MAX_HEADER_LENGTH = 70;

    /** Words a phrase does not end on: a header ending on one is a sentence cut short. */
    private static final Set<String> DANGLING_WORDS = Set.of(
            "a", "an", "and", "as", "by", "for", "from", "in", "into", "its", "of", "on", "or", "that", "the", "their",
            "to", "which", "with");

    /** A command line of a listing: two spaces, the names, two or more spaces, the start of the header. */
    private static final Pattern LISTED_COMMAND = Pattern.compile("  (\\S.*?)  +(\\S.*)");

    /** The line that continues the header of the listed command above it. */
    private static final Pattern CONTINUATION = Pattern.compile(" {3,}(\\S.*)");

    static Stream<String> commandPaths() {
        return CommandLineConventionsTest.commandPaths();
    }

    /** Every command with subcommands, at picocli's narrowest width, the golden width and a wide one. */
    static Stream<Arguments> groupsAtWidths() {
        return commandPaths()
                .filter(path -> !CommandLineConventionsTest.command(path)
                        .getSubcommands()
                        .isEmpty())
                .flatMap(path -> Stream.of(55, 80, 200).map(width -> Arguments.of(path, width)));
    }

    private static UsageMessageSpec usage(String path) {
        return CommandLineConventionsTest.command(path).getCommandSpec().usageMessage();
    }

    /** The first line of a command's header, or "" when it has none. */
    private static String header(UsageMessageSpec usage) {
        return usage.header().length == 0 ? "" : usage.header()[0];
    }

    @ParameterizedTest(name = "keel {0} has a one-line imperative header")
    @MethodSource("commandPaths")
    void everyCommandHasAOneLineHeader(String path) {
        String[] header = usage(path).header();
        assertThat(header).as("keel %s: header lines", path).hasSize(1);
        String text = header[0];
        assertThat(text)
                .as("keel %s: a header starts with a capital and ends on a word, not a period or a comma", path)
                .matches("[A-Z][^\\n\\r%]*[A-Za-z0-9>)]");
        assertThat(text.length())
                .as("keel %s: header length of '%s'", path, text)
                .isLessThanOrEqualTo(MAX_HEADER_LENGTH);
        String[] words = text.split(" ");
        assertThat(words[0])
                .as("keel %s: a header is imperative ('Build', not 'Builds')", path)
                .matches(".*(ss|[^s])");
        assertThat(DANGLING_WORDS)
                .as("keel %s: '%s' ends mid-sentence", path, text)
                .doesNotContain(words[words.length - 1].toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "keel {0} has a description of its own")
    @MethodSource("commandPaths")
    void everyCommandHasADescriptionThatDoesNotRepeatItsHeader(String path) {
        UsageMessageSpec usage = usage(path);
        String description = String.join(" ", usage.description()).strip();
        assertThat(description).as("keel %s: description", path).isNotEmpty();
        assertThat(description)
                .as("keel %s: a description starts a sentence; it does not go on with the header's", path)
                .matches("(?s)[A-Z].*");
        String header = header(usage);
        assertThat(words(description))
                .as("keel %s: the description repeats the header instead of explaining it", path)
                .doesNotStartWith(words(header));
    }

    @ParameterizedTest(name = "keel {0} --help at {1} columns lists every subcommand with its whole header")
    @MethodSource("groupsAtWidths")
    void groupHelpListsEverySubcommandWithItsWholeHeader(String path, int width) {
        Map<String, String> expected = new LinkedHashMap<>();
        CommandLineConventionsTest.command(path).getSubcommands().values().stream()
                .distinct()
                .forEach(sub ->
                        expected.put(names(sub), header(sub.getCommandSpec().usageMessage())));
        assertThat(listedCommands(HelpGoldenTest.help(path, width)))
                .as("keel %s --help at %d columns", path, width)
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void componentHelpListsEveryComponentCommandWithItsWholeHeader() {
        Map<String, String> listed = listedCommands(HelpGoldenTest.help("component", 80));
        assertThat(listed.keySet())
                .containsExactly(
                        "list",
                        "show",
                        "render",
                        "build",
                        "graph",
                        "update",
                        "prepare-sources",
                        "check-overlays",
                        "diff-sources");
        listed.forEach((name, header) ->
                assertThat(header).as("keel component %s", name).isEqualTo(header(usage("component " + name))));
    }

    @Test
    void aWrappedHeaderIsReadWholeAndACutOneStaysCut() {
        String help = """
                Commands:
                  build  Build components into RPMs and SRPMs,
                           in dependency order
                  graph  Print the build graph: build order,
                """;
        assertThat(listedCommands(help))
                .containsExactly(
                        Map.entry("build", "Build components into RPMs and SRPMs, in dependency order"),
                        Map.entry("graph", "Print the build graph: build order,"));
    }

    /** The names column of a subcommand in its group's listing: its name, then its aliases. */
    private static String names(CommandLine command) {
        List<String> names = new ArrayList<>(List.of(command.getCommandName()));
        names.addAll(List.of(command.getCommandSpec().aliases()));
        return String.join(", ", names);
    }

    /** The commands of a help's "Commands:" section, each names column with its wrapped text joined. */
    private static Map<String, String> listedCommands(String help) {
        Map<String, String> listed = new LinkedHashMap<>();
        String current = null;
        boolean inList = false;
        for (String line : help.split("\n", -1)) {
            if (line.equals("Commands:")) {
                inList = true;
                continue;
            }
            if (!inList) {
                continue;
            }
            if (line.isBlank()) {
                break;
            }
            Matcher continuation = CONTINUATION.matcher(line);
            Matcher command = LISTED_COMMAND.matcher(line);
            if (current != null && continuation.matches()) {
                listed.merge(current, continuation.group(1).strip(), (text, more) -> text + " " + more);
            } else if (command.matches()) {
                current = command.group(1);
                listed.put(current, command.group(2).strip());
            } else {
                throw new AssertionError("not a line of a command listing: '" + line + "'");
            }
        }
        return listed;
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
