package dev.keel.build.backend;

import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.config.Location;
import dev.keel.core.io.FileTrees;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local backend: rpmbuild on this host. The source RPM comes from {@code rpmbuild -bs}, the
 * binary RPMs from {@code rpmbuild --rebuild} of it, both in a {@link BuildSandbox} whose top
 * directory is always {@code /tmp/build}, with the distro's macros, fixed build host and
 * reproducibility macros (build time and file times from the spec's last {@code %changelog}
 * entry). The in-distro build dependencies are installed into a {@link DependencyLayer} and shown
 * over the host's directories; rpm itself then checks the build requirements against the layer
 * ({@code rpmbuild --rebuild --nobuild} with the layer's database), and what the layer does not
 * provide, the host must ({@link HostRequirements}). The build itself runs with {@code --nodeps}.
 * Every rpmbuild gets the request's build conditionals ({@code --with}/{@code --without}).
 */
public final class LocalBackend implements BuildBackend {

    /** Bump when the same inputs would build differently. */
    static final String VERSION = "local-rpmbuild-1";

    /** The build host every RPM names. */
    static final String BUILD_HOST = "keel";

    /**
     * The macros that make builds reproducible: rpm 4.18 sets {@code SOURCE_DATE_EPOCH} from the
     * spec's newest {@code %changelog} entry, uses it as the build time and clamps file times to
     * it; the build host is fixed.
     */
    public static final SortedMap<String, String> REPRODUCIBLE =
            java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
                    "source_date_epoch_from_changelog", "1",
                    "use_source_date_epoch_as_buildtime", "1",
                    "clamp_mtime_to_source_date_epoch", "1",
                    "_buildhost", BUILD_HOST)));

    /** Exit status of {@code rpmbuild --nobuild} when build requirements are missing. */
    private static final int MISSING_REQUIREMENTS = 11;

    private static final Pattern NEEDED = Pattern.compile("^\\s+(.+?) is needed by \\S+$");
    private static final Pattern CONFLICT = Pattern.compile("^\\s+(.+?) conflicts with \\S+$");

    /**
     * How the backend builds.
     *
     * @param macros the distro's macros ({@code DistroMacros}), defined on every rpmbuild
     * @param localRepos repositories whose packages may satisfy build requirements
     * @param buildTimeout how long one {@code rpmbuild --rebuild} may run
     * @param stepTimeout how long any other step may run
     * @param scratch a directory of Keel's for the backend's own queries (the {@code HOME} of
     *     {@code rpmbuild --version})
     */
    public record Options(
            SortedMap<String, String> macros,
            List<Path> localRepos,
            Duration buildTimeout,
            Duration stepTimeout,
            Path scratch) {

        public Options {
            macros = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(macros));
            localRepos = List.copyOf(localRepos);
        }

        /** The distro's macros, the local repositories, and generous time limits (8 hours a build). */
        public static Options of(SortedMap<String, String> macros, List<Path> localRepos, Path scratch) {
            return new Options(macros, localRepos, Duration.ofHours(8), Duration.ofMinutes(30), scratch);
        }
    }

    private final Options options;
    private final LocalRepositories localRepos;
    private String identity;

    public LocalBackend(Options options) {
        this.options = options;
        this.localRepos = new LocalRepositories(options.localRepos());
    }

    /** What the local backend needs on the host. */
    public static List<HostTool> tools() {
        return List.of(HostTool.RPM, HostTool.RPMBUILD, HostTool.UNSHARE, HostTool.MOUNT);
    }

    /**
     * Why the local backend cannot build on this host, with what to do: the tools it runs (and
     * {@code more}) that are missing, or that it does not run as root, which its mount namespace
     * needs.
     */
    public static java.util.Optional<String> unavailable(List<HostTool> more) {
        List<HostTool> needed = new ArrayList<>(tools());
        needed.addAll(more);
        var missing = HostTool.missing(needed);
        if (missing.isPresent()) {
            return missing;
        }
        if (!root()) {
            return java.util.Optional.of("the local backend mounts overlays in a private mount namespace, which"
                    + " needs root: run the build as root (e.g. in a container or a CI job)");
        }
        return java.util.Optional.empty();
    }

    /** Fails with what to do when the local backend cannot build here ({@link #unavailable}). */
    public static void requireHost(List<HostTool> more) throws FailureException {
        var why = unavailable(more);
        if (why.isPresent()) {
            throw new FailureException(Failure.of(Failure.Kind.TOOL, "cannot build: " + why.get()));
        }
    }

    /** Whether this process runs with user id 0 ({@code /proc/self/status}). */
    private static boolean root() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.matches("Uid:\\s+0\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized String identity() throws IOException {
        if (identity == null) {
            StringBuilder text = new StringBuilder(VERSION);
            definitions()
                    .forEach((name, value) ->
                            text.append("\n%").append(name).append(' ').append(value));
            text.append("\nlocal-repos: ").append(localRepos.identity());
            text.append("\nrpm: ").append(rpmVersion());
            identity = text.toString();
        }
        return identity;
    }

    private String rpmVersion() throws IOException {
        try {
            ToolResult result = new ToolRunner(options.scratch().resolve("home"))
                    .capture(ToolCommand.of(Duration.ofMinutes(1), List.of("rpmbuild", "--version")), null);
            return result.output().strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while asking rpmbuild for its version");
        }
    }

    /** Every macro defined on rpmbuild's command line: the distro's, then reproducibility's. */
    private SortedMap<String, String> definitions() {
        SortedMap<String, String> all = new TreeMap<>(options.macros());
        all.putAll(REPRODUCIBLE);
        return all;
    }

    /** Builds; a step that fails with a typed failure ends the build with it. */
    @Override
    public BackendResult build(BuildRequest request) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        try {
            return build(request, notes);
        } catch (FailureException e) {
            return BackendResult.failed(e.failure(), notes);
        }
    }

    private BackendResult build(BuildRequest request, List<String> notes) throws IOException, InterruptedException {
        FileTrees.delete(request.workDir());
        BuildSandbox sandbox = new BuildSandbox(request.workDir().resolve("sandbox"));
        sandbox.create();
        ToolRunner runner = new ToolRunner(sandbox.home());
        PreparedSources.copy(request.sources(), sandbox.topdir().resolve("SOURCES"));

        List<String> source = rpmbuild(request.conditionals());
        source.addAll(List.of("--nodeps", "-bs", BuildSandbox.TOPDIR + "/SOURCES/" + request.spec()));
        ToolResult srpmRun = runner.run(sandbox.command(source, Map.of(), options.stepTimeout()), request.log());
        if (!srpmRun.succeeded()) {
            return BackendResult.failed(stepFailure("rpmbuild -bs", srpmRun, request.log()), notes);
        }
        Path srpm = BuiltFiles.sourceRpm(sandbox.topdir().resolve("SRPMS"), "rpmbuild -bs", request.log());
        if (request.srpmOnly()) {
            return BackendResult.built(srpm, List.of(), notes);
        }
        String srpmInside = BuildSandbox.TOPDIR + "/SRPMS/" + srpm.getFileName();

        var layerFailure = DependencyLayer.install(
                runner, sandbox.layer(), request.dependencies(), request.log(), options.stepTimeout());
        if (layerFailure.isPresent()) {
            return BackendResult.failed(layerFailure.get(), notes);
        }
        List<String> missing = missingFromLayer(sandbox, runner, srpmInside, request);
        if (!missing.isEmpty() && !localRepos.isEmpty()) {
            List<Path> provided =
                    localRepos.providers(missing, request.workDir().resolve("dnf"), request.log());
            if (!provided.isEmpty()) {
                var failure = DependencyLayer.install(
                        runner, sandbox.layer(), provided, request.log(), options.stepTimeout());
                if (failure.isPresent()) {
                    return BackendResult.failed(failure.get(), notes);
                }
                notes.add("from --local-repo: "
                        + String.join(
                                ", ",
                                provided.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList()));
                missing = missingFromLayer(sandbox, runner, srpmInside, request);
            }
        }
        List<HostRequirements.Check> checks = HostRequirements.check(missing, runner, request.log());
        List<HostRequirements.Check> absent = checks.stream()
                .filter(check -> check.verdict() == HostRequirements.Verdict.MISSING)
                .toList();
        List<String> unchecked = checks.stream()
                .filter(check -> check.verdict() == HostRequirements.Verdict.UNCHECKED)
                .map(check -> check.requirement() + " (" + check.how() + ")")
                .toList();
        if (!unchecked.isEmpty()) {
            notes.add("build requirements the host must provide, not checked: " + String.join(", ", unchecked));
        }
        if (!absent.isEmpty()) {
            Failure failure = Failure.of(
                    Failure.Kind.TOOL,
                    "the host lacks " + absent.size() + " build requirement" + (absent.size() == 1 ? "" : "s")
                            + " that no in-distro dependency provides");
            for (HostRequirements.Check check : absent) {
                failure = failure.withDetail("missing", check.requirement() + " (" + check.how() + ")");
            }
            return BackendResult.failed(
                    failure.withHint("install the Debian packages that provide them (for a file: apt-file search"
                            + " FILE; for pkgconfig(NAME): the -dev package with NAME.pc), or build the component"
                            + " that provides them first"),
                    notes);
        }

        List<String> build = rpmbuild(request.conditionals());
        build.addAll(List.of("--define", "_dbpath " + BuildSandbox.LAYER_DB, "--nodeps"));
        if (request.noCheck()) {
            build.add("--nocheck");
        }
        build.add("--rebuild");
        build.add(srpmInside);
        ToolResult buildRun = runner.run(sandbox.command(build, Map.of(), options.buildTimeout()), request.log());
        if (!buildRun.succeeded()) {
            return BackendResult.failed(stepFailure("rpmbuild --rebuild", buildRun, request.log()), notes);
        }
        return BackendResult.built(srpm, rpms(sandbox.topdir().resolve("RPMS")), notes);
    }

    /**
     * The build requirements of the source RPM that the layer does not provide, as rpm's own
     * dependency check against the layer's database finds them: {@code rpmbuild --rebuild
     * --nobuild} exits with 11 and lists them when some are missing; when none is, it goes on to
     * package nothing, which fails or not, and says nothing about requirements. Its output goes to
     * a log of its own ({@code requirements.log} in the work directory); the build log gets the
     * list. The build's conditionals apply: they decide which requirements the spec has.
     */
    private List<String> missingFromLayer(BuildSandbox sandbox, ToolRunner runner, String srpm, BuildRequest request)
            throws IOException, InterruptedException {
        Path log = request.log();
        Path checkLog = request.workDir().resolve("requirements.log");
        List<String> arguments = new ArrayList<>(List.of(
                "rpmbuild",
                "--define",
                "_topdir " + BuildSandbox.inside("check"),
                "--define",
                "_dbpath " + BuildSandbox.LAYER_DB));
        definitions().forEach((name, value) -> {
            arguments.add("--define");
            arguments.add(name + " " + value);
        });
        arguments.addAll(request.conditionals().arguments());
        arguments.addAll(List.of("--rebuild", "--nobuild", srpm));
        ToolResult result = runner.run(sandbox.command(arguments, Map.of(), options.stepTimeout()), checkLog);
        if (result.timedOut()) {
            throw new FailureException(stepFailure("the build requirement check", result, checkLog));
        }
        List<String> missing = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        if (result.exitCode() == MISSING_REQUIREMENTS) {
            for (String line : readFrom(checkLog, result.logStart()).split("\n")) {
                Matcher needed = NEEDED.matcher(line);
                Matcher conflict = CONFLICT.matcher(line);
                if (needed.matches()) {
                    missing.add(needed.group(1));
                } else if (conflict.matches()) {
                    conflicts.add(conflict.group(1));
                }
            }
            if (missing.isEmpty() && conflicts.isEmpty()) {
                throw new FailureException(stepFailure("the build requirement check", result, checkLog));
            }
        }
        Files.writeString(
                log,
                "keel: build requirements the dependency layer does not provide: "
                        + (missing.isEmpty() ? "none" : String.join(", ", missing)) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        if (!conflicts.isEmpty()) {
            Failure failure =
                    Failure.of(Failure.Kind.BUILD, "the build dependencies conflict with the spec's BuildConflicts");
            for (String conflict : conflicts) {
                failure = failure.withDetail("conflict", conflict);
            }
            throw new FailureException(failure.at(Location.of(checkLog)));
        }
        return missing;
    }

    private static String readFrom(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** rpmbuild with the fixed top directory, every macro definition and the build's conditionals. */
    private List<String> rpmbuild(BuildConditionals conditionals) {
        List<String> arguments = new ArrayList<>(List.of(
                "rpmbuild",
                "--define",
                "_topdir " + BuildSandbox.TOPDIR,
                "--define",
                "_tmppath " + BuildSandbox.INSIDE));
        definitions().forEach((name, value) -> {
            arguments.add("--define");
            arguments.add(name + " " + value);
        });
        arguments.addAll(conditionals.arguments());
        return arguments;
    }

    /** The failure of one step, naming the lines of its part of the log. */
    private static Failure stepFailure(String step, ToolResult result, Path log) throws IOException {
        return BuildLog.stepFailure(step, result, log, result.logStart());
    }

    /** Every RPM rpmbuild wrote, sorted. */
    private static List<Path> rpms(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".rpm"))
                    .sorted()
                    .toList();
        }
    }
}
