package dev.keel.spec.macro;

import dev.keel.spec.SectionKind;
import dev.keel.spec.Spec;
import dev.keel.spec.dependency.DependencyException;
import dev.keel.spec.dependency.DependencyParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spec the way rpm's {@code readLine} and section parsers do: each read unit is expanded
 * (unless it lies in a branch not taken), then read line by line; conditionals choose branches;
 * tags are read from the expanded lines of the preambles, file entries from {@code %files}. Reading
 * the main preamble only ({@link #tags}) is enough for the name, epoch, version and release;
 * {@link #spec} reads on to the end for the build requirements and the binary packages.
 *
 * <p>A condition Keel cannot evaluate skips all its branches; every macro a skipped branch may
 * define or undefine ({@code %global}, {@code %define}, {@code %undefine}, {@code %bcond*}) becomes
 * unknown, and so does every name, epoch, version or release tag in it, every dependency tag and
 * file entry it holds, and the package a section header there would start.
 */
final class SpecEvaluation {

    private static final Pattern DEFINITION =
            Pattern.compile("%+\\{?(?:global|define|undefine)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern BCOND = Pattern.compile("%+\\{?bcond(?:_with|_without)?\\s+([A-Za-z0-9_]+)");
    private static final Pattern MACRO_CALL = Pattern.compile("%\\{?[?!]*([A-Za-z_][A-Za-z0-9_]*)");

    /** One level of rpm's read stack: a conditional block, or the file itself at the bottom. */
    private static final class Level {
        final Level parent;
        boolean reading;
        /** Whether a later branch may still be taken (no branch was taken yet). */
        boolean readable;

        LineType last;
        /** Why the branch being read cannot be determined, or {@code null}. */
        String unknownCondition;

        Level(Level parent, boolean reading, boolean readable, LineType last) {
            this.parent = parent;
            this.reading = reading;
            this.readable = readable;
            this.last = last;
        }
    }

    private final Spec spec;
    private final MacroContext context;
    private final boolean wholeSpec;
    private final MacroEngine engine;
    private static final String LICENSE = "license";

    private final Map<String, ExpandedValue> tags = new HashMap<>();
    private Level level;
    private boolean recursing;
    private String restartArch;
    /** The architecture of the second reading, after {@code BuildArch}. */
    private String rereadArch;

    private String fatal;
    /** Why name, epoch, version and release read from here on cannot be determined. */
    private String uncertainty;
    /** Why all four cannot be determined (a preamble line Keel cannot read may set any of them). */
    private String nevrUnknown;

    private SectionKind section;
    /** The package of the current section, or {@code null} when it is not known. */
    private PackageState current;
    /** Why the current section is not known (its header is in a branch Keel cannot decide). */
    private String sectionUnknown;
    /** Why some package may be missing from {@link #packages}, or {@code null}. */
    private String packagesUncertain;

    private PackageState main;
    /** The main package's name as expanded (with any macro Keel could not expand left in it). */
    private String mainText = "";

    private String mainNameText = "";
    private final Map<String, PackageState> packages = new LinkedHashMap<>();
    private DependencyCollector buildRequires;
    private boolean dynamicBuildRequires;
    private final List<String> exclusiveArch = new ArrayList<>();
    private final List<String> excludeArch = new ArrayList<>();
    private final Set<String> undeterminable = new LinkedHashSet<>();

    private SpecEvaluation(Spec spec, MacroContext context, boolean wholeSpec) {
        this.spec = spec;
        this.context = context;
        this.wholeSpec = wholeSpec;
        this.engine = new MacroEngine(new Unknowns(), context.macroFiles());
    }

    /** The main package's name, epoch, version and release (reads the main preamble only). */
    static ExpandedTags tags(Spec spec, MacroContext context) {
        SpecEvaluation evaluation = new SpecEvaluation(spec, context, false);
        evaluation.run();
        return evaluation.tagsResult();
    }

    /** The whole spec: tags, build requirements, packages. */
    static ExpandedSpec spec(Spec spec, MacroContext context) {
        SpecEvaluation evaluation = new SpecEvaluation(spec, context, true);
        evaluation.run();
        return evaluation.specResult();
    }

    private void run() {
        context.predefined().forEach(engine::predefine);
        read();
        if (restartArch != null && fatal == null) {
            // rpm reads the spec again for the build architecture, keeping the macros defined so far.
            engine.predefine(new PredefinedMacro("_target_cpu", null, restartArch));
            rereadArch = restartArch;
            recursing = true;
            read();
        }
        if (fatal == null && section == SectionKind.PREAMBLE) {
            endMainPreamble(spec.lines().size());
        }
    }

    private void read() {
        level = new Level(null, true, false, LineType.ENDIF);
        tags.clear();
        restartArch = null;
        section = SectionKind.PREAMBLE;
        main = new PackageState(0, null);
        current = main;
        packages.clear();
        buildRequires = new DependencyCollector();
        exclusiveArch.clear();
        excludeArch.clear();
        ReadBuffers buffers = new ReadBuffers(spec);
        for (ReadBuffers.Buffer buffer = buffers.next(); buffer != null; buffer = buffers.next()) {
            if (!read(buffer)) {
                return;
            }
        }
    }

    private ExpandedTags tagsResult() {
        if (fatal != null) {
            return ExpandedTags.undeterminable(fatal);
        }
        if (nevrUnknown != null) {
            return ExpandedTags.undeterminable(nevrUnknown);
        }
        for (String required : List.of("name", "version", "release")) {
            if (!tags.containsKey(required)) {
                return ExpandedTags.undeterminable(
                        "rpm rejects the spec: the main package has no " + capitalized(required) + " tag");
            }
        }
        return new ExpandedTags(
                tags.get("name"),
                tags.get("epoch"),
                tags.get("version"),
                tags.get("release"),
                tags.getOrDefault(LICENSE, ExpandedValue.undeterminable("the main package has no License tag")));
    }

    private ExpandedSpec specResult() {
        if (fatal != null) {
            return ExpandedSpec.undeterminable(fatal);
        }
        String isa = engine.expand("%{?_isa}");
        if (engine.failure() != null || Unknowns.containsMarker(isa)) {
            isa = "";
        }
        List<ExpandedPackage> results = new ArrayList<>();
        results.add(main.result(isa));
        for (PackageState pkg : packages.values()) {
            results.add(pkg.result(isa));
        }
        return new ExpandedSpec(
                tagsResult(),
                buildRequires.result(),
                results,
                dynamicBuildRequires,
                exclusiveArch,
                excludeArch,
                List.copyOf(undeterminable),
                isa);
    }

    // ---------------------------------------------------------------- reading

    /** Reads one unit; {@code false} stops reading (end of the preamble, a restart, or a failure). */
    private boolean read(ReadBuffers.Buffer buffer) {
        if (buffer.unclosed()) {
            return rejected(buffer.line(), "unclosed macro or bad line continuation");
        }
        LineType first = LineType.of(buffer.text().stripLeading());
        boolean expand = first != null && first.isElif() ? level.readable : level.reading;
        String text = buffer.text();
        if (expand) {
            engine.atLine(buffer.line());
            text = engine.expand(text);
            MacroEngine.Failure failure = engine.failure();
            if (failure != null) {
                return fail((failure.rpmRejects() ? "rpm rejects the spec: " : "Keel stopped: ") + failure.message());
            }
        }
        int start = 0;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            if (!line(text.substring(start, end), buffer.line())) {
                return false;
            }
            start = end;
        }
        return true;
    }

    /**
     * The end of the line starting at {@code start} in expanded text; a conditional or
     * {@code %include} line goes on after a backslash-newline, which rpm reads as blanks.
     */
    private static int lineEnd(String text, int start) {
        int first = firstNonSpace(text, start);
        boolean continues = LineType.of(text.substring(first, Math.min(text.length(), first + 16))) != null;
        if (!continues) {
            int newline = text.indexOf('\n', start);
            return newline < 0 ? text.length() : newline + 1;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
            if (text.startsWith("\\\n", i)) {
                i++;
            }
        }
        return text.length();
    }

    private boolean line(String line, int number) {
        String directive = skipSpaceInLine(line);
        LineType type = LineType.of(directive);
        if (type != null) {
            return conditional(type, directive.replace("\\\n", "  ").strip(), number);
        }
        String content = line.stripTrailing();
        if (!level.reading) {
            String unknown = unknownCondition();
            if (unknown != null) {
                markUnknown(content, unknown);
            }
            return true;
        }
        if (isSectionHeader(content)) {
            return wholeSpec && section(content, number);
        }
        if (sectionUnknown != null) {
            return true;
        }
        return switch (section.category()) {
            case PREAMBLE, PACKAGE -> preambleLine(content, number);
            case FILES -> {
                if (current != null) {
                    current.files.line(content, number);
                }
                yield true;
            }
            default -> true;
        };
    }

    private boolean preambleLine(String content, int number) {
        String trimmed = content.stripLeading();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        if (trimmed.startsWith("%")) {
            Matcher call = MACRO_CALL.matcher(trimmed);
            String name = call.lookingAt() ? call.group(1) : trimmed;
            unreadableLine("line " + number + ": " + undefinedMacro(name) + ": the tags it may set are unknown");
            return true;
        }
        if (Unknowns.containsMarker(trimmed.substring(0, 1))) {
            String reasons = String.join("; ", engine.unknowns().reasonsIn(trimmed));
            if (current == main && uncertainty == null) {
                uncertainty = "line " + number + ": the preamble holds text Keel cannot compute, which may set tags: "
                        + reasons;
            }
            current.provides.unknown("line " + number + ": text Keel cannot compute may set tags: " + reasons);
            current.requires.unknown("line " + number + ": text Keel cannot compute may set tags: " + reasons);
            buildRequires.unknown("line " + number + ": text Keel cannot compute may set tags: " + reasons);
            return true;
        }
        PreambleTag tag = content.equals(trimmed) ? PreambleTag.parse(content) : null;
        return tag == null || tag(tag, number);
    }

    /** A preamble line that is a macro Keel cannot expand: any tag of the package may hide there. */
    private void unreadableLine(String reason) {
        if (current == main && nevrUnknown == null) {
            nevrUnknown = reason;
        }
        current.provides.unknown(reason);
        current.requires.unknown(reason);
        buildRequires.unknown(reason);
    }

    // ---------------------------------------------------------------- sections

    /** A section header in a branch that is read: rpm's section parsers start a new part there. */
    private boolean section(String content, int number) {
        SectionLine header = SectionLine.parse(content);
        if (header == null) {
            return true;
        }
        if (section == SectionKind.PREAMBLE && !endMainPreamble(number)) {
            return false;
        }
        section = header.kind();
        sectionUnknown = null;
        current = null;
        if (header.kind() == SectionKind.GENERATE_BUILDREQUIRES) {
            dynamicBuildRequires = true;
        }
        if (!header.kind().takesPackage()) {
            return true;
        }
        PackageName name = packageName(header);
        if (header.kind() == SectionKind.PACKAGE) {
            return newPackage(header, name, number);
        }
        PackageState pkg = header.name() == null ? main : packages.get(name.key());
        if (pkg == null && (name.key().equals(mainKey()) || name.key().equals(mainText))) {
            pkg = main;
        }
        if (pkg == null) {
            String why = !name.value().isDeterminable() ? name.value().reason() : packagesUncertain;
            if (why == null) {
                return rejected(number, "package " + name.key() + " does not exist: " + content.strip());
            }
            sectionUnknown = "line " + number + ": the package of " + content.strip() + " is unknown: " + why;
            undeterminable.add(sectionUnknown);
            return true;
        }
        current = pkg;
        if (header.kind() == SectionKind.FILES) {
            pkg.hasFiles = true;
            header.fileLists().forEach(pkg.files::fileList);
        }
        ScriptletRequirement.of(header).ifPresent(pkg.requires::add);
        return true;
    }

    private boolean newPackage(SectionLine header, PackageName name, int number) {
        if (header.name() == null) {
            return rejected(number, "%package needs a name");
        }
        if (packages.containsKey(name.key()) || name.key().equals(mainKey())) {
            if (name.value().isDeterminable()) {
                return rejected(number, "package already exists: " + name.key());
            }
            packagesUncertain = "line " + number + ": a package name is unknown: "
                    + name.value().reason();
            sectionUnknown = packagesUncertain;
            undeterminable.add(packagesUncertain);
            return true;
        }
        current = PackageState.subpackage(number, name.value(), main);
        packages.put(name.key(), current);
        return true;
    }

    /**
     * A package's full name, and the key it is known by while reading: the name, or for a name Keel
     * cannot determine its expanded text, so that two headers that expand alike name the same package.
     */
    private record PackageName(ExpandedValue value, String key) {}

    private String mainKey() {
        return main.name == null ? "" : main.name.isDeterminable() ? main.name.value() : "\0" + mainText;
    }

    /** The full name a header names: {@code -n NAME}, or the main package's name and the suffix. */
    private PackageName packageName(SectionLine header) {
        if (header.name() == null) {
            return new PackageName(main.name, mainKey());
        }
        String text = header.fullName() ? header.name() : mainText + "-" + header.name();
        ExpandedValue base = header.fullName() ? ExpandedValue.of("") : main.name;
        String reason = null;
        if (Unknowns.containsMarker(header.name())) {
            reason = String.join("; ", engine.unknowns().reasonsIn(header.name()));
        } else if (MACRO_CALL.matcher(header.name()).find()) {
            reason = unexpandedReason(header.name());
        } else if (!base.isDeterminable()) {
            reason = base.reason();
        }
        return reason != null
                ? new PackageName(ExpandedValue.undeterminable(reason), "\0" + text)
                : new PackageName(ExpandedValue.of(text), text);
    }

    /** The end of the main preamble: rpm checks the required tags and the main package takes its values. */
    private boolean endMainPreamble(int number) {
        ExpandedTags result = tagsResult();
        if (nevrUnknown == null
                && !result.name().isDeterminable()
                && result.name().reason().startsWith("rpm rejects")) {
            return fail(result.name().reason());
        }
        main.name = result.name();
        mainText = tags.containsKey("name") && tags.get("name").isDeterminable()
                ? tags.get("name").value()
                : mainNameText;
        main.epoch = result.epoch();
        main.version = result.version();
        main.release = result.release();
        return true;
    }

    // ---------------------------------------------------------------- conditionals

    private boolean conditional(LineType type, String directive, int number) {
        if (type.wrongPrecursors().contains(level.last)) {
            return rejected(
                    number,
                    type.directive()
                            + (level.last == LineType.ENDIF ? " with no %if" : " after " + level.last.directive()));
        }
        switch (type) {
            case ELSE -> {
                level.last = LineType.ELSE;
                level.reading = level.parent.reading && level.readable;
                return true;
            }
            case ENDIF -> {
                level = level.parent;
                return true;
            }
            case INCLUDE -> {
                return !level.reading || include(directive, number);
            }
            default -> {}
        }
        Boolean match;
        String undecided = null;
        try {
            match = matches(type, directive, number);
        } catch (Expression.TooDeep e) {
            return fail("Keel stopped: line " + number + ": " + e.getMessage());
        } catch (Expression.Invalid e) {
            Matcher call =
                    MACRO_CALL.matcher(directive.substring(type.directive().length()));
            if (!call.find() || (context.fedora() == null && engine.uncertainty() == null)) {
                return rejected(number, "bad " + type.directive() + " condition: " + e.getMessage());
            }
            // A partial macro set (the Fedora layer, or after code Keel does not run) may lack the macro.
            match = null;
            undecided =
                    undefinedMacro(call.group(1)) + (engine.uncertainty() == null ? "" : "; " + engine.uncertainty());
        }
        String unknown = match == null
                ? "line " + number + ": cannot decide " + directive + ": "
                        + (undecided != null
                                ? undecided
                                : String.join("; ", engine.unknowns().reasonsIn(directive)))
                : null;
        if (type.opensBlock()) {
            boolean reading = level.reading && Boolean.TRUE.equals(match);
            level = new Level(level, reading, !reading && level.reading && unknown == null, type);
            level.unknownCondition = level.parent.reading ? unknown : null;
        } else if (level.readable && unknown != null) {
            level.reading = false;
            level.readable = false;
            level.unknownCondition = unknown;
        } else {
            level.reading = level.readable && Boolean.TRUE.equals(match);
            level.readable &= !level.reading;
        }
        return true;
    }

    /**
     * {@code %include}: Keel does not read the file. In the main preamble its tags may be anywhere in
     * it, so the spec is undeterminable; after it, what the file adds to the current section is
     * unknown (Keel assumes it starts no section of its own).
     */
    private boolean include(String directive, int number) {
        String reason = "line " + number + ": Keel does not read included files: " + directive;
        if (!wholeSpec || section == SectionKind.PREAMBLE) {
            return fail(reason);
        }
        undeterminable.add(reason);
        if (current != null && section.category() == SectionKind.Category.FILES) {
            current.files.unknown(reason);
        } else if (current != null && section.holdsTags()) {
            unreadableLine(reason);
        }
        return true;
    }

    /** Whether a conditional matches; {@code null} when it cannot be decided. */
    private Boolean matches(LineType type, String directive, int number) throws Expression.Invalid {
        String argument = directive.substring(type.directive().length()).strip();
        return switch (type) {
            case IFARCH, ELIFARCH -> anyTokenIs(argument, "%{_target_cpu}", number);
            case IFNARCH -> not(anyTokenIs(argument, "%{_target_cpu}", number));
            case IFOS, ELIFOS -> anyTokenIs(argument, "%{_target_os}", number);
            case IFNOS -> not(anyTokenIs(argument, "%{_target_os}", number));
            default -> {
                boolean evaluated = type == LineType.IF ? level.reading : level.readable;
                yield evaluated ? Expression.truth(engine.condition(argument)) : Boolean.FALSE;
            }
        };
    }

    private Boolean anyTokenIs(String argument, String macro, int number) throws Expression.Invalid {
        if (argument.isEmpty()) {
            throw new Expression.Invalid("argument expected");
        }
        String expected = engine.expand(macro);
        for (String token : argument.split("\\s+")) {
            if (token.equalsIgnoreCase(expected)) {
                return true;
            }
        }
        return Unknowns.containsMarker(argument) ? null : Boolean.FALSE;
    }

    private static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }

    private String unknownCondition() {
        for (Level l = level; l != null; l = l.parent) {
            if (l.unknownCondition != null) {
                return l.unknownCondition;
            }
        }
        return null;
    }

    /** A line in a branch that may or may not be taken: what it could define or declare becomes unknown. */
    private void markUnknown(String line, String reason) {
        Matcher definition = DEFINITION.matcher(line);
        while (definition.find()) {
            engine.defineUnknown(definition.group(1), reason);
        }
        Matcher bcond = BCOND.matcher(line);
        while (bcond.find()) {
            engine.defineUnknown("with_" + bcond.group(1), reason);
        }
        if (isSectionHeader(line)) {
            if (!wholeSpec) {
                uncertainty = reason + " (a section may start there)";
                return;
            }
            sectionUnknown = reason + " (a section may start there)";
            undeterminable.add(sectionUnknown);
            SectionLine header = SectionLine.parse(line.strip());
            if (header != null && header.kind() == SectionKind.PACKAGE) {
                packagesUncertain = sectionUnknown;
            }
            return;
        }
        if (sectionUnknown != null || current == null) {
            return;
        }
        if (section.category() == SectionKind.Category.FILES) {
            if (!line.isBlank()) {
                current.files.unknown(reason);
            }
            return;
        }
        if (!section.holdsTags()) {
            return;
        }
        PreambleTag tag = PreambleTag.parse(line);
        if (tag == null) {
            return;
        }
        if (PreambleTag.NEVR.contains(tag.token()) && current == main) {
            tags.put(tag.token(), ExpandedValue.undeterminable(reason));
        } else if (tag.token().equals(LICENSE) && current == main) {
            tags.putIfAbsent(LICENSE, ExpandedValue.undeterminable(reason));
        } else if (PreambleTag.BUILD_DEPENDENCIES.contains(tag.token())) {
            buildRequires.unknown(reason);
        } else if (tag.token().equals("provides")) {
            current.provides.unknown(reason);
        } else if (PreambleTag.PACKAGE_DEPENDENCIES.contains(tag.token())) {
            current.requires.unknown(reason);
        }
    }

    // ---------------------------------------------------------------- tags

    private boolean tag(PreambleTag tag, int number) {
        if (tag.isBuildArch()) {
            return buildArch(tag, number);
        }
        if (tag.definesMacro()) {
            engine.defineTagMacro(tag.token(), tag.value());
            if (current == main) {
                engine.defineTagMacro(tag.token().toUpperCase(Locale.ROOT), tag.value());
            }
        }
        if (PreambleTag.BUILD_DEPENDENCIES.contains(tag.token())) {
            return dependencies(tag, number, buildRequires, true);
        }
        if (tag.token().equals("provides")) {
            return dependencies(tag, number, current.provides, false);
        }
        if (PreambleTag.PACKAGE_DEPENDENCIES.contains(tag.token())) {
            return dependencies(tag, number, current.requires, true);
        }
        if (tag.token().equals("exclusivearch") || tag.token().equals("excludearch")) {
            architectures(tag, number, tag.token().equals("exclusivearch") ? exclusiveArch : excludeArch);
            return true;
        }
        if (tag.token().equals(LICENSE) && current == main) {
            // rpm keeps the main package's first License; Keel reads it for SBOMs, never to reject a spec.
            tags.putIfAbsent(LICENSE, value(tag, number));
            return true;
        }
        if (!PreambleTag.NEVR.contains(tag.token())) {
            return true;
        }
        return current == main ? mainTag(tag, number) : subpackageTag(tag, number);
    }

    private boolean mainTag(PreambleTag tag, int number) {
        ExpandedValue previous = tags.get(tag.token());
        if (previous != null && !previous.isDeterminable()) {
            return true;
        }
        if (previous != null) {
            return rejected(number, "duplicate " + tag.displayName() + " entries in the main package");
        }
        // rpm's checks would only complain about what is left of unknown text or missing macros.
        boolean incomplete = Unknowns.containsMarker(tag.value())
                || MACRO_CALL.matcher(tag.value()).find();
        String problem = incomplete ? null : tag.problem();
        if (problem != null) {
            return rejected(number, problem);
        }
        tags.put(tag.token(), value(tag, number));
        if (tag.token().equals("name")) {
            mainNameText = tag.value();
        }
        return true;
    }

    /** {@code Version}, {@code Release} or {@code Epoch} of a sub-package: its own, instead of the main package's. */
    private boolean subpackageTag(PreambleTag tag, int number) {
        boolean incomplete = Unknowns.containsMarker(tag.value())
                || MACRO_CALL.matcher(tag.value()).find();
        String problem = incomplete ? null : tag.problem();
        if (problem != null) {
            return rejected(number, problem);
        }
        ExpandedValue value = value(tag, number);
        switch (tag.token()) {
            case "epoch" -> current.epoch = value;
            case "version" -> current.version = value;
            case "release" -> current.release = value;
            default -> {}
        }
        return true;
    }

    private ExpandedValue value(PreambleTag tag, int number) {
        if (Unknowns.containsMarker(tag.value())) {
            return unknown(tag.value());
        }
        Matcher call = MACRO_CALL.matcher(tag.value());
        if (call.find()) {
            return ExpandedValue.undeterminable("line " + number + ": " + undefinedMacro(call.group(1)));
        }
        String uncertain = uncertainty != null ? uncertainty : engine.uncertainty();
        if (uncertain != null) {
            return ExpandedValue.undeterminable(uncertain);
        }
        return ExpandedValue.of(tag.token().equals("epoch") ? tag.epochValue() : tag.value());
    }

    /** Why text with unknown parts or a macro left unexpanded cannot be determined. */
    private String unexpandedReason(String text) {
        if (Unknowns.containsMarker(text)) {
            return String.join("; ", engine.unknowns().reasonsIn(text));
        }
        Matcher call = MACRO_CALL.matcher(text);
        return call.find() ? undefinedMacro(call.group(1)) : "text Keel cannot read";
    }

    private ExpandedValue unknown(String text) {
        return ExpandedValue.undeterminable(String.join("; ", engine.unknowns().reasonsIn(text)));
    }

    /** A dependency tag's value into its list, or why it cannot be determined; rpm's errors reject the spec. */
    private boolean dependencies(PreambleTag tag, int number, DependencyCollector into, boolean richAllowed) {
        String value = tag.value();
        if (Unknowns.containsMarker(value)) {
            into.unknown("line " + number + ": from "
                    + String.join("; ", engine.unknowns().reasonsIn(value)));
            into.unversioned(UnversionedNames.of(value));
            return true;
        }
        Matcher call = MACRO_CALL.matcher(value);
        if (call.find()) {
            into.unknown("line " + number + ": " + undefinedMacro(call.group(1)));
            into.unversioned(UnversionedNames.of(value));
            return true;
        }
        if (engine.uncertainty() != null) {
            into.unknown(engine.uncertainty());
            return true;
        }
        int flags = tag.dependencyFlags();
        if (flags < 0) {
            return rejected(number, "bad " + tag.displayName() + "(" + tag.qualifier() + ") qualifier");
        }
        try {
            into.addAll(DependencyParser.parse(value, flags, richAllowed));
            return true;
        } catch (DependencyException e) {
            return rejected(number, e.getMessage());
        }
    }

    private void architectures(PreambleTag tag, int number, List<String> into) {
        if (Unknowns.containsMarker(tag.value()) || tag.value().indexOf('%') >= 0) {
            undeterminable.add("line " + number + ": the architectures of " + tag.displayName()
                    + " are unknown, so it is not applied: " + unexpandedReason(tag.value()));
            return;
        }
        for (String arch : tag.value().split("[\\s,]+")) {
            if (!arch.isEmpty()) {
                into.add(arch);
            }
        }
    }

    /**
     * {@code BuildArch}: in the main preamble rpm starts over with {@code %{_target_cpu}} set to the
     * first architecture it can build (the target itself or {@code noarch}); a sub-package may only
     * be {@code noarch}.
     */
    private boolean buildArch(PreambleTag tag, int number) {
        if (current != main) {
            current.noarch = tag.value().equals("noarch");
            return true;
        }
        if (recursing) {
            main.noarch = rereadArch.equals("noarch");
            return true;
        }
        if (Unknowns.containsMarker(tag.value())) {
            uncertainty = "line " + number + ": the build architecture is unknown: "
                    + String.join("; ", engine.unknowns().reasonsIn(tag.value()));
            return true;
        }
        for (String arch : tag.value().split("\\s+")) {
            if (arch.equals(context.arch()) || arch.equals("noarch")) {
                restartArch = arch;
                return false;
            }
        }
        return rejected(number, "no compatible architectures found for build: " + tag.value());
    }

    private static String undefinedMacro(String name) {
        if (name.equals("autorelease")) {
            return "%autorelease (rpmautospec) is not defined in the context: it numbers releases from the"
                    + " git history; define autorelease to give it a value";
        }
        return "%" + name + " is not defined in the context (a macro from a package the context lacks?)";
    }

    // ---------------------------------------------------------------- helpers

    private boolean rejected(int number, String message) {
        return fail("rpm rejects the spec: line " + number + ": " + message);
    }

    private boolean fail(String reason) {
        fatal = reason;
        return false;
    }

    private static boolean isSectionHeader(String line) {
        if (!line.startsWith("%")) {
            return false;
        }
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return SectionKind.forKeyword(line.substring(0, end)) != null;
    }

    /** The line from its first character that is not white space, stopping at its newline (rpm's rule). */
    private static String skipSpaceInLine(String line) {
        return line.substring(firstNonSpace(line, 0));
    }

    private static int firstNonSpace(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String capitalized(String token) {
        return Character.toUpperCase(token.charAt(0)) + token.substring(1);
    }
}
