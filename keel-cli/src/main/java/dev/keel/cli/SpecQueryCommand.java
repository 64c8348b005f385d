package dev.keel.cli;

import dev.keel.core.io.InputFiles;
import dev.keel.spec.Diagnostic;
import dev.keel.spec.MacroDefinition;
import dev.keel.spec.Section;
import dev.keel.spec.SourceRef;
import dev.keel.spec.Spec;
import dev.keel.spec.macro.ExpandedDependencies;
import dev.keel.spec.macro.ExpandedPackage;
import dev.keel.spec.macro.ExpandedSpec;
import dev.keel.spec.macro.ExpandedTags;
import dev.keel.spec.macro.ExpandedValue;
import dev.keel.spec.macro.MacroContext;
import dev.keel.spec.macro.MacroExpander;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        header = "Print a spec's structure as written, or with --expand as rpm reads it",
        description = "As written (no macro expansion): name, epoch, version, release, sub-packages, sources, patches,"
                + " sections with line ranges, build conditionals and diagnostics. With --expand, name, epoch,"
                + " version and release are expanded the way rpmspec -q --srpm does, and the build requirements"
                + " (as rpmspec -q --buildrequires prints them) and each package's provides and requires are added."
                + " %%{load:...} reads the *.macros files beside the spec, %%{_sourcedir} being its directory unless"
                + " defined.")
