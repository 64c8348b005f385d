package dev.keel.cli;

import dev.keel.core.io.InputFiles;
import dev.keel.spec.Diagnostic;
import dev.keel.spec.MacroDefinition;
import dev.keel.spec.Section;
import dev.keel.spec.SourceRef;
import dev.keel.spec.Spec;
import dev.keel.spec.macro.ExpandedTags;
import dev.keel.spec.macro.ExpandedValue;
import dev.keel.spec.macro.MacroContext;
import dev.keel.spec.macro.MacroExpander;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keel spec query}: the structure of one spec as written; with {@code --expand}, its name,
 * epoch, version and release expanded as rpm would.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        header = "Print a spec's structure as written, or with --expand its name, epoch, version and release.",
        description = "As written (no macro expansion): name, epoch, version, release, sub-packages, sources, patches,"
                + " sections with line ranges, build conditionals and diagnostics. With --expand, name, epoch,"
                + " version and release are expanded the way rpmspec -q --srpm does.")
public final class SpecQueryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The spec file.")
    Path file;

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @Option(
            names = "--expand",
            description = "Expand macros in name, epoch, version and release as rpm does; a value that cannot be"
                    + " determined is null, with the reason under \"expansion\". A spec rpm refuses because its"
                    + " %%if/%%else/%%endif do not pair up is an error.")
    boolean expand;

    @Option(
            names = "--define",
            paramLabel = "NAME=VALUE",
            description = "With --expand: define a macro, like rpm's --define 'NAME VALUE' (repeatable).")
    List<String> defines = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (!defines.isEmpty() && !expand) {
            throw new CommandLine.ParameterException(command.commandLine(), "--define needs --expand");
        }
        MacroContext context = expand ? context() : null;
        Spec spec = Spec.parse(InputFiles.read(file, InputFiles.Kind.SPEC));
        Optional<Diagnostic> rejected = expand ? spec.conditionalError() : Optional.empty();
        if (rejected.isPresent()) {
            PrintWriter err = command.commandLine().getErr();
            err.print(rejection(file, rejected.get()));
            err.flush();
            return 1;
        }
        Map<String, Object> result = describe(spec);
        if (context != null) {
            applyExpansion(result, MacroExpander.evaluate(spec, context));
        }
        PrintWriter out = command.commandLine().getOut();
        if (output.isJson()) {
            out.print(Json.write(result));
        } else {
            out.print(summary(spec, result).render(output.format));
        }
        out.flush();
        return 0;
    }

    /** Why rpm refuses the spec before computing anything: a conditional out of place or unclosed. */
    static String rejection(Path file, Diagnostic error) {
        return "error: rpm rejects the spec: " + Reports.printable(error.message()) + "\n"
                + "  --> " + Reports.printable(file + ":" + error.line() + ":" + error.column()) + "\n"
                + "   = hint: every %if needs its %endif, and %elif, %else and %endif need an open %if"
                + " (without --expand, 'keel spec query' lists each such line)\n";
    }

    private MacroContext context() {
        MacroContext.Builder builder = MacroContext.builder();
        for (String definition : defines) {
            try {
                builder.define(definition);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), "--define: " + e.getMessage());
            }
        }
        return builder.build();
    }

    /**
     * Replaces name, epoch, version and release with their expanded values (null when undeterminable)
     * and adds {@code expansion}: the reason for each undeterminable one.
     */
    static void applyExpansion(Map<String, Object> result, ExpandedTags tags) {
        Map<String, Object> reasons = new LinkedHashMap<>();
        Map<String, ExpandedValue> values = new LinkedHashMap<>();
        values.put("name", tags.name());
        values.put("epoch", tags.epoch());
        values.put("version", tags.version());
        values.put("release", tags.release());
        values.forEach((key, value) -> {
            result.put(key, value == null ? null : value.value());
            if (value != null && !value.isDeterminable()) {
                reasons.put(key, value.reason());
            }
        });
        result.put("expansion", reasons);
    }

    /** The query result as ordered maps and lists, ready for JSON. */
    static Map<String, Object> describe(Spec spec) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", spec.tagValue("Name"));
        result.put("epoch", spec.tagValue("Epoch"));
        result.put("version", spec.tagValue("Version"));
        result.put("release", spec.tagValue("Release"));
        List<Map<String, Object>> subpackages = new ArrayList<>();
        for (Spec.Subpackage pkg : spec.packages()) {
            if (pkg.ref().isMain()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", pkg.ref().name());
            entry.put("form", pkg.ref().form().name().toLowerCase(Locale.ROOT));
            entry.put("fullName", pkg.fullName());
            entry.put(
                    "line",
                    spec.element(spec.section(pkg.section()).firstElement()).firstLine() + 1);
            subpackages.add(entry);
        }
        result.put("subpackages", subpackages);
        result.put("sources", references(spec, spec.sources()));
        result.put("patches", references(spec, spec.patches()));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section section : spec.sections()) {
            if (section.isPreamble() && section.endLine() == section.firstLine()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", section.name());
            entry.put("package", section.pkg().headerSpelling());
            entry.put("startLine", section.firstLine() + 1);
            entry.put("endLine", section.endLine());
            sections.add(entry);
        }
        result.put("sections", sections);
        List<Map<String, Object>> bconds = new ArrayList<>();
        for (MacroDefinition bcond : spec.bconds()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", bcond.name());
            entry.put("directive", bcond.kind().directive());
            entry.put(
                    "default",
                    switch (bcond.kind()) {
                        case BCOND_WITH -> "0";
                        case BCOND_WITHOUT -> "1";
                        default -> bcond.body();
                    });
            entry.put("line", spec.element(bcond.element()).firstLine() + 1);
            bconds.add(entry);
        }
        result.put("bconds", bconds);
        result.put("conditionals", spec.blocks().size());
        result.put("changelogEntries", spec.changelog().size());
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (Diagnostic diagnostic : spec.diagnostics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("line", diagnostic.line());
            entry.put("column", diagnostic.column());
            entry.put("severity", diagnostic.severity().name().toLowerCase(Locale.ROOT));
            entry.put("message", diagnostic.message());
            diagnostics.add(entry);
        }
        result.put("diagnostics", diagnostics);
        return result;
    }

    private static List<Map<String, Object>> references(Spec spec, List<SourceRef> references) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SourceRef reference : references) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", reference.number());
            entry.put("value", reference.value());
            entry.put("line", spec.element(reference.element()).firstLine() + 1);
            list.add(entry);
        }
        return list;
    }

    /** The query result as a table: one row per item with its line. */
    static Table summary(Spec spec) {
        return summary(spec, describe(spec));
    }

    /** A query result (possibly expanded) as a table. */
    @SuppressWarnings("unchecked")
    static Table summary(Spec spec, Map<String, Object> result) {
        Table table = new Table("item", "line", "value");
        Map<String, Object> reasons = (Map<String, Object>) result.getOrDefault("expansion", Map.of());
        for (String key : List.of("name", "epoch", "version", "release")) {
            if (result.get(key) != null) {
                table.row(key, "", result.get(key));
            } else if (reasons.containsKey(key)) {
                table.row(key, "", "undeterminable: " + reasons.get(key));
            }
        }
        for (Map<String, Object> pkg : (List<Map<String, Object>>) result.get("subpackages")) {
            table.row(
                    "subpackage", pkg.get("line"), pkg.get("fullName") == null ? pkg.get("name") : pkg.get("fullName"));
        }
        for (String kind : List.of("sources", "patches")) {
            for (Map<String, Object> reference : (List<Map<String, Object>>) result.get(kind)) {
                String label = kind.equals("sources") ? "source" : "patch";
                Object number = reference.get("number");
                table.row(label + (number == null ? "" : number), reference.get("line"), reference.get("value"));
            }
        }
        for (Map<String, Object> section : (List<Map<String, Object>>) result.get("sections")) {
            String name = ((String) section.get("name")).isEmpty() ? "(preamble)" : (String) section.get("name");
            String pkg = (String) section.get("package");
            table.row(
                    "section",
                    section.get("startLine") + "-" + section.get("endLine"),
                    pkg.isEmpty() ? name : name + " " + pkg);
        }
        for (Map<String, Object> bcond : (List<Map<String, Object>>) result.get("bconds")) {
            table.row("bcond", bcond.get("line"), bcond.get("directive") + " " + bcond.get("name"));
        }
        for (Diagnostic diagnostic : spec.diagnostics()) {
            table.row(diagnostic.severity().name().toLowerCase(Locale.ROOT), diagnostic.line(), diagnostic.message());
        }
        return table;
    }
}
