package dev.keel.cli;

import dev.keel.build.backend.LocalBackend;
import dev.keel.build.tool.HostTool;
import dev.keel.cli.demo.ExampleDistro;
import dev.keel.cli.demo.UpstreamRuntime;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel demo}: the main job on the embedded example. Generates the example upstream's
 * dist-git repositories and lookaside, copies the example project beside them (reading them with
 * {@code file} URLs, so the commands it prints can be rerun as printed), locks, renders every
 * component, runs the {@code --check-only} gate and prepares one component's sources.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run Keel's main job on the embedded example distro",
        description = "Generates the example's upstream dist-git and lookaside, locks the upstream commits"
                + " (component update), renders every component (overlays, macros file, check skip, %%autorelease and"
                + " %%autochangelog from the history), verifies the rendered specs with --check-only, and prepares"
                + " one component's complete sources (its archive from the lookaside). Then, unless --no-build,"
                + " prints the dependency graph, builds every component's RPMs in dependency order with rpmbuild"
                + " into a repository (keel-demo/repo), checks that the repository's dependencies close and that"
                + " greeter installs into an empty root, and lists the RPMs; without the RPM tools (or not as"
                + " root) that step says what is missing and is skipped. The project reads its upstream with file"
                + " URLs, so the commands the demo prints can be rerun as printed. Needs no network.")
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = {"-d", "--dir"},
            paramLabel = "DIR",
            description = "Where the example project, its upstream and caches go (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("keel-demo");

    @Option(names = "--no-build", description = "Stop after rendering and preparing: do not build the example's RPMs.")
    boolean noBuild;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = command.commandLine().getOut();
        Path root = dir.toAbsolutePath().normalize();
        try (ExampleDistro example = ExampleDistro.install(root)) {
            String project = shown(example.project());
            Path prepared = root.resolve("prepared/hello");
            out.println("Keel demo: the example distro in " + Reports.printable(project.toString()));
            out.println("Its upstream dist-git is " + example.upstreamUri() + ",");
            out.println("its lookaside " + example.lookasideUri() + " (file URLs: the commands below can be");
            out.println("rerun as printed, with ./keel from Keel's checkout; they then use your cache, not "
                    + shown(root.resolve("cache")) + ").");
            String previous = System.getProperty(KeelCache.PROPERTY);
            System.setProperty(KeelCache.PROPERTY, root.resolve("cache").toString());
            try {
                for (List<String> arguments : List.of(
                        List.of("update", "-a"),
                        List.of("render", "-a"),
                        List.of("render", "-a", "--check-only"),
                        List.of("prepare-sources", "hello", "-o", shown(prepared), "--force"))) {
                    int code = step(out, project, component(arguments));
                    if (code != 0) {
                        return code;
                    }
                }
                tour(out, example.project().resolve("specs"), prepared);
                return noBuild ? 0 : build(out, project, example.project(), root.resolve("repo"));
            } finally {
                if (previous == null) {
                    System.clearProperty(KeelCache.PROPERTY);
                } else {
                    System.setProperty(KeelCache.PROPERTY, previous);
                }
            }
        }
    }

    /**
     * Builds every component in dependency order into a repository, checks it installs, and lists
     * the RPMs; on a host without the RPM tools, says what to install instead.
     */
    private int build(PrintWriter out, String project, Path projectDir, Path repo)
            throws IOException, InterruptedException {
        Optional<String> unavailable =
                LocalBackend.unavailable(List.of(HostTool.CREATEREPO, HostTool.DNF, HostTool.REPOCLOSURE));
        if (unavailable.isPresent()) {
            out.println();
            out.println("== Building the RPMs: skipped, " + unavailable.get());
            out.println("   The example's specs also need: apt-get install -y " + EXAMPLE_BUILD_TOOLS);
            out.flush();
            return 0;
        }
        out.println();
        out.println("== The example upstream's binary repository (what the example builds against): "
                + shown(UpstreamRuntime.build(projectDir.getParent())));
        out.flush();
        for (List<String> arguments : List.of(
                component(List.of("graph", "-a")),
                component(List.of("build", "-a", "--local-repo-with-publish", shown(repo))),
                List.of("repo", "check", "--repo", shown(repo), "--install", "greeter"))) {
            int code = step(out, project, arguments);
            if (code != 0) {
                return code;
            }
        }
        list(out, "The RPMs built, by publish channel: " + shown(projectDir.resolve("out")), projectDir.resolve("out"));
        out.flush();
        return 0;
    }

    /** The host tools the example's specs build with (their BuildRequires the host provides). */
    private static final String EXAMPLE_BUILD_TOOLS = "gcc libc6-dev make patch python3";

    private static List<String> component(List<String> arguments) {
        return Stream.concat(Stream.of("component"), arguments.stream()).toList();
    }

    /** Prints {@code keel -C PROJECT ARGUMENTS...} and runs exactly that in this process. */
    private int step(PrintWriter out, String project, List<String> commandArguments) {
        List<String> arguments = Stream.concat(Stream.of("-C", project), commandArguments.stream())
                .toList();
        out.println();
        out.println("== keel " + Reports.printable(String.join(" ", arguments)));
        out.flush();
        CommandLine keel = Main.commandLine(
                command.commandLine().getOut(), command.commandLine().getErr());
        Status status = KeelCommand.status(command);
        String level = status.quiet() ? "-q" : status.verbose() ? "-v" : null;
        return keel.execute(
                Stream.concat(Stream.ofNullable(level), arguments.stream()).toArray(String[]::new));
    }

    /** A path as the demo prints it: relative to the current directory when it lies inside it. */
    private static String shown(Path path) {
        Path current = Path.of("").toAbsolutePath();
        return (path.startsWith(current) ? current.relativize(path) : path).toString();
    }

    private static void list(PrintWriter out, String title, Path dir) throws IOException {
        out.println();
        out.println("== " + Reports.printable(title));
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .map(path -> "  " + dir.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .forEach(out::println);
        }
    }

    /** Lists the rendered tree and shows what rpmautospec-style expansion made of libwidget. */
    private static void tour(PrintWriter out, Path specs, Path prepared) throws IOException {
        list(out, "The rendered specs (check these into git): " + shown(specs), specs);
        list(
                out,
                "hello's sources, ready to build (its archive fetched from the lookaside): " + shown(prepared),
                prepared);
        Path libwidget = specs.resolve("l/libwidget/libwidget.spec");
        if (Files.isRegularFile(libwidget)) {
            List<String> lines = Files.readAllLines(libwidget, StandardCharsets.UTF_8);
            out.println();
            out.println("== l/libwidget/libwidget.spec: the release frozen from the upstream history ...");
            lines.stream().limit(9).forEach(line -> out.println("  " + line));
            out.println("   ... and the changelog generated from it:");
            lines.stream().dropWhile(line -> !line.equals("%changelog")).forEach(line -> out.println("  " + line));
        }
        out.flush();
    }
}
