package dev.keel.build.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build conditionals of a build, given to every rpmbuild as {@code --with NAME} and {@code
 * --without NAME}: none for a normal build, the bootstrap's for a stage-1 build. Each is a name
 * rpm's {@code --with} takes (letters, digits and {@code _}), so none can be read as another
 * option or a macro definition.
 *
 * @param with the conditionals to enable, in order
 * @param without the conditionals to disable, in order
 */
public record BuildConditionals(List<String> with, List<String> without) {

    /** A normal build: no conditional. */
    public static final BuildConditionals NONE = new BuildConditionals(List.of(), List.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,100}");

    public BuildConditionals {
        with = List.copyOf(with);
        without = List.copyOf(without);
        Stream.concat(with.stream(), without.stream())
                .filter(name -> !NAME.matcher(name).matches())
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("not a build conditional: '" + name + "'");
                });
    }

    /** Whether there is no conditional. */
    public boolean isEmpty() {
        return with.isEmpty() && without.isEmpty();
    }

    /** rpmbuild's arguments: {@code --with NAME} for each enabled, then {@code --without NAME} for each disabled. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        with.forEach(name -> arguments.addAll(List.of("--with", name)));
        without.forEach(name -> arguments.addAll(List.of("--without", name)));
        return arguments;
    }

    /** The arguments as one line, for messages and fingerprints: {@code --with a --without b}. */
    public String describe() {
        return String.join(" ", arguments());
    }
}
