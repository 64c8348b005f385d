package dev.keel.build.repo;

import dev.keel.build.backend.BuildLog;
import dev.keel.build.tool.Dnf;
import dev.keel.build.tool.HostArch;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.core.io.FileTrees;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keel repo check}: proves that a repository is consistent with libsolv, through dnf.
 *
 * <ol>
 *   <li>{@code dnf repoclosure --check REPO}: every requirement of every package of the
 *       repository (for this architecture and noarch) resolves within it or the configured input
 *       repositories;
 *   <li>with packages to install, {@code dnf --installroot EMPTY install PKG...}: they install,
 *       with everything they need, into an empty root, as on a new system.
 * </ol>
 *
 * dnf runs as {@link Dnf} says: nothing of the host is read or written.
 */
public final class RepoCheck {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final String REPO_ID = "keel-repo";

    /**
     * What was checked and found.
     *
     * @param unresolved every package with requirements nothing provides
     * @param installed the packages the install check installed (name-version-release.arch), or
     *     empty when none was asked for
     * @param installFailure why the install check failed, or null
     */
    public record Report(List<Unresolved> unresolved, List<String> installed, Failure installFailure) {

        public Report {
            unresolved = List.copyOf(unresolved);
            installed = List.copyOf(installed);
        }

        public boolean passed() {
            return unresolved.isEmpty() && installFailure == null;
        }
    }

    /** A package of the repository and what it requires that nothing provides. */
    public record Unresolved(String pkg, List<String> requires) {}

    /** The tools the check runs. */
    public static List<HostTool> tools() {
        return List.of(HostTool.DNF, HostTool.REPOCLOSURE, HostTool.RPM);
    }

    private final Path repository;
    private final List<Dnf.Repository> inputs;
    private final String releaseVer;
    private final Path work;

    /**
     * @param repository the repository directory (with {@code repodata/})
     * @param inputs repositories that may provide what the repository's packages need
     * @param releaseVer {@code $releasever} for the inputs' addresses
     * @param work a directory of Keel's for dnf (replaced)
     */
    public RepoCheck(Path repository, List<Dnf.Repository> inputs, String releaseVer, Path work) {
        this.repository = repository.toAbsolutePath().normalize();
        this.inputs = List.copyOf(inputs);
        this.releaseVer = releaseVer;
        this.work = work.toAbsolutePath().normalize();
    }

    public Report run(List<String> install, Path log) throws IOException, InterruptedException {
        var missing = HostTool.missing(tools());
        if (missing.isPresent()) {
            throw new FailureException(Failure.of(Failure.Kind.TOOL, "cannot check the repository: " + missing.get()));
        }
        if (!Files.isRegularFile(repository.resolve("repodata/repomd.xml"))) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            repository + " is not an RPM repository (no repodata/repomd.xml)")
                    .withHint("create its metadata with: createrepo_c " + repository));
        }
        FileTrees.delete(work);
        Dnf dnf = new Dnf(work);
        List<Dnf.Repository> repositories = new ArrayList<>();
        repositories.add(new Dnf.Repository(REPO_ID, repository.toUri().toString(), null));
        repositories.addAll(inputs);
        List<Unresolved> unresolved = closure(dnf, repositories, log);
        if (install.isEmpty()) {
            return new Report(unresolved, List.of(), null);
        }
        Path root = work.resolve("root");
        List<String> arguments = new ArrayList<>(dnf.arguments(root, releaseVer, null, repositories));
        arguments.add("install");
        arguments.add("--");
        arguments.addAll(install);
        ToolResult result = dnf.runner().run(ToolCommand.of(TIMEOUT, arguments), log);
        if (!result.succeeded()) {
            Failure failure = BuildLog.failure(
                    Failure.Kind.BUILD,
                    "the packages do not install into an empty root (dnf exit status " + result.exitCode() + ")",
                    log,
                    result.logStart());
            return new Report(unresolved, List.of(), failure);
        }
        ToolResult query = dnf.runner()
                .capture(
                        ToolCommand.of(
                                TIMEOUT,
                                List.of(
                                        "rpm",
                                        "--root",
                                        root.toString(),
                                        "--query",
                                        "--all",
                                        "--queryformat",
                                        "%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\\n")),
                        log);
        List<String> installed =
                query.output().lines().filter(line -> !line.isBlank()).sorted().toList();
        return new Report(unresolved, installed, null);
    }

    /** dnf repoclosure of the repository against itself and the inputs. */
    private List<Unresolved> closure(Dnf dnf, List<Dnf.Repository> repositories, Path log)
            throws IOException, InterruptedException {
        List<String> arguments =
                new ArrayList<>(dnf.arguments(work.resolve("closure-root"), releaseVer, "repoclosure", repositories));
        arguments.addAll(List.of("repoclosure", "--check", REPO_ID, "--arch", HostArch.rpm(), "--arch", "noarch"));
        ToolResult result = dnf.runner().capture(ToolCommand.of(TIMEOUT, arguments), log);
        List<Unresolved> unresolved = parse(result.output());
        if (!result.succeeded() && (unresolved.isEmpty() || result.timedOut())) {
            throw new FailureException(BuildLog.failure(
                    Failure.Kind.TOOL,
                    "dnf repoclosure failed (exit status " + result.exitCode() + "): a repository may be unreadable",
                    log,
                    result.logStart()));
        }
        return unresolved;
    }

    /**
     * repoclosure's report: {@code package: NEVRA from REPO}, {@code   unresolved deps (N):}, then
     * one requirement per indented line.
     */
    static List<Unresolved> parse(String output) {
        List<Unresolved> found = new ArrayList<>();
        String pkg = null;
        List<String> requires = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("package: ")) {
                if (pkg != null) {
                    found.add(new Unresolved(pkg, requires));
                }
                String rest = line.substring("package: ".length());
                int from = rest.lastIndexOf(" from ");
                pkg = from < 0 ? rest.strip() : rest.substring(0, from).strip();
                requires = new ArrayList<>();
            } else if (pkg != null && line.startsWith("    ") && !line.isBlank()) {
                requires.add(line.strip());
            }
        }
        if (pkg != null) {
            found.add(new Unresolved(pkg, requires));
        }
        return found.stream()
                .map(u -> new Unresolved(u.pkg(), u.requires().stream().sorted().toList()))
                .sorted(java.util.Comparator.comparing(Unresolved::pkg))
                .toList();
    }
}
