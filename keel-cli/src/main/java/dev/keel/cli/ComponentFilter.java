package dev.keel.cli;

import dev.keel.core.config.ComponentSelector;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * azldev's component filter flags: {@code -a}, or any of {@code -p PATTERN}, {@code -g GROUP} and
 * positional names (not both).
 */
public final class ComponentFilter {

    @Option(
            names = {"-a", "--all-components"},
            description = "Select every component.")
    boolean all;

    @Option(
            names = {"-p", "--component"},
            paramLabel = "PATTERN",
            description = "Select components by name or glob (repeatable).")
    List<String> patterns = new ArrayList<>();

    @Option(
            names = {"-g", "--component-group"},
            paramLabel = "GROUP",
            description = "Select the members of a component group (repeatable).")
    List<String> groups = new ArrayList<>();

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Component names or globs, like -p.")
    List<String> names = new ArrayList<>();

    /** Throws a usage error unless the flags select something, and -a comes alone. */
    void check(CommandLine commandLine) {
        boolean some = !patterns.isEmpty() || !groups.isEmpty() || !names.isEmpty();
        if (all && some) {
            throw new CommandLine.ParameterException(
                    commandLine, "-a selects every component: give it without names, -p or -g");
        }
        if (!all && !some) {
            throw new CommandLine.ParameterException(
                    commandLine, "select components with -a, -p PATTERN, -g GROUP or names");
        }
    }

    /**
     * The selected components, after {@link #check}; a name or group the project lacks is a usage
     * error, as an unknown option value is.
     */
    SortedMap<String, ResolvedComponent> select(Project project, CommandLine commandLine) {
        check(commandLine);
        List<String> allPatterns = new ArrayList<>(patterns);
        allPatterns.addAll(names);
        return select(project, commandLine, all, allPatterns, groups);
    }

    /** The components the flags select; a name or group the project lacks is a usage error. */
    static SortedMap<String, ResolvedComponent> select(
            Project project, CommandLine commandLine, boolean all, List<String> patterns, List<String> groups) {
        try {
            return ComponentSelector.select(project, all, patterns, groups);
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    e.errors().stream()
                            .map(error -> error.message() + (error.hint().isEmpty() ? "" : "; " + error.hint()))
                            .collect(Collectors.joining("; ")));
        }
    }
}
