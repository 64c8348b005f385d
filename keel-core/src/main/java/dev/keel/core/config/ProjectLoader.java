package dev.keel.core.config;

import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loads a project: finds its root file, reads it and its includes, merges them, finds the
 * components of spec-glob groups, resolves and validates every component, and reports every
 * problem of the load together.
 */
public final class ProjectLoader {

    /** The root file names, in order of preference. */
    public static final List<String> ROOT_FILES = List.of("azldev.toml", "keel.toml");

    private final boolean permissive;

    /** @param permissive report unknown keys as warnings instead of errors */
    public ProjectLoader(boolean permissive) {
        this.permissive = permissive;
    }

    /**
     * The root file in {@code start} or its nearest ancestor that has one. A start that is not a
     * directory, and a root file name that is not a regular file, are errors naming the path.
     */
    public static Path findRootFile(Path start) {
        Path directory = start.toAbsolutePath().normalize();
        return nearestRootFile(start)
                .orElseThrow(() -> new ConfigException(List.of(ConfigError.error(
                        Location.of(directory),
                        "",
                        "no azldev.toml or keel.toml in " + directory + " or any parent directory",
                        "run Keel inside a project, or name one with -C DIR"))));
    }

    /**
     * The root file in {@code start} or its nearest ancestor, or empty when there is none (for
     * commands that also work outside a project); the same errors as {@link #findRootFile}.
     */
    public static Optional<Path> nearestRootFile(Path start) {
        Path directory = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new ConfigException(List.of(ConfigError.error(
                    Location.of(directory),
                    "",
                    "the project directory " + (Files.exists(directory) ? "is not a directory" : "does not exist"),
                    "name the directory that holds azldev.toml or keel.toml with -C DIR")));
        }
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            for (String name : ROOT_FILES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
                Optional<String> special = InputFiles.special(candidate);
                if (special.isPresent()) {
                    throw new ConfigException(List.of(ConfigError.error(
                            Location.of(candidate),
                            "",
                            "the project file is " + special.get() + ", not a regular file",
                            "")));
                }
            }
        }
        return Optional.empty();
    }

    /** Loads the project whose root file is {@code rootFile}; throws {@link ConfigException} with every error. */
    public Project load(Path rootFile) {
        Path root = rootFile.toAbsolutePath().normalize();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "keel-config");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return load(root, executor);
        } finally {
            executor.shutdownNow();
        }
    }

    private Project load(Path rootFile, ExecutorService executor) {
        Path projectDir = rootFile.getParent();
        List<ConfigError> problems = new ArrayList<>();
        List<IncludeLoader.LoadedFile> files =
                new IncludeLoader(projectDir, permissive, executor).load(rootFile, problems);
        ProjectMerger merger = new ProjectMerger(problems);
        for (IncludeLoader.LoadedFile file : files) {
            problems.addAll(file.errors());
            merger.add(file.tree());
        }
        ConfigNode.Table tree = merger.result(new Location(rootFile, 1, 1));
        ConfigFile config = new Binder(new ArrayList<>(), true).bind(tree, ConfigFile.class, "");

        Map<String, ConfigNode.Table> declared = new LinkedHashMap<>();
        if (tree.get("components") instanceof ConfigNode.Table components) {
            components.entries().forEach((name, node) -> {
                if (node instanceof ConfigNode.Table table) {
                    declared.put(name, table);
                }
            });
        }
        SpecGroups specGroups = SpecGroups.discover(tree, declared, projectDir, problems);
        SortedMap<String, List<String>> groupMembers = specGroups.groupMembers();
        Map<String, List<String>> groupsByComponent = new LinkedHashMap<>();
        groupMembers.forEach((group, members) -> members.forEach(member -> groupsByComponent
                .computeIfAbsent(member, k -> new ArrayList<>())
                .add(group)));
        groupsByComponent.values().forEach(list -> list.sort(Comparator.naturalOrder()));

        new ProjectValidator(tree, config, problems).validate();

        ComponentResolver resolver = new ComponentResolver(tree, groupsByComponent, projectDir);
        SortedMap<String, ConfigNode.Table> owns = new TreeMap<>(declared);
        owns.putAll(specGroups.components());
        List<CompletableFuture<Resolution>> futures = new ArrayList<>();
        for (Map.Entry<String, ConfigNode.Table> entry : owns.entrySet()) {
            futures.add(CompletableFuture.supplyAsync(
                    () -> resolve(resolver, entry.getKey(), entry.getValue(), tree), executor));
        }
        SortedMap<String, ResolvedComponent> components = new TreeMap<>();
        for (CompletableFuture<Resolution> future : futures) {
            Resolution resolution = future.join();
            components.put(resolution.component().name(), resolution.component());
            problems.addAll(resolution.errors());
        }
        List<Path> paths = files.stream().map(IncludeLoader.LoadedFile::path).toList();
        Project project = new Project(rootFile, paths, tree, config, components, groupMembers, List.of());
        defaultDirectories(project, tree, problems);
        problems = new ArrayList<>(problems.stream().distinct().toList());
        List<ConfigError> errors = problems.stream()
                .filter(p -> p.severity() == ConfigError.Severity.ERROR)
                .toList();
        List<ConfigError> warnings = problems.stream()
                .filter(p -> p.severity() == ConfigError.Severity.WARNING)
                .toList();
        if (!errors.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Project(rootFile, paths, tree, config, components, groupMembers, warnings);
    }

    /**
     * The project directories left at their defaults ({@code specs}, {@code locks}, ...) must stay
     * inside the project too: a symbolic link in their place that leads elsewhere is an error.
     */
    private static void defaultDirectories(Project project, ConfigNode.Table tree, List<ConfigError> problems) {
        Map<String, Path> directories = new LinkedHashMap<>();
        directories.put("rendered-specs-dir", project.renderedSpecsDir());
        directories.put("lock-dir", project.lockDir());
        directories.put("work-dir", project.workDir());
        directories.put("output-dir", project.outputDir());
        directories.put("log-dir", project.logDir());
        directories.forEach((key, directory) -> {
            if (TreeLookup.at(tree, "project", key) == null && !Confinement.isInside(project.root(), directory)) {
                problems.add(ConfigError.error(
                        Location.of(project.configFile()),
                        "project." + key,
                        "the default " + key + " " + project.root().relativize(directory)
                                + " leaves the project directory (it is a symbolic link to "
                                + realPath(directory) + ")",
                        "set project." + key + " to a directory inside the project, or remove the link"));
            }
        });
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (java.io.IOException e) {
            return path.toString();
        }
    }

    private record Resolution(ResolvedComponent component, List<ConfigError> errors) {}

    private static Resolution resolve(
            ComponentResolver resolver, String name, ConfigNode.Table own, ConfigNode.Table tree) {
        List<ConfigError> errors = new ArrayList<>();
        ResolvedComponent component = resolver.resolve(name, own, own.location(), errors);
        new ComponentValidator(component, own, tree, errors).validate();
        return new Resolution(component, errors);
    }

    /** Whether a directory holds a project root file. */
    public static boolean isProjectDir(Path directory) {
        return ROOT_FILES.stream().anyMatch(name -> Files.isRegularFile(directory.resolve(name)));
    }

    /** The spec files an absolute glob of a spec group finds inside the project. */
    static List<Path> specFiles(Glob glob, Path projectDir) throws IOException {
        return glob.find(Path.of("/"), projectDir);
    }
}
