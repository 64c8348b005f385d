package dev.keel.build.tool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@code rpm -qp} says about RPM files: their package names and the source RPM they came from. */
public final class RpmHeaders {

    /**
     * One RPM file's header.
     *
     * @param file the file
     * @param name its package name (the Name tag)
     * @param sourceRpm the source RPM it was built from, or empty for a source RPM
     */
    public record Header(Path file, String name, String sourceRpm) {}

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private RpmHeaders() {}

    /** The headers of {@code files}, in their order. */
    public static List<Header> read(List<Path> files, ToolRunner runner, Path log)
            throws IOException, InterruptedException {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>(List.of(
                "rpm",
                "--query",
                "--package",
                "--nosignature",
                "--nodigest",
                "--queryformat",
                "%{NAME}\\t%|SOURCERPM?{%{SOURCERPM}}:{}|\\n"));
        files.forEach(file -> arguments.add(file.toAbsolutePath().toString()));
        ToolResult result = runner.capture(ToolCommand.of(TIMEOUT, arguments), log);
        String[] lines = result.output().split("\n");
        if (!result.succeeded() || lines.length != files.size()) {
            throw new IOException("rpm cannot read the headers of " + files.size() + " RPM file"
                    + (files.size() == 1 ? "" : "s") + " (exit status " + result.exitCode() + ")");
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] fields = lines[i].split("\t", -1);
            if (fields.length != 2 || fields[0].isEmpty()) {
                throw new IOException("rpm printed an unexpected header line for " + files.get(i));
            }
            headers.add(new Header(files.get(i), fields[0], fields[1]));
        }
        return headers;
    }
}
