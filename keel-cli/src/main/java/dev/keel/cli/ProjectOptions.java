package dev.keel.cli;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.outcome.PathDisplay;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The global options that choose and load the project; shared by every command that needs one. */
public final class ProjectOptions {

    @Option(
            names = {"-C", "--project"},
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Project directory (default: the nearest directory upwards with azldev.toml or keel.toml).")
    Path project;

    @Option(
            names = "--permissive-config",
            scope = ScopeType.INHERIT,
            description = "Report unknown configuration keys as warnings instead of errors.")
    boolean permissive;

    private Project loaded;
    private Path rootDirectory;

    /**
     * Loads the project once per run and says once that the configuration has warnings: their
     * count, or each of them when verbose, nothing when quiet.
     */
    Project load(Status status) {
        if (loaded == null) {
            load();
            List<ConfigError> warnings = loaded.warnings();
            if (status.verbose()) {
                warnings.forEach(warning -> status.detail(
                        relativize(warning, loaded.root()).format().stripTrailing()));
            } else if (!warnings.isEmpty()) {
                status.info("keel: the configuration has " + Reports.count(warnings.size(), "warning")
                        + "; 'keel config check' shows them");
            }
        }
        return loaded;
    }

    /** Loads the project once per run, saying nothing about its warnings (the caller prints them). */
    Project load() {
        if (loaded == null) {
            Path start = project != null ? project : Path.of("");
            Path rootFile = ProjectLoader.findRootFile(start);
            rootDirectory = rootFile.getParent();
            loaded = new ProjectLoader(permissive).load(rootFile);
        }
        return loaded;
    }

    /**
     * The project of this run when there is one: named with -C (which must exist), else found
     * upwards from the current directory; empty outside any project.
     */
    java.util.Optional<Project> loadIfFound(Status status) {
        if (loaded == null
                && project == null
                && ProjectLoader.nearestRootFile(Path.of("")).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(load(status));
    }

    /**
     * The project directory: named with -C, else the nearest upwards with azldev.toml or
     * keel.toml; its configuration is not loaded (what is checked against it need not load).
     */
    Path root() {
        return ProjectLoader.findRootFile(project != null ? project : Path.of(""))
                .getParent();
    }

    /** The directory of the project this run loaded (or tried to load), if any. */
    java.util.Optional<Path> rootDirectory() {
        return java.util.Optional.ofNullable(rootDirectory);
    }

    /** A problem with its file shown relative to the project directory. */
    static ConfigError relativize(ConfigError error, Path root) {
        Location location = error.location();
        if (location.file() == null || !location.file().startsWith(root)) {
            return error;
        }
        Location relative = new Location(
                Path.of(PathDisplay.relativeTo(root).show(location.file())), location.line(), location.column());
        return new ConfigError(error.severity(), relative, error.keyPath(), error.message(), error.hint());
    }

    /** A location as {@code file:line:column} relative to the project directory. */
    static String relative(Location location, Path root) {
        if (location == null || location.file() == null) {
            return "";
        }
        Path file = location.file().startsWith(root) ? root.relativize(location.file()) : location.file();
        return new Location(file, location.line(), location.column()).toString().replace('\\', '/');
    }
}
