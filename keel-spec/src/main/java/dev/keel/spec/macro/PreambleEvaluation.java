package dev.keel.spec.macro;

import dev.keel.spec.SectionKind;
import dev.keel.spec.Spec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spec up to the end of its main preamble the way rpm's {@code readLine} and
 * {@code parsePreamble} do: each read unit is expanded (unless it lies in a branch not taken), then
 * read line by line; conditionals choose branches; tags are read from the expanded lines. Nothing
 * after the first section header can change the main package's name, epoch, version or release.
 *
 * <p>A condition Keel cannot evaluate skips all its branches; every macro a skipped branch may
 * define or undefine ({@code %global}, {@code %define}, {@code %undefine}, {@code %bcond*}) becomes
 * unknown, and so does every name, epoch, version or release tag in it.
 */
final class PreambleEvaluation {

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
    private final MacroEngine engine = new MacroEngine(new Unknowns());
    private final Map<String, ExpandedValue> tags = new HashMap<>();
    private Level level;
    private boolean recursing;
    private String restartArch;
    private String fatal;
    private String uncertainty;

    private PreambleEvaluation(Spec spec, MacroContext context) {
        this.spec = spec;
        this.context = context;
    }

    static ExpandedTags evaluate(Spec spec, MacroContext context) {
        return new PreambleEvaluation(spec, context).run();
    }

    private ExpandedTags run() {
        context.predefined().forEach(engine::predefine);
        readPreamble();
        if (restartArch != null && fatal == null) {
            // rpm reads the spec again for the build architecture, keeping the macros defined so far.
            engine.predefine(new PredefinedMacro("_target_cpu", null, restartArch));
            recursing = true;
            readPreamble();
        }
        return result();
    }

    private void readPreamble() {
        level = new Level(null, true, false, LineType.ENDIF);
        tags.clear();
        restartArch = null;
        ReadBuffers buffers = new ReadBuffers(spec);
        for (ReadBuffers.Buffer buffer = buffers.next(); buffer != null; buffer = buffers.next()) {
            if (!read(buffer)) {
                return;
            }
        }
    }

    private ExpandedTags result() {
        if (fatal != null) {
            return ExpandedTags.undeterminable(fatal);
        }
        for (String required : List.of("name", "version", "release")) {
            if (!tags.containsKey(required)) {
                return ExpandedTags.undeterminable(
                        "rpm rejects the spec: the main package has no " + capitalized(required) + " tag");
            }
        }
        return new ExpandedTags(tags.get("name"), tags.get("epoch"), tags.get("version"), tags.get("release"));
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
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
            if (continues && text.startsWith("\\\n", i)) {
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
            return false;
        }
        String trimmed = content.stripLeading();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        if (trimmed.startsWith("%")) {
            Matcher call = MACRO_CALL.matcher(trimmed);
            String name = call.lookingAt() ? call.group(1) : trimmed;
            return fail("line " + number + ": " + undefinedMacro(name));
        }
        if (Unknowns.containsMarker(trimmed.substring(0, 1))) {
            uncertainty = "line " + number + ": the preamble holds text Keel cannot compute, which may set tags: "
                    + String.join("; ", engine.unknowns().reasonsIn(trimmed));
            return true;
        }
        PreambleTag tag = content.equals(trimmed) ? PreambleTag.parse(content) : null;
        return tag == null || tag(tag, number);
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
                return !level.reading || fail("line " + number + ": Keel does not read included files: " + directive);
            }
            default -> {}
        }
        Boolean match;
        try {
            match = matches(type, directive, number);
        } catch (Expression.TooDeep e) {
            return fail("Keel stopped: line " + number + ": " + e.getMessage());
        } catch (Expression.Invalid e) {
            return rejected(number, "bad " + type.directive() + " condition: " + e.getMessage());
        }
        String unknown = match == null
                ? "line " + number + ": cannot decide " + directive + ": "
                        + String.join("; ", engine.unknowns().reasonsIn(directive))
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

    /** A line in a branch that may or may not be taken: what it could define becomes unknown. */
    private void markUnknown(String line, String reason) {
        Matcher definition = DEFINITION.matcher(line);
        while (definition.find()) {
            engine.defineUnknown(definition.group(1), reason);
        }
        Matcher bcond = BCOND.matcher(line);
        while (bcond.find()) {
            engine.defineUnknown("with_" + bcond.group(1), reason);
        }
        PreambleTag tag = PreambleTag.parse(line);
        if (tag != null && PreambleTag.NEVR.contains(tag.token())) {
            tags.put(tag.token(), ExpandedValue.undeterminable(reason));
        } else if (isSectionHeader(line)) {
            uncertainty = reason + " (a section may start there)";
        }
    }

    // ---------------------------------------------------------------- tags

    private boolean tag(PreambleTag tag, int number) {
        if (tag.isBuildArch()) {
            return buildArch(tag, number);
        }
        if (tag.definesMacro()) {
            engine.defineTagMacro(tag.token(), tag.value());
            engine.defineTagMacro(tag.token().toUpperCase(Locale.ROOT), tag.value());
        }
        if (!PreambleTag.NEVR.contains(tag.token())) {
            return true;
        }
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

    private ExpandedValue unknown(String text) {
        return ExpandedValue.undeterminable(String.join("; ", engine.unknowns().reasonsIn(text)));
    }

    /**
     * {@code BuildArch} in the main preamble: rpm starts over with {@code %{_target_cpu}} set to the
     * first architecture it can build (the target itself or {@code noarch}).
     */
    private boolean buildArch(PreambleTag tag, int number) {
        if (recursing) {
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
