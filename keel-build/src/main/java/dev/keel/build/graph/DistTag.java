package dev.keel.build.graph;

import dev.keel.core.config.Project;
import dev.keel.core.config.model.DistroDefinition;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dist} macro the project's builds get: {@code config_opts['macros']['%dist']} in the
 * mock configuration of the project's default distro version for the architecture
 * ({@code mock-config-x86_64}, {@code mock-config-aarch64}, else {@code mock-config}), following its
 * {@code include('...')} lines inside the project; the last assignment wins, as in Python.
 */
public final class DistTag {

    private static final Pattern DIST =
            Pattern.compile("^\\s*config_opts\\[['\"]macros['\"]\\]\\[['\"]%dist['\"]\\]\\s*=\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final int MAX_INCLUDES = 8;

    private DistTag() {}

    /** The dist tag, or empty when the configuration names no mock configuration that sets one. */
    public static Optional<String> of(Project project, String arch) throws IOException {
        DistroReference reference = project.config().project() == null
                ? null
                : project.config().project().defaultDistro();
        DistroDefinition distro = reference == null ? null : project.distros().get(reference.name());
        if (distro == null || distro.versions() == null) {
            return Optional.empty();
        }
        String version = reference.version() != null && !reference.version().isEmpty()
                ? reference.version()
                : distro.defaultVersion();
        DistroVersionDefinition definition =
                version == null ? null : distro.versions().get(version);
        if (definition == null) {
            return Optional.empty();
        }
        String config = switch (arch) {
            case "x86_64" -> definition.mockConfigX8664();
            case "aarch64" -> definition.mockConfigAarch64();
            default -> null;
        };
        config = config != null ? config : definition.mockConfig();
        return config == null ? Optional.empty() : read(project.root(), Path.of(config), 0);
    }

    private static Optional<String> read(Path root, Path file, int depth) throws IOException {
        Path real = root.toRealPath();
        if (depth > MAX_INCLUDES
                || !Files.isRegularFile(file)
                || !file.toRealPath().startsWith(real)) {
            return Optional.empty();
        }
        Optional<String> dist = Optional.empty();
        String text = new String(InputFiles.read(file, InputFiles.Kind.SOURCE), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            Matcher assignment = DIST.matcher(line);
            Matcher include = INCLUDE.matcher(line);
            if (assignment.find()) {
                dist = Optional.of(assignment.group(1));
            } else if (include.find()) {
                Optional<String> included =
                        read(root, file.getParent().resolve(include.group(1)).normalize(), depth + 1);
                dist = included.isPresent() ? included : dist;
            }
        }
        return dist;
    }
}
