package dev.keel.cli;

import java.io.StringWriter;
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
}
