package dev.keel.cli;

import dev.keel.spec.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keel demo}: runs the main job on the embedded example. Until the render pipeline exists,
 * that is the spec engine over the example specs shipped in the jar.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run Keel's main job on the embedded example project and show the result.")
public final class DemoCommand implements Callable<Integer> {

    static final List<String> EXAMPLES = List.of("hello.spec", "libwidget.spec", "pyfoo.spec");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        out.println("Keel demo: parsing the embedded example specs with the lossless spec engine.");
        int failures = 0;
        for (String name : EXAMPLES) {
            byte[] bytes;
            try (InputStream in = DemoCommand.class.getResourceAsStream("examples/" + name)) {
                if (in == null) {
                    throw new IOException("embedded example " + name + " is missing from the jar");
                }
                bytes = in.readAllBytes();
            }
            Spec spec = Spec.parse(bytes);
            boolean roundTrip = Arrays.equals(bytes, spec.toBytes());
            failures += roundTrip ? 0 : 1;
            out.println();
            out.println("== " + name + " (" + bytes.length + " bytes, round-trip " + (roundTrip ? "exact" : "FAILED")
                    + ")");
            out.print(SpecQueryCommand.summary(spec).render(OutputFormat.TABLE));
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
