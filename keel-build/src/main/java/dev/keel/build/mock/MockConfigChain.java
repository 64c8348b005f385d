package dev.keel.build.mock;

import dev.keel.core.config.Location;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a mock configuration file as mock executes them: each {@code include('FILE')} line
 * replaced in place by the lines of FILE, recursively. As mock does, FILE is relative to the
 * configuration's directory (mock's {@code config_path}), and a file already included is skipped.
 * Unlike mock, FILE must be a regular file inside that directory, no link out of it, includes
 * nest at most {@value #DEEPEST_INCLUDE} deep and the whole chain is at most a configuration
 * file's size. Keel does not evaluate Python: an include whose argument is not a string literal is
 * refused.
 */
public final class MockConfigChain {

    /** An entry of the chain, in the order mock executes it. */
    public sealed interface Entry {}

    /** A line of a file of the chain (without its line break). */
    public record Text(Path file, int line, String text) implements Entry {}

    /**
     * An include line, replaced by the lines of {@code included} up to the matching {@link Leave};
     * or nothing when {@code repeated} (mock skips a file it already included).
     */
    public record Enter(Path file, int line, String text, Path included, boolean repeated) implements Entry {}

    /** The end of the lines of an included file. */
    public record Leave(Path included) implements Entry {}

    /** How deep includes may nest. */
    public static final int DEEPEST_INCLUDE = 8;

    // what mock takes for an include (its regexp_include), and the literal form Keel follows
    private static final Pattern ANY_INCLUDE = Pattern.compile("\\s*include\\(.*\\).*");
    private static final Pattern INCLUDE = Pattern.compile("\\s*include\\((['\"])([^'\"]+)\\1\\)\\s*(?:#.*)?");

    private final Path directory;
    private final Path realDirectory;
    private final Set<Path> included = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();
    private long size;

    private MockConfigChain(Path directory) throws IOException {
        this.directory = directory;
        this.realDirectory = directory.toRealPath();
    }

    /** The entries of {@code config} and the files it includes. */
    public static List<Entry> read(Path config) throws IOException {
        Path file = config.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "mock configuration not found")
                    .at(Location.of(file))
                    .withHint("check the distro version's mock-config keys: paths are relative to the file that"
                            + " sets them"));
        }
        MockConfigChain chain = new MockConfigChain(file.getParent());
        chain.included.add(file.toRealPath());
        chain.read(file, 0);
        return List.copyOf(chain.entries);
    }

    /** The lines of the chain only, in order. */
    public static List<Text> lines(Path config) throws IOException {
        return read(config).stream()
                .filter(Text.class::isInstance)
                .map(Text.class::cast)
                .toList();
    }

    private void read(Path file, int depth) throws IOException {
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.CONFIG);
        size += bytes.length;
        InputFiles.requireSize("mock configuration " + file + " with its includes", size, InputFiles.Kind.CONFIG);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            int number = index + 1;
            if (!ANY_INCLUDE.matcher(line).matches()) {
                entries.add(new Text(file, number, line));
                continue;
            }
            Matcher include = INCLUDE.matcher(line);
            if (!include.matches()) {
                throw refused(
                        file,
                        number,
                        "has an include Keel cannot follow: " + line.strip(),
                        "write it include('FILE') with FILE a file name in quotes: Keel does not evaluate Python");
            }
            Path target = confined(file, number, include.group(2));
            boolean repeated = !included.add(target.toRealPath());
            entries.add(new Enter(file, number, line, target, repeated));
            if (!repeated) {
                if (depth + 1 > DEEPEST_INCLUDE) {
                    throw refused(
                            file,
                            number,
                            "includes nest deeper than " + DEEPEST_INCLUDE + " files",
                            "include the files from fewer levels");
                }
                read(target, depth + 1);
                entries.add(new Leave(target));
            }
        }
    }

    /** The included file, which must be a file inside the configuration's directory. */
    private Path confined(Path from, int line, String name) throws IOException {
        Path target = directory.resolve(name).normalize();
        if (!target.startsWith(directory)) {
            throw refused(from, line, "includes '" + name + "', which is outside " + directory, null);
        }
        if (!Files.exists(target)) {
            throw refused(
                    from,
                    line,
                    "includes '" + name + "', which does not exist in " + directory,
                    "mock resolves includes in the directory of the configuration it is given");
        }
        if (!target.toRealPath().startsWith(realDirectory)) {
            throw refused(from, line, "includes '" + name + "', a link out of " + directory, null);
        }
        if (!Files.isRegularFile(target)) {
            throw refused(from, line, "includes '" + name + "', which is not a file", null);
        }
        return target;
    }

    private static FailureException refused(Path file, int line, String why, String hint) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "mock configuration " + why)
                .at(new Location(file, line, 0))
                .withHint(hint != null ? hint : "keep the mock configuration's includes in its own directory"));
    }
}
