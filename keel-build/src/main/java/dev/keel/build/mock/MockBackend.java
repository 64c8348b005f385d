package dev.keel.build.mock;

import dev.keel.build.backend.BackendResult;
import dev.keel.build.backend.BuildBackend;
import dev.keel.build.backend.BuildLog;
import dev.keel.build.backend.BuildRequest;
import dev.keel.build.backend.BuildTarget;
import dev.keel.build.backend.BuiltFiles;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.backend.LocalRepositories;
import dev.keel.build.backend.PreparedSources;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.io.Digests;
import dev.keel.core.io.FileTrees;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mock backend: mock(1) builds each component in a build root made from the distro version's
 * mock configuration ({@link MockConfig}), which the backend writes once to a {@code .cfg} file of
 * its own under the work directory. Per build:
 *
 * <ol>
 *   <li>the in-distro RPMs the build needs go into a repository of the build's own
 *       (createrepo_c), given to mock with {@code --addrepo}, as are the {@code --local-repo}
 *       repositories;
 *   <li>{@code mock --buildsrpm} of the prepared sources (copied with fixed permissions) gives the
 *       source RPM;
 *   <li>{@code mock --rebuild} of it gives the binary RPMs.
 * </ol>
 *
 * Both mock runs get the build's conditionals, the reproducibility macros of {@link
 * LocalBackend#REPRODUCIBLE}, {@code --nocheck} when asked, a result directory of their own whose
 * logs ({@code state.log}, {@code root.log}, {@code build.log}) are appended to the build log, and
 * a build root that no other build of this backend uses at the same time ({@code --uniqueext
 * keelN}: mock refuses a root that another mock has locked).
 */
public final class MockBackend implements BuildBackend {

    /** Bump when the same inputs would build differently. */
    static final String VERSION = "mock-1";

    /**
     * What a repository path given to mock must be: mock writes it into dnf's configuration as a
     * {@code baseurl}, which dnf splits at spaces and commas and in which it expands {@code $}.
     */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("/[A-Za-z0-9._+@~/-]*");

    private static final String REPOSITORY_PATH_CHARACTERS = "letters, digits and . _ + @ ~ / -";

    /** mock's logs in a result directory, in the order they are appended to the build log. */
    private static final List<String> LOGS = List.of("state.log", "root.log", "build.log");

    private static final Duration VERSION_TIMEOUT = Duration.ofMinutes(1);

    /**
     * How the backend builds.
     *
     * @param executable the mock program: {@code mock} (looked up in the search path) or an
     *     absolute path
     * @param configFile where the backend writes the configuration (its name ends in {@code .cfg},
     *     so that mock takes {@code -r} as a path)
     * @param config the configuration's text
     * @param localRepos repositories whose packages may satisfy build requirements
     * @param buildTimeout how long one {@code mock --rebuild} may run
     * @param stepTimeout how long any other step may run
     * @param scratch a directory of Keel's for the backend's own queries (the {@code HOME} of
     *     {@code mock --version})
     */
    public record Options(
            String executable,
            Path configFile,
            String config,
            List<Path> localRepos,
            Duration buildTimeout,
            Duration stepTimeout,
            Path scratch) {

        public Options {
            if (!configFile.getFileName().toString().endsWith(".cfg")) {
                throw new IllegalArgumentException("mock takes -r as a path only when it ends in .cfg: " + configFile);
            }
            configFile = configFile.toAbsolutePath().normalize();
            localRepos = List.copyOf(localRepos);
        }

        /**
         * The configuration of {@code target} for {@code arch}, to be written to {@code
         * <work-dir>/mock/<distro>-<version>-<arch>.cfg}, and generous time limits (8 hours a
         * build).
         */
        public static Options of(
                Project project, BuildTarget target, String arch, String executable, List<Path> localRepos)
                throws IOException {
            String config = MockConfig.render(project, target, arch);
            String name = (target.distro() + "-" + target.version() + "-" + arch).replaceAll("[^A-Za-z0-9._+-]", "_");
            return new Options(
                    executable,
                    project.workDir().resolve("mock").resolve(name + ".cfg"),
                    config,
                    localRepos,
                    Duration.ofHours(8),
                    Duration.ofMinutes(30),
                    project.workDir().resolve("tool-home"));
        }
    }

    private final Options options;
    private final LocalRepositories localRepos;
    private final BitSet busyRoots = new BitSet();
    private boolean configWritten;
    private String identity;

    public MockBackend(Options options) {
        this.options = options;
        this.localRepos = new LocalRepositories(options.localRepos());
    }

