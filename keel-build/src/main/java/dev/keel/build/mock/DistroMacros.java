package dev.keel.build.mock;

import dev.keel.build.backend.BuildTarget;
import dev.keel.build.tool.HostArch;
import dev.keel.core.config.Project;
import dev.keel.core.config.model.DistroVersionDefinition;
import java.io.IOException;
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
 *       ({@link MockConfigChain}), as mock would define them;
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

    private DistroMacros() {}

    /** The macros of builds on this host's architecture. */
    public static Result of(Project project) throws IOException {
        return of(project, HostArch.rpm());
    }

    /** The macros of builds for {@code arch} (which mock configuration is read). */
    public static Result of(Project project, String arch) throws IOException {
        return of(project, BuildTarget.of(project), arch);
    }

    /** The macros of builds of {@code target} for {@code arch}. */
    public static Result of(Project project, Optional<BuildTarget> target, String arch) throws IOException {
        if (target.isEmpty()) {
            return new Result(new TreeMap<>(), List.of("the project has no default-distro: builds get no dist tag"));
        }
        DistroVersionDefinition definition = target.get().definition();
        SortedMap<String, String> macros = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        String mockConfig = definition == null ? null : mockConfig(definition, arch);
        if (mockConfig != null) {
            read(Path.of(mockConfig), macros, notes);
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

    /** The version's mock configuration for the architecture, else the generic one; null when none. */
    public static String mockConfig(DistroVersionDefinition definition, String arch) {
        String specific = switch (arch) {
            case "x86_64" -> definition.mockConfigX8664();
            case "aarch64" -> definition.mockConfigAarch64();
            default -> null;
        };
        return specific != null ? specific : definition.mockConfig();
    }

    private static void read(Path config, SortedMap<String, String> macros, List<String> notes) throws IOException {
        for (MockConfigChain.Text line : MockConfigChain.lines(config)) {
            Matcher macro = MACRO.matcher(line.text());
            if (!macro.matches()) {
                continue;
            }
            if (macro.group(5).contains("{{") || macro.group(5).contains("{%")) {
                notes.add("macro %" + macro.group(3) + " of " + line.file().getFileName()
                        + " is a mock template, which Keel does not expand: left out");
            } else {
                macros.put(macro.group(3), macro.group(5));
            }
        }
    }
}
