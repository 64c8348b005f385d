package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the keel command line in-process and captures its exit code, stdout and stderr. */
record CliRunner(int exitCode, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(out, err);
        int code = commandLine.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** Runs keel with {@code -C project} and checks its exit code, showing its output if it differs. */
    static CliRunner runIn(Path project, int exitCode, String... arguments) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(arguments));
        CliRunner result = run(all.toArray(String[]::new));
        assertThat(result.exitCode())
                .as(String.join(" ", arguments) + "\n" + result.out() + result.err())
                .isEqualTo(exitCode);
        return result;
    }
}