    /**
     * Fails with what to do when the mock backend cannot build here: mock itself (which Debian 12
     * does not package), or rpm and createrepo_c (and {@code more}) are missing.
     */
    public static void requireHost(String executable, List<HostTool> more) throws FailureException {
        if (ToolRunner.find(executable).isEmpty()) {
            throw new FailureException(Failure.of(Failure.Kind.TOOL, "cannot build: mock is not installed")
                    .withDetail(
                            "looked for",
                            executable.startsWith("/")
                                    ? executable
                                    : executable + " in " + String.join(":", ToolRunner.searchPath()))
                    .withHint("mock is not packaged for Debian 12: build on a Fedora, RHEL or Azure Linux host with"
                            + " mock installed (dnf install mock) and the user in the mock group (usermod -a -G"
                            + " mock USER), or use --backend local"));
        }
        List<HostTool> needed = new ArrayList<>(List.of(HostTool.RPM, HostTool.CREATEREPO));
        needed.addAll(more);
        var missing = HostTool.missing(needed);
        if (missing.isPresent()) {
            throw new FailureException(Failure.of(Failure.Kind.TOOL, "cannot build: " + missing.get()));
        }
    }

    /**
     * The backend's version, the configuration's digest, the reproducibility macros, the {@code
     * --local-repo} repositories' metadata digests and what {@code mock --version} says.
     */
    @Override
    public synchronized String identity() throws IOException {
        if (identity == null) {
            requireHost(options.executable(), List.of());
            localRepositories();
            StringBuilder text = new StringBuilder(VERSION);
            text.append("\nconfig: sha256 ")
                    .append(Digests.hex("SHA-256", options.config().getBytes(StandardCharsets.UTF_8)));
            LocalBackend.REPRODUCIBLE.forEach(
                    (name, value) -> text.append("\n%").append(name).append(' ').append(value));
            text.append("\nlocal-repos: ").append(localRepos.identity());
            text.append("\nmock: ").append(mockVersion());
            identity = text.toString();
        }
        return identity;
    }

