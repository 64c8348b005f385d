package dev.keel.build.backend;

import dev.keel.build.BuildTarget;
import dev.keel.build.tool.HostArch;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macros every build of the project gets from the distro version it builds (the project's
 * {@code default-distro}), above all {@code dist}:
 *
 * <ol>
 *   <li>the {@code config_opts['macros']['%NAME'] = 'VALUE'} lines of the version's mock
 *       configuration (for the host's architecture), following its {@code include('FILE')} lines
 *       within the configuration's directory, as mock would define them;
 *   <li>else, for a numbered Fedora release N, {@code dist .fcN} and {@code fedora N}.
 * </ol>
 *
 * A component's own {@code build.defines} (its macros file, loaded by the rendered spec) come on
 * top.
 */
public final class DistroMacros {

    /**
     * The macros and what is worth saying about them.
     *
     * @param macros by name, without the {@code %}
     * @param notes e.g. that there is no dist tag
     */
    public record Result(SortedMap<String, String> macros, List<String> notes) {

        public Result {
            macros = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(macros));
            notes = List.copyOf(notes);
        }
    }

    private static final Pattern MACRO = Pattern.compile(
            "\\s*config_opts\\[(['\"])macros\\1]\\[(['\"])%?([A-Za-z_][A-Za-z0-9_]*)\\2]\\s*=\\s*(['\"])(.*?)\\4\\s*(?:#.*)?");
    private static final Pattern INCLUDE = Pattern.compile("\\s*include\\((['\"])(.+?)\\1\\)\\s*(?:#.*)?");
    private static final int DEEPEST_INCLUDE = 8;

    private DistroMacros() {}

    /** The macros of builds on this host's architecture. */
    public static Result of(Project project) throws IOException {
        return of(project, HostArch.rpm());
    }

    /** The macros of builds for {@code arch} (which mock configuration is read). */
    public static Result of(Project project, String arch) throws IOException {
        Optional<BuildTarget> target = BuildTarget.of(project);
        if (target.isEmpty()) {
            return new Result(new TreeMap<>(), List.of("the project has no default-distro: builds get no dist tag"));
        }
        DistroVersionDefinition definition = target.get().definition();
        SortedMap<String, String> macros = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        String mockConfig = definition == null ? null : mockConfig(definition, arch);
        if (mockConfig != null) {
            read(Path.of(mockConfig), Path.of(mockConfig).toAbsolutePath().getParent(), macros, notes, 0);
        } else if (definition != null) {
            Project.fedoraRelease(target.get().distro(), definition.releaseVer())
                    .ifPresent(release -> {
                        macros.put("dist", ".fc" + release);
                        macros.put("fedora", Integer.toString(release));
                    });
        }
        if (!macros.containsKey("dist")) {
            notes.add("distro " + target.get().label()
                    + " defines no dist tag: %{?dist} is empty unless a component's build.defines sets it");
        }
        return new Result(macros, notes);
    }

    /** The version's mock configuration for the architecture, else the generic one. */
    private static String mockConfig(DistroVersionDefinition definition, String arch) {
        String specific = switch (arch) {
            case "x86_64" -> definition.mockConfigX8664();
            case "aarch64" -> definition.mockConfigAarch64();
            default -> null;
        };
        return specific != null ? specific : definition.mockConfig();
    }

    private static void read(Path file, Path directory, SortedMap<String, String> macros, List<String> notes, int depth)
            throws IOException {
        if (depth > DEEPEST_INCLUDE) {
            throw refused(file, "includes nest deeper than " + DEEPEST_INCLUDE + " files (a loop?)");
        }
        String text = new String(InputFiles.read(file, InputFiles.Kind.CONFIG), StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            Matcher include = INCLUDE.matcher(line);
            Matcher macro = MACRO.matcher(line);
            if (include.matches()) {
                read(confined(directory, file, include.group(2)), directory, macros, notes, depth + 1);
            } else if (macro.matches()) {
                if (macro.group(5).contains("{{") || macro.group(5).contains("{%")) {
                    notes.add("macro %" + macro.group(3) + " of " + file.getFileName()
                            + " is a mock template, which Keel does not expand: left out");
                } else {
                    macros.put(macro.group(3), macro.group(5));
                }
            }
        }
    }

    /** The included file, which must be a file inside the mock configuration's directory. */
    private static Path confined(Path directory, Path from, String name) throws IOException {
        Path target = directory.resolve(name).normalize();
        Path realDirectory = directory.toRealPath();
        if (!target.startsWith(directory) || !Files.isRegularFile(target)) {
            throw refused(from, "includes '" + name + "', which is not a file in " + directory);
        }
        if (!target.toRealPath().startsWith(realDirectory)) {
            throw refused(from, "includes '" + name + "', a link out of " + directory);
        }
        return target;
    }

    private static FailureException refused(Path file, String why) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "mock configuration " + why)
                .at(Location.of(file))
                .withHint("keep the mock configuration's includes in its own directory"));
    }
}
