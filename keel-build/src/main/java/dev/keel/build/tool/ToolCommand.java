package dev.keel.build.tool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of an external program: its arguments (never a shell line), the variables added to the
 * clean environment it runs in, and how long it may take.
 *
 * @param arguments the program and its arguments
 * @param environment variables set on top of {@link ToolRunner}'s clean environment
 * @param timeout how long the program may run before it and its children are killed
 */
public record ToolCommand(List<String> arguments, Map<String, String> environment, Duration timeout) {

    public ToolCommand {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        arguments = List.copyOf(arguments);
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    /** A command with no extra environment. */
    public static ToolCommand of(Duration timeout, List<String> arguments) {
        return new ToolCommand(arguments, Map.of(), timeout);
    }

    /** The program's name, for messages. */
    public String program() {
        return arguments.get(0);
    }

    /** The command as a shell would show it (each argument quoted when needed), for logs. */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (String argument : arguments) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(
                    argument.matches("[A-Za-z0-9_@%+=:,./-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