    private String mockVersion() throws IOException {
        ToolResult result;
        try {
            result = new ToolRunner(options.scratch().resolve("home"))
                    .capture(command(List.of("mock", "--version"), VERSION_TIMEOUT), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking mock for its version");
        }
        if (!result.succeeded()) {
            throw new FailureException(Failure.of(
                    Failure.Kind.TOOL,
                    result.timedOut()
                            ? "mock --version ran out of time"
                            : "mock --version failed (exit status " + result.exitCode() + ")"));
        }
        return result.output().strip();
    }

    /** Builds; a step that fails with a typed failure ends the build with it. */
    @Override
    public BackendResult build(BuildRequest request) throws IOException, InterruptedException {
        try {
            return buildIn(request, takeRoot());
        } catch (FailureException e) {
            return BackendResult.failed(e.failure(), List.of());
        }
    }

    private BackendResult buildIn(BuildRequest request, int root) throws IOException, InterruptedException {
        try {
            Path work = request.workDir().toAbsolutePath().normalize();
            FileTrees.delete(work);
            Path sources = work.resolve("sources");
            PreparedSources.copy(request.sources(), sources);
            Path spec = sources.resolve(request.spec()).normalize();
            if (!sources.equals(spec.getParent())) {
                throw new IllegalArgumentException("not a spec file name: " + request.spec());
            }
            ToolRunner runner = new ToolRunner(work.resolve("home"));
            List<String> local = localRepositories();
            List<String> repositories = new ArrayList<>();
            if (!request.srpmOnly() && !request.dependencies().isEmpty()) {
                repositories.add(dependencyRepository(runner, work.resolve("dependencies"), request));
            }
            repositories.addAll(local);

            MockCommands srpmStep = commands(work.resolve("srpm"), root, request, local);
            step(
                    "mock --buildsrpm",
                    runner,
                    srpmStep,
                    srpmStep.buildSrpm(spec, sources),
                    options.stepTimeout(),
                    request.log());
            Path srpm = BuiltFiles.sourceRpm(srpmStep.resultDir(), "mock --buildsrpm", request.log());
            if (request.srpmOnly()) {
                return BackendResult.built(srpm, List.of(), List.of());
            }
            MockCommands rebuildStep = commands(work.resolve("rpms"), root, request, repositories);
            step(
                    "mock --rebuild",
                    runner,
                    rebuildStep,
                    rebuildStep.rebuild(srpm),
                    options.buildTimeout(),
                    request.log());
            return BackendResult.built(srpm, binaryRpms(rebuildStep.resultDir()), List.of());
        } finally {
            freeRoot(root);
        }
    }

    private MockCommands commands(Path resultDir, int root, BuildRequest request, List<String> repositories)
            throws IOException {
        return new MockCommands(
                configFile(),
                resultDir,
                rootName(options.configFile(), root + 1),
                request.conditionals(),
                LocalBackend.REPRODUCIBLE,
                repositories,
                request.noCheck());
    }

    /** The configuration file, written the first time a build needs it. */
    private synchronized Path configFile() throws IOException {
        if (!configWritten) {
            AtomicFiles.write(options.configFile(), options.config().getBytes(StandardCharsets.UTF_8));
            configWritten = true;
        }
        return options.configFile();
    }

    /**
     * The build root's extension: {@code keel-<8 hex of the configuration file's path>-<n>}, so that
     * two Keel runs on the same distro version from different projects or checkouts never share a
     * build root (mock refuses one another mock holds), and the same one always has the same names.
     */
    public static String rootName(Path configFile, int n) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(configFile.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "keel-" + java.util.HexFormat.of().formatHex(digest, 0, 4) + "-" + n;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The lowest build root number no running build of this backend uses, taken. */
    private int takeRoot() {
        synchronized (busyRoots) {
            int root = busyRoots.nextClearBit(0);
            busyRoots.set(root);
            return root;
        }
    }

    private void freeRoot(int root) {
        synchronized (busyRoots) {
            busyRoots.clear(root);
        }
    }

    /**
     * Runs one mock step, then appends the logs of its result directory to the build log; fails
     * with the step's exit status and the telling lines of mock's {@code build.log}, or of the
     * step's whole output when mock wrote no {@code build.log}.
     */
    private void step(
            String name, ToolRunner runner, MockCommands commands, List<String> arguments, Duration timeout, Path log)
            throws IOException, InterruptedException {
        ToolResult result = runner.run(command(arguments, timeout), log);
        Optional<Long> buildLog = appendLogs(commands.resultDir(), log);
        if (!result.succeeded()) {
            throw new FailureException(BuildLog.stepFailure(name, result, log, buildLog.orElse(result.logStart())));
        }
    }

    /** mock's arguments with the backend's mock program. */
    private ToolCommand command(List<String> arguments, Duration timeout) {
        List<String> withProgram = new ArrayList<>(arguments);
        withProgram.set(0, options.executable());
        return ToolCommand.of(timeout, withProgram);
    }

    /**
     * Appends mock's logs in {@code resultDir} to the build log, each under a line naming it, and
     * returns where the copy of {@code build.log} begins in the build log, if there is one.
     */
    private static Optional<Long> appendLogs(Path resultDir, Path log) throws IOException {
        Optional<Long> buildLog = Optional.empty();
        for (String name : LOGS) {
            Path file = resultDir.resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.writeString(
                    log,
                    "keel: mock's " + name + " (" + file + "):\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            if (name.equals("build.log")) {
                buildLog = Optional.of(Files.size(log));
            }
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                Files.copy(file, out);
                if (!endsWithNewline(file)) {
                    out.write('\n');
                }
            }
        }
        return buildLog;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    /**
     * The build's dependencies (linked, or copied when they cannot be) into a repository of their
     * own, made with createrepo_c; its path for {@code --addrepo}.
     */
    private String dependencyRepository(ToolRunner runner, Path directory, BuildRequest request)
            throws IOException, InterruptedException {
        String path = repositoryPath(
                directory,
                "the build directory " + directory,
                "set the project's work-dir to a path of " + REPOSITORY_PATH_CHARACTERS + " only");
        Files.createDirectories(directory);
        for (Path rpm : request.dependencies()) {
            Path target = directory.resolve(rpm.getFileName().toString());
            try {
                Files.createLink(target, rpm);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(rpm, target);
            }
        }
        ToolResult result = runner.run(
                ToolCommand.of(options.stepTimeout(), List.of("createrepo_c", "--quiet", "--no-database", path)),
                request.log());
        if (!result.succeeded()) {
            throw new FailureException(Failure.of(
                            Failure.Kind.TOOL,
                            result.timedOut()
                                    ? "createrepo_c ran out of time on the build dependencies"
                                    : "createrepo_c cannot make the repository of the build dependencies (exit"
                                            + " status " + result.exitCode() + ")")
                    .at(Location.of(request.log())));
        }
        return path;
    }

    /** The {@code --local-repo} repositories' paths for {@code --addrepo}. */
    private List<String> localRepositories() throws FailureException {
        List<String> paths = new ArrayList<>();
        for (Path directory : localRepos.directories()) {
            paths.add(repositoryPath(
                    directory,
                    "--local-repo " + directory,
                    "give the repository by a path of " + REPOSITORY_PATH_CHARACTERS + " only (a link to it will do)"));
        }
        return paths;
    }

    /** The path of a repository for mock's {@code --addrepo}, which dnf must read as one local path. */
    private static String repositoryPath(Path directory, String what, String hint) throws FailureException {
        String path = directory.toString();
        if (!REPOSITORY_PATH.matcher(path).matches()) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            what.replaceAll("\\p{Cntrl}", "?") + " cannot be given to mock: dnf would not read it"
                                    + " as one repository path")
                    .withHint(hint));
        }
        return path;
    }

    /** The binary RPMs mock wrote (it also puts the source RPM it rebuilt there), sorted. */
    private static List<Path> binaryRpms(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        return BuiltFiles.regularFiles(directory, ".rpm").stream()
                .filter(rpm -> !rpm.getFileName().toString().endsWith(".src.rpm"))
                .toList();
    }
}
