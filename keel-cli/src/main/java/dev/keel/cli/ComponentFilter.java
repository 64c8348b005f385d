package dev.keel.cli;

import dev.keel.core.config.ComponentSelector;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
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

    /** The selected components, after {@link #check}. */
    SortedMap<String, ResolvedComponent> select(Project project, CommandLine commandLine) {
        check(commandLine);
        List<String> allPatterns = new ArrayList<>(patterns);
        allPatterns.addAll(names);
        return ComponentSelector.select(project, all, allPatterns, groups);
    }
}
