package dev.keel.build.backend;

import dev.keel.build.tool.Dnf;
import dev.keel.build.tool.HostArch;
import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code --local-repo} directories: RPM repositories (with {@code repodata/}) whose packages
 * may satisfy build requirements that no in-distro dependency provides. For the local backend, dnf
 * (libsolv) finds the packages that provide a requirement, versions and rich dependencies
 * included; the newest of each name for this architecture is installed into the build's layer.
 * The mock backend gives them to mock.
 */
public final class LocalRepositories {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final List<Path> directories;

    public LocalRepositories(List<Path> directories) {
        this.directories =
                directories.stream().map(d -> d.toAbsolutePath().normalize()).toList();
    }

    /** The directories, absolute. */
    public List<Path> directories() {
        return directories;
    }

    boolean isEmpty() {
        return directories.isEmpty();
    }

    /** The repositories, each with its metadata's digest (a changed repository changes every build). */
    public String identity() throws IOException {
        List<String> parts = new ArrayList<>();
        for (Path directory : directories) {
            Path repomd = directory.resolve("repodata/repomd.xml");
            if (!Files.isRegularFile(repomd)) {
                throw new FailureException(Failure.of(
                                Failure.Kind.CONFIGURATION,
                                "--local-repo " + directory + " is not an RPM repository (no repodata/repomd.xml)")
                        .withHint("create its metadata with: createrepo_c " + directory));
            }
            parts.add(directory + "=" + Sha256Records.hex(Files.readAllBytes(repomd)));
        }
        return String.join(",", parts);
    }

    /** The RPM files that provide any of {@code requirements}, from the repositories. */
    List<Path> providers(List<String> requirements, Path work, Path log) throws IOException, InterruptedException {
        if (requirements.isEmpty() || directories.isEmpty()) {
            return List.of();
        }
        Dnf dnf = new Dnf(work);
        List<Dnf.Repository> repositories = new ArrayList<>();
        for (int i = 0; i < directories.size(); i++) {
            repositories.add(new Dnf.Repository(
                    "keel-local-" + i, directories.get(i).toUri().toString(), null));
        }
        List<String> arguments = new ArrayList<>(dnf.arguments(work.resolve("root"), null, null, repositories));
        arguments.addAll(
                List.of("repoquery", "--location", "--latest-limit=1", "--arch=" + HostArch.rpm() + ",noarch"));
        for (String requirement : requirements) {
            arguments.add("--whatprovides=" + requirement);
        }
        ToolResult result = dnf.runner().capture(ToolCommand.of(TIMEOUT, arguments), log);
        if (!result.succeeded()) {
            throw new FailureException(BuildLog.failure(
                    Failure.Kind.TOOL,
                    "dnf cannot read the --local-repo repositories (exit " + result.exitCode() + ")",
                    log,
                    result.logStart()));
        }
        TreeSet<Path> found = new TreeSet<>();
        for (String line : result.output().split("\n")) {
            if (!line.isBlank()) {
                found.add(inside(line.strip()));
            }
        }
        return List.copyOf(found);
    }

    /** The file of a package location, which must be in one of the repositories. */
    private Path inside(String location) throws IOException {
        Path file;
        try {
            file = Path.of(URI.create(location)).normalize();
        } catch (IllegalArgumentException e) {
            throw new IOException("dnf reported a package location that is not a file: " + location);
        }
        for (Path directory : directories) {
            if (file.startsWith(directory) && Files.isRegularFile(file)) {
                Path real = file.toRealPath();
                if (real.startsWith(directory.toRealPath())) {
                    return real;
                }
            }
        }
        throw new IOException("dnf reported a package outside the --local-repo directories: " + location);
    }
}
