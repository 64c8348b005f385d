package dev.keel.build.mock;

import dev.keel.build.backend.BuildConditionals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The argument arrays of the mock commands of a build, as mock(1) takes them: {@code -r} with a
 * configuration path ending in {@code .cfg} (mock then reads that file instead of looking the name
 * up in {@code /etc/mock}), {@code --buildsrpm --spec --sources} for the source RPM, {@code
 * --rebuild} for the binary RPMs, and the options of both: {@code --resultdir}, {@code
 * --uniqueext} (the build root of builds that run at the same time must differ: mock refuses a
 * root another mock has locked), {@code --with} / {@code --without} of the build conditionals,
 * {@code --define 'NAME VALUE'}, {@code --addrepo} of a repository (the local repository of what
 * the build already produced) and {@code --nocheck}. No path may start with {@code -}, which mock
 * would read as an option.
 *
 * @param config the mock configuration (a {@code .cfg} file, such as {@link MockConfig} writes)
 * @param resultDir where mock puts the results and logs
 * @param uniqueExt what mock appends to the build root's directory name
 * @param conditionals the build conditionals
 * @param defines macros to define, by name without {@code %}
 * @param repositories repository addresses or directories to add
 * @param noCheck skip the spec's {@code %check}
 */
public record MockCommands(
        Path config,
        Path resultDir,
        String uniqueExt,
        BuildConditionals conditionals,
        SortedMap<String, String> defines,
        List<String> repositories,
        boolean noCheck) {

    private static final Pattern MACRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    private static final Pattern UNIQUE_EXT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}");

    public MockCommands {
        if (!config.getFileName().toString().endsWith(".cfg")) {
            throw new IllegalArgumentException("mock takes a configuration path only when it ends in .cfg: " + config);
        }
        path(config);
        path(resultDir);
        if (!UNIQUE_EXT.matcher(uniqueExt).matches()) {
            throw new IllegalArgumentException("not a build root extension: '" + uniqueExt + "'");
        }
        defines = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(defines));
        repositories = List.copyOf(repositories);
        for (Map.Entry<String, String> define : defines.entrySet()) {
            if (!MACRO_NAME.matcher(define.getKey()).matches()
                    || define.getValue().contains("\n")) {
                throw new IllegalArgumentException("not a macro definition: '" + define.getKey() + "'");
            }
        }
        for (String repository : repositories) {
            if (repository.isEmpty() || repository.startsWith("-") || repository.contains("\n")) {
                throw new IllegalArgumentException("not a repository: '" + repository + "'");
            }
        }
    }

    /** {@code mock -r CFG --buildsrpm --spec SPEC --sources DIR --resultdir R ...}. */
    public List<String> buildSrpm(Path spec, Path sources) {
        List<String> arguments = start();
        arguments.addAll(List.of("--buildsrpm", "--spec", path(spec), "--sources", path(sources)));
        return options(arguments);
    }

    /** {@code mock -r CFG --rebuild SRPM --resultdir R ...}. */
    public List<String> rebuild(Path srpm) {
        List<String> arguments = start();
        arguments.addAll(List.of("--rebuild", path(srpm)));
        return options(arguments);
    }

    /** The path as an argument, which must not look like an option. */
    private static String path(Path path) {
        String text = path.toString();
        if (text.isEmpty() || text.startsWith("-")) {
            throw new IllegalArgumentException("mock would read the path '" + text + "' as an option");
        }
        return text;
    }

    private List<String> start() {
        return new ArrayList<>(List.of("mock", "-r", config.toString()));
    }

    private List<String> options(List<String> arguments) {
        arguments.addAll(List.of("--resultdir", resultDir.toString(), "--uniqueext", uniqueExt));
        conditionals.with().forEach(name -> arguments.addAll(List.of("--with", name)));
        conditionals.without().forEach(name -> arguments.addAll(List.of("--without", name)));
        defines.forEach((name, value) -> arguments.addAll(List.of("--define", name + " " + value)));
        repositories.forEach(repository -> arguments.addAll(List.of("--addrepo", repository)));
        if (noCheck) {
            arguments.add("--nocheck");
        }
        return List.copyOf(arguments);
    }
}
