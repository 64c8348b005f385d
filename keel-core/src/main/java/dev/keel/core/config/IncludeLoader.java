package dev.keel.core.config;

import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Reads a configuration file and everything it includes, depth-first in declaration order (the
 * including file first). Files are parsed in parallel ahead of the walk. A file reached twice
 * through different paths is loaded once; only a true cycle is an error. Included files must stay
 * inside the project directory.
 */
final class IncludeLoader {

    /** One parsed file: its tree (paths made absolute) and the problems found in it alone. */
    record LoadedFile(Path path, ConfigNode.Table tree, List<ConfigError> errors) {}

    private final Path projectDir;
    private final boolean permissive;
    private final ExecutorService executor;
    private final Map<Path, CompletableFuture<LoadedFile>> parsing = new HashMap<>();
    private final Set<Path> visited = new HashSet<>();
    private final Deque<Path> stack = new ArrayDeque<>();
    private final List<LoadedFile> files = new ArrayList<>();
    private final List<ConfigError> errors = new ArrayList<>();

    IncludeLoader(Path projectDir, boolean permissive, ExecutorService executor) {
        this.projectDir = projectDir;
        this.permissive = permissive;
        this.executor = executor;
    }

    /** The files in load order; errors of the walk itself (missing includes, cycles) go to {@code errors}. */
    List<LoadedFile> load(Path rootFile, List<ConfigError> walkErrors) {
        visit(rootFile);
        walkErrors.addAll(errors);
        return files;
    }

    private void visit(Path file) {
        visited.add(file);
        stack.push(file);
        LoadedFile loaded = parse(file).join();
        files.add(loaded);
        Map<Path, Location> includes = includes(loaded);
        includes.keySet().forEach(this::parse);
        for (Map.Entry<Path, Location> entry : includes.entrySet()) {
            Path include = entry.getKey();
            if (stack.contains(include)) {
                errors.add(ConfigError.error(
                        entry.getValue(),
                        "includes",
                        "circular include: " + cycle(include),
                        "remove the include that leads back to " + projectDir.relativize(include)));
            } else if (!visited.contains(include)) {
                visit(include);
            }
        }
        stack.pop();
    }

    private String cycle(Path include) {
        List<String> chain = new ArrayList<>();
        List<Path> path = new ArrayList<>(stack);
        java.util.Collections.reverse(path);
        for (Path file : path.subList(path.indexOf(include), path.size())) {
            chain.add(projectDir.relativize(file).toString());
        }
        chain.add(projectDir.relativize(include).toString());
        return String.join(" -> ", chain);
    }

    private CompletableFuture<LoadedFile> parse(Path file) {
        return parsing.computeIfAbsent(file, f -> CompletableFuture.supplyAsync(() -> read(f), executor));
    }

    private LoadedFile read(Path file) {
        List<ConfigError> fileErrors = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, InputFiles.Kind.CONFIG);
        } catch (IOException e) {
            fileErrors.add(ConfigError.error(Location.of(file), "", FileErrors.cannotRead("the file", e), ""));
            return new LoadedFile(file, new ConfigNode.Table(Map.of(), Location.of(file), null), fileErrors);
        }
        ConfigNode.Table tree = TomlReader.read(file, bytes, fileErrors);
        if (fileErrors.isEmpty()) {
            new Binder(fileErrors, permissive).bind(tree, ConfigFile.class, "");
            tree = PathRewriter.rewrite(
                    tree, ConfigFile.class, file.getParent(), projectDir, PathRewriter.PROJECT_DIRECTORY, fileErrors);
        }
        return new LoadedFile(file, tree, fileErrors);
    }

    /** The files a loaded file includes, in order, with the include entry naming each; problems are recorded. */
    private Map<Path, Location> includes(LoadedFile file) {
        Map<Path, Location> result = new LinkedHashMap<>();
        if (!(file.tree().get("includes") instanceof ConfigNode.Array array)) {
            return result;
        }
        Path directory = file.path().getParent();
        for (ConfigNode item : array.items()) {
            if (!(item instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String pattern)) {
                continue;
            }
            Glob glob = Glob.located(pattern, item, "includes", errors);
            if (glob == null) {
                continue;
            }
            List<Path> matches;
            try {
                if (glob.isLiteral()) {
                    Path path = directory.resolve(pattern).normalize();
                    Optional<String> special = InputFiles.special(path);
                    if (special.isPresent()) {
                        errors.add(ConfigError.error(
                                item.location(),
                                "includes",
                                "included file " + pattern + " is " + special.get() + ", not a regular file",
                                "include TOML files"));
                        continue;
                    }
                    if (!Files.isRegularFile(path)) {
                        errors.add(ConfigError.error(
                                item.location(),
                                "includes",
                                "included file not found: " + pattern,
                                "the path is relative to "
                                        + (directory.equals(projectDir)
                                                ? "."
                                                : projectDir
                                                        .relativize(directory)
                                                        .toString()
                                                        .replace('\\', '/'))
                                        + "/"));
                        continue;
                    }
                    matches = List.of(path);
                } else {
                    matches = glob.find(directory, projectDir);
                }
            } catch (IOException e) {
                errors.add(ConfigError.error(
                        item.location(),
                        "includes",
                        "cannot list files for '" + pattern + "': " + FileErrors.withPath(e),
                        ""));
                continue;
            }
            for (Path match : matches) {
                Path normalized = match.toAbsolutePath().normalize();
                if (!Confinement.isInside(projectDir, normalized)) {
                    errors.add(ConfigError.error(
                            item.location(),
                            "includes",
                            "include '" + pattern + "' leaves the project directory: " + normalized,
                            "included files must be inside " + projectDir));
                } else {
                    result.putIfAbsent(normalized, item.location());
                }
            }
        }
        return result;
    }
}