public final class SpecQueryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The spec file.")
    Path file;

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @Option(
            names = "--expand",
            description = "Read the spec as rpm does: expanded name, epoch, version and release (null when they cannot"
                    + " be determined), buildRequires, and provides and requires of each package; the reasons for what"
                    + " cannot be determined are under \"expansion\". A spec rpm refuses because its"
                    + " %%if/%%else/%%endif do not pair up is an error.")
    boolean expand;

    @Option(
            names = "--define",
            paramLabel = "NAME=VALUE",
            description = "With --expand: define a macro, like rpm's --define 'NAME VALUE' (repeatable).")
    List<String> defines = new ArrayList<>();

    @Option(
            names = "--with",
            paramLabel = "NAME",
            description = "With --expand: enable a build conditional, like rpmbuild --with (repeatable).")
    List<String> with = new ArrayList<>();

    @Option(
            names = "--without",
            paramLabel = "NAME",
            description = "With --expand: disable a build conditional, like rpmbuild --without (repeatable).")
    List<String> without = new ArrayList<>();

    @Option(
            names = "--target",
            paramLabel = "ARCH",
            description = "With --expand: the target architecture for %%ifarch and %%{_isa} (default: x86_64).")
    String target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (!expand) {
            for (var option : List.of(
                    Map.entry("--define", !defines.isEmpty()),
                    Map.entry("--with", !with.isEmpty()),
                    Map.entry("--without", !without.isEmpty()),
                    Map.entry("--target", target != null))) {
                if (option.getValue()) {
                    throw new CommandLine.ParameterException(
                            command.commandLine(), option.getKey() + " needs --expand");
                }
            }
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
            applyExpansion(result, MacroExpander.evaluateSpec(spec, context));
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

    private MacroContext context() throws IOException {
        MacroContext.Builder builder = MacroContext.builder();
        if (target != null) {
            builder.arch(target);
        }
        with.forEach(builder::with);
        without.forEach(builder::without);
        Path directory = file.toAbsolutePath().getParent();
        builder.define("_sourcedir", directory.toString());
        for (String definition : defines) {
            try {
                builder.define(definition);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), "--define: " + e.getMessage());
            }
        }
        for (Path macros : SpecFiles.macroFilesBeside(file)) {
            builder.macroFile(
                    directory.resolve(macros.getFileName()).toString(),
                    new String(InputFiles.read(macros, InputFiles.Kind.SOURCE), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /**
     * Replaces name, epoch, version and release with their expanded values (null when undeterminable),
     * adds {@code buildRequires}, the main package's {@code provides} and {@code requires} and each
     * sub-package's (with its expanded {@code fullName}), and {@code expansion}: the reason for each
     * undeterminable value, and the reasons lists are incomplete.
     */
    @SuppressWarnings("unchecked")
    static void applyExpansion(Map<String, Object> result, ExpandedSpec expanded) {
        Map<String, Object> reasons = applyExpansion(result, expanded.tags());
        result.put("buildRequires", expanded.buildRequires().strings());
        addReasons(reasons, "buildRequires", expanded.buildRequires());
        List<Map<String, Object>> subpackages = (List<Map<String, Object>>) result.get("subpackages");
        for (ExpandedPackage pkg : expanded.packages()) {
            Map<String, Object> entry = pkg.line() == 0 ? result : entryAt(subpackages, pkg);
            String key = pkg.line() == 0 ? "" : entry.get("name") + ".";
            if (pkg.line() != 0) {
                entry.put("fullName", pkg.name().value());
            }
            entry.put("provides", pkg.provides().strings());
            entry.put("requires", pkg.requires().strings());
            addReasons(reasons, key + "provides", pkg.provides());
            addReasons(reasons, key + "requires", pkg.requires());
            if (!pkg.name().isDeterminable()) {
                reasons.put(key + "fullName", pkg.name().reason());
            }
        }
        if (!expanded.undeterminable().isEmpty()) {
            reasons.put("spec", expanded.undeterminable());
        }
        result.put("expansion", result.remove("expansion"));
    }

    /** The sub-package entry of the {@code %package} header on the package's line (added if none is there). */
    private static Map<String, Object> entryAt(List<Map<String, Object>> subpackages, ExpandedPackage pkg) {
        for (Map<String, Object> entry : subpackages) {
            if (entry.get("line").equals(pkg.line())) {
                return entry;
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", pkg.name().value());
        entry.put("form", "full");
        entry.put("fullName", pkg.name().value());
        entry.put("line", pkg.line());
        subpackages.add(entry);
        return entry;
    }

    private static void addReasons(Map<String, Object> reasons, String key, ExpandedDependencies dependencies) {
        if (!dependencies.complete()) {
            reasons.put(key, dependencies.undeterminable());
        }
    }

    private static Map<String, Object> applyExpansion(Map<String, Object> result, ExpandedTags tags) {
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
        return reasons;
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
            entry.put("line", pkg.sectionIn(spec).firstLine() + 1);
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
            entry.put("line", bcond.elementIn(spec).firstLine() + 1);
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
            entry.put("line", reference.elementIn(spec).firstLine() + 1);
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
        if (result.containsKey("buildRequires")) {
            dependencyRows(table, "buildrequires", result, reasons.get("buildRequires"));
            dependencyRows(table, "provides", result, reasons.get("provides"));
            dependencyRows(table, "requires", result, reasons.get("requires"));
            for (Map<String, Object> pkg : (List<Map<String, Object>>) result.get("subpackages")) {
                String label = pkg.get("fullName") == null ? (String) pkg.get("name") : (String) pkg.get("fullName");
                dependencyRows(table, "provides " + label, pkg, reasons.get(pkg.get("name") + ".provides"));
                dependencyRows(table, "requires " + label, pkg, reasons.get(pkg.get("name") + ".requires"));
            }
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

    /** One row per dependency of a list ({@code buildRequires}, {@code provides}...), then one per undeterminable part. */
    @SuppressWarnings("unchecked")
    private static void dependencyRows(Table table, String label, Map<String, Object> holder, Object reasons) {
        String key = label.startsWith("buildrequires") ? "buildRequires" : label.split(" ")[0];
        Object values = holder.get(key);
        if (values instanceof List<?> list) {
            list.forEach(value -> table.row(label, "", value));
        }
        if (reasons instanceof List<?> list) {
            list.forEach(reason -> table.row(label, "", "undeterminable: " + reason));
        }
    }
}
