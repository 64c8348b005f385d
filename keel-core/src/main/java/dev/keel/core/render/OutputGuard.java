package dev.keel.core.render;

import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.io.KeelCache;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses an output directory that Keel would write or replace when it is, contains or lies inside
 * something Keel must never overwrite: the project (outside Keel's own directories in it), Keel's
 * cache, the current directory or one of its parents, the home directory. Paths are compared after
 * resolving symbolic links, so a link cannot smuggle the output in.
 */
public final class OutputGuard {

    private final Path project;
    private final Path cache;
    private final List<Path> keelDirectories;

    private OutputGuard(Path project, Path cache, List<Path> keelDirectories) {
        this.project = project;
        this.cache = cache;
        this.keelDirectories = keelDirectories;
    }

    /** The guard for a project: its rendered-specs, work and output directories may hold outputs. */
    public static OutputGuard of(Project project) {
        return new OutputGuard(
                project.root(),
                KeelCache.directory(),
                List.of(project.renderedSpecsDir(), project.workDir(), project.outputDir()));
    }

    /** Throws a failure naming {@code option} when {@code output} may not be written. */
    public void check(Path output, String option) throws IOException {
        Path target = real(output);
        Path here = real(Path.of(""));
        String home = System.getProperty("user.home");
        if (here.startsWith(target)) {
            throw refused(output, option, "is the current directory or one of its parents");
        }
        if (home != null && target.equals(real(Path.of(home)))) {
            throw refused(output, option, "is the home directory");
        }
        Path cacheDir = real(cache);
        if (cacheDir.startsWith(target) || target.startsWith(cacheDir)) {
            throw refused(output, option, "is, contains or lies inside Keel's cache " + cache);
        }
        Path projectDir = real(project);
        if (projectDir.startsWith(target)) {
            throw refused(output, option, "is or contains the project " + project);
        }
        if (target.startsWith(projectDir)
                && keelDirectories.stream().map(OutputGuard::real).noneMatch(target::startsWith)) {
            throw refused(
                    output, option, "lies inside the project, outside its rendered-specs, work and output directories");
        }
    }

    private static FailureException refused(Path output, String option, String why) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, option + " " + output + " " + why)
                .at(Location.of(output.toAbsolutePath().normalize()))
                .withHint("choose a new directory of its own, outside the project and the cache"));
    }

    /** The path with the symbolic links of its existing part resolved. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
