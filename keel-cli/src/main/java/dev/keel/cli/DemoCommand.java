package dev.keel.cli;

import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel demo}: the main job on the embedded example. Generates the example upstream's
 * dist-git repositories, serves them over the git protocol on loopback, copies the example
 * project beside them, renders every component and runs the {@code --check-only} gate.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run Keel's main job on the embedded example distro.",
        description = "Serves the example's upstream dist-git on loopback, locks the upstream commits (component"
                + " update), renders every component (overlays, macros file, check skip, %%autorelease and"
                + " %%autochangelog from the history), verifies the rendered specs with --check-only, and prepares"
                + " one component's complete sources (its archive from the lookaside, served over HTTP). Needs no"
                + " network beyond loopback.")
public final class DemoCommand implements Callable<Integer> {

    /** The port tried first for the git daemon (git's own); any free port is used when it is taken. */
    static final int PREFERRED_PORT = 9418;

    @Option(
            names = {"-d", "--dir"},
            paramLabel = "DIR",
            description = "Where the example project, its upstream and caches go (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("keel-demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        Path root = dir.toAbsolutePath().normalize();
        try (ExampleDistro example = ExampleDistro.install(root, PREFERRED_PORT)) {
            Path project = example.project();
            Path prepared = root.resolve("prepared/hello");
            out.println("Keel demo: the example distro in " + Reports.printable(project.toString()));
            out.println("Its upstream dist-git is served at " + example.upstreamUri() + " (git protocol, loopback),");
            out.println("its lookaside at " + example.lookasideUri() + " (HTTP, loopback).");
            String previous = System.getProperty(KeelCache.PROPERTY);
            System.setProperty(KeelCache.PROPERTY, root.resolve("cache").toString());
            try {
                for (List<String> arguments : List.of(
                        List.of("update", "-a"),
                        List.of("render", "-a"),
                        List.of("render", "-a", "--check-only"),
                        List.of("prepare-sources", "hello", "-o", prepared.toString(), "--force"))) {
                    int code = step(out, project, arguments);
                    if (code != 0) {
                        return code;
                    }
                }
                tour(out, project.resolve("specs"), prepared);
                return 0;
            } finally {
                if (previous == null) {
                    System.clearProperty(KeelCache.PROPERTY);
                } else {
                    System.setProperty(KeelCache.PROPERTY, previous);
                }
            }
        }
    }

    /** Runs {@code keel -C PROJECT component ARGUMENTS...} in this process, with this command's output. */
    private int step(PrintWriter out, Path project, List<String> componentArguments) {
        out.println();
        out.println("== keel -C " + Reports.printable(project.toString()) + " component "
                + Reports.printable(String.join(" ", componentArguments)));
        out.flush();
        CommandLine keel = Main.commandLine();
        keel.setOut(command.commandLine().getOut());
        keel.setErr(command.commandLine().getErr());
        Status status = KeelCommand.status(command);
        String level = status.quiet() ? "-q" : status.verbose() ? "-v" : null;
        return keel.execute(Stream.of(
                        Stream.ofNullable(level),
                        Stream.of("-C", project.toString(), "component"),
                        componentArguments.stream())
                .flatMap(s -> s)
                .toArray(String[]::new));
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
        list(out, "The rendered specs (check these into git): " + specs, specs);
        list(out, "hello's sources, ready to build (its archive fetched from the lookaside): " + prepared, prepared);
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
