package dev.keel.cli;

import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import dev.keel.core.io.Printable;
import dev.keel.spec.ElementKind;
import dev.keel.spec.SectionKind;
import dev.keel.spec.Spec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keel spec stats}: parse every spec, check the byte-for-byte round trip, print totals. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        header = "Check that spec files parse and print back byte-for-byte",
        description = "Parses every file, checks that it prints back byte-for-byte and prints totals over all"
                + " files. Directories are searched recursively for *.spec files. Exits 1 if any file cannot be read or"
                + " does not print back byte-for-byte.")
public final class SpecStatsCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Spec files or directories.")
    List<Path> paths;

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @CommandLine.Mixin
    JobsOption jobs = new JobsOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException, InterruptedException, ExecutionException {
        long start = System.nanoTime();
        List<Path> files = SpecFiles.collect(paths);
        ForkJoinPool pool = new ForkJoinPool(jobs.jobs());
        Totals totals;
        try {
            totals = pool.submit(() -> files.parallelStream()
                            .map(SpecStatsCommand::measure)
                            .reduce(new Totals(), Totals::plus, Totals::plus))
                    .get();
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        PrintWriter out = command.commandLine().getOut();
        Map<String, Object> report = totals.report(files.size(), millis);
        if (output.isJson()) {
            out.print(Json.write(report));
        } else {
            Table table = new Table("metric", "value");
            report.forEach((key, value) -> {
                if (!(value instanceof List)) {
                    table.row(key, value);
                }
            });
            out.print(table.render(output.format));
        }
        out.flush();
        PrintWriter err = command.commandLine().getErr();
        for (Object failed : (List<?>) report.get("failedFiles")) {
            String unreadable = totals.unreadable.get(failed);
            err.println(
                    unreadable != null
                            ? "error: " + Printable.escape(unreadable)
                            : "error: " + Printable.escape(failed.toString()) + " does not print back byte-for-byte");
        }
        err.flush();
        return totals.failedFiles.isEmpty() ? 0 : 1;
    }

    private static Totals measure(Path file) {
        Totals totals = new Totals();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, InputFiles.Kind.SPEC);
        } catch (IOException e) {
            totals.failedFiles.add(file.toString());
            totals.unreadable.put(file.toString(), FileErrors.withPath(FileErrors.about(file, e)));
            return totals;
        }
        Spec spec = Spec.parse(bytes);
        totals.bytes = bytes.length;
        totals.lines = spec.lines().size();
        totals.tags = spec.tags().size();
        totals.sections = spec.sections().stream().filter(s -> !s.isPreamble()).count();
        totals.subpackages = spec.sections().stream()
                .filter(s -> s.kind() == SectionKind.PACKAGE)
                .count();
        totals.conditionals = spec.blocks().size();
        totals.macroDefinitions = spec.elements().stream()
                .filter(e -> e.kind() == ElementKind.MACRO_DEFINITION)
                .count();
        totals.changelogEntries = spec.changelog().size();
        totals.diagnostics = spec.diagnostics().size();
        totals.filesWithDiagnostics = spec.diagnostics().isEmpty() ? 0 : 1;
        if (!Arrays.equals(bytes, spec.toBytes())) {
            totals.failedFiles.add(file.toString());
        }
        return totals;
    }

    /** Sums over files; combining is order-independent, so the thread count never changes the result. */
    private static final class Totals {
        long bytes;
        long lines;
        long tags;
        long sections;
        long subpackages;
        long conditionals;
        long macroDefinitions;
        long changelogEntries;
        long diagnostics;
        long filesWithDiagnostics;
        final List<String> failedFiles = new ArrayList<>();
        /** Why each file that could not be read could not. */
        final Map<String, String> unreadable = new HashMap<>();

        Totals plus(Totals other) {
            Totals sum = new Totals();
            sum.bytes = bytes + other.bytes;
            sum.lines = lines + other.lines;
            sum.tags = tags + other.tags;
            sum.sections = sections + other.sections;
            sum.subpackages = subpackages + other.subpackages;
            sum.conditionals = conditionals + other.conditionals;
            sum.macroDefinitions = macroDefinitions + other.macroDefinitions;
            sum.changelogEntries = changelogEntries + other.changelogEntries;
            sum.diagnostics = diagnostics + other.diagnostics;
            sum.filesWithDiagnostics = filesWithDiagnostics + other.filesWithDiagnostics;
            sum.failedFiles.addAll(failedFiles);
            sum.failedFiles.addAll(other.failedFiles);
            sum.unreadable.putAll(unreadable);
            sum.unreadable.putAll(other.unreadable);
            return sum;
        }

        Map<String, Object> report(int files, long millis) {
            List<String> failed = new ArrayList<>(failedFiles);
            failed.sort(null);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("files", files);
            report.put("bytes", bytes);
            report.put("lines", lines);
            report.put("tags", tags);
            report.put("sections", sections);
            report.put("subpackages", subpackages);
            report.put("conditionals", conditionals);
            report.put("macroDefinitions", macroDefinitions);
            report.put("changelogEntries", changelogEntries);
            report.put("diagnostics", diagnostics);
            report.put("filesWithDiagnostics", filesWithDiagnostics);
            report.put("roundTripFailures", failed.size());
            report.put("failedFiles", failed);
            report.put("millis", millis);
            report.put("megabytesPerSecond", millis == 0 ? 0 : Math.round(bytes / 1000.0 / millis * 10) / 10.0);
            return report;
        }
    }
}
