package dev.keel.spec.macro;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * rpm's macro expander, following {@code rpmio/macro.c} of rpm 4.18: {@code %name}, {@code %{name}},
 * {@code %{?name}}, {@code %{!?name:text}}, {@code %%}, parametric macros with getopt options
 * ({@code %1}, {@code %*}, {@code %**}, {@code %#}, {@code %{-f}}, {@code %{-f*}}), scoped
 * {@code %define} and global {@code %global}, {@code %[expression]} and the built-in functions.
 *
 * <p>What cannot be computed becomes unknown text ({@link Unknowns}): {@code %(shell)}, Lua, the
 * environment, the file system. An error rpm would report stops the expansion and is kept as the
 * {@link #failure()}; so is hitting a bound: 64 nested expansions (rpm's own limit), {@value
 * #MAX_OUTPUT} characters of expanded text, {@value #MAX_CALLS} macro calls in all and
 * expressions nested {@value Expression#MAX_NESTING} levels deep (counted over the expressions
 * that operands of {@code %[...]} start).
 */
final class MacroEngine {

    static final int MAX_DEPTH = 64;
    static final long MAX_OUTPUT = 16L << 20;
    static final long MAX_CALLS = 1_000_000;

    /** Why expansion stopped; {@code rpmRejects} when rpm itself fails there, else a Keel bound. */
    record Failure(String message, boolean rpmRejects) {}

    private final MacroTable table = new MacroTable();
    private final Unknowns unknowns;
    private final Map<String, String> macroFiles;
    private final Expression.Nesting expressionNesting = new Expression.Nesting();
    private int depth;
    private int level;
    private long calls;
    private long produced;
    private int line;
    private Failure failure;
    private String uncertainty;

    MacroEngine(Unknowns unknowns) {
        this(unknowns, Map.of());
    }

    /** An engine where {@code %{load:PATH}} reads the given files' contents (by expanded path). */
    MacroEngine(Unknowns unknowns, Map<String, String> macroFiles) {
        this.unknowns = unknowns;
        this.macroFiles = macroFiles;
        for (Builtin builtin : Builtin.values()) {
            table.push(Macro.builtin(builtin));
        }
    }

    /** Defines a macro before the spec is read (a built-in default or a caller's definition). */
    void predefine(PredefinedMacro macro) {
        table.push(Macro.user(macro.name(), macro.options(), macro.body(), -1));
    }

    /** Pushes a macro as rpm does for a preamble tag ({@code %{version}} from {@code Version:}). */
    void defineTagMacro(String name, String value) {
        table.push(Macro.user(name, null, value, 0));
    }

    /** Makes a name's definition unknown (it is set in a branch Keel cannot decide). */
    void defineUnknown(String name, String reason) {
        table.push(Macro.unknown(name, reason, 0));
    }

    /** The spec line being expanded, for the reasons of unknown text. */
    void atLine(int line) {
        this.line = line;
    }

    Unknowns unknowns() {
        return unknowns;
    }

    /** The error or bound that stopped expansion, or {@code null}. */
    Failure failure() {
        return failure;
    }

    /**
     * Why everything from here on is uncertain (macros may have been defined by code Keel does not
     * run), or {@code null}.
     */
    String uncertainty() {
        return uncertainty;
    }

    /** Expands text; after a failure the result is partial. */
    String expand(String text) {
        StringBuilder out = new StringBuilder();
        expandInto(text, out);
        return out.toString();
    }

    /** Evaluates an already expanded {@code %if} condition. */
    Expression.Value condition(String text) throws Expression.Invalid {
        return Expression.evaluate(text, null, unknowns, expressionNesting);
    }

    // ---------------------------------------------------------------- the expansion loop

    private void expandInto(String source, StringBuilder out) {
        if (++depth > MAX_DEPTH) {
            rpmError("too many levels of recursion in macro expansion (more than " + MAX_DEPTH
                    + "); it is likely caused by a recursive macro");
            depth--;
            return;
        }
        int s = 0;
        while (failure == null && s < source.length()) {
            int percent = source.indexOf('%', s);
            if (percent < 0) {
                append(out, source.substring(s));
                break;
            }
            append(out, source.substring(s, percent));
            s = percent + 1;
            if (s >= source.length()) {
                append(out, "%");
            } else if (source.charAt(s) == '%') {
                append(out, "%");
                s++;
            } else {
                s = expandCall(source, s, out);
            }
        }
        depth--;
    }

    /** Expands the call whose text starts at {@code s} (after its '%'); returns where to continue. */
    private int expandCall(String source, int s, StringBuilder out) {
        int end = MacroSyntax.macroEnd(source, s);
        if (end < 0) {
            rpmError("unterminated " + source.charAt(s) + ": " + abbreviate(source.substring(s)));
            return source.length();
        }
        char first = source.charAt(s);
        if (first == '(') {
            // rpm expands the command before running it; Keel only names it.
            String raw = source.substring(s + 1, end - 1);
            String command = expand(raw);
            String shown = Unknowns.containsMarker(command) ? raw : command;
            append(out, unknowns.marker(at("the shell command %(" + abbreviate(shown) + ") is not run")));
            return end;
        }
        if (first == '[') {
            append(out, expression(source.substring(s + 1, end - 1)));
            return end;
        }
        Call call = Call.parse(source, s, end);
        if (call.nameEnd <= call.nameStart) {
            append(out, "%");
            return call.resume;
        }
        String name = source.substring(call.nameStart, call.nameEnd);
        Macro macro = table.lookup(name);
        if (macro != null && macro.kind() == Macro.Kind.AUTOMATIC && level > macro.level()) {
            macro = null;
        }
        if (macro != null && macro.kind() == Macro.Kind.UNKNOWN) {
            append(out, unknowns.marker(macro.body()));
            return end;
        }
        if (name.startsWith("-") || call.checkExists) {
            if ((macro == null) != call.negate) {
                return end;
            }
            if (call.argsStart >= 0 && call.argsStart < call.argsEnd) {
                expandInto(source.substring(call.argsStart, call.argsEnd), out);
            } else if (macro != null) {
                invoke(macro, null, null, out);
            }
            return end;
        }
        if (macro == null) {
            append(out, "%");
            return call.resume;
        }
        if (macro.options() == null && macro.kind() != Macro.Kind.BUILTIN) {
            invoke(macro, null, null, out);
            return end;
        }
        int lineArgsEnd = macro.options() == null && call.nameEnd == end ? -1 : call.lineArgsEnd;
        List<String> args = new ArrayList<>();
        args.add(macro.name());
        if (macro.kind() == Macro.Kind.BUILTIN && macro.builtin().parsesRest() && call.nameEnd == end) {
            args.add(source.substring(end));
            int[] consumed = {0};
            invoke(macro, args, consumed, out);
            return end + consumed[0];
        }
        int next = end;
        if (call.argsStart >= 0) {
            next = grabArgs(macro, args, source, call.argsStart, call.argsEnd, false);
        } else if (lineArgsEnd >= 0) {
            next = grabArgs(macro, args, source, call.nameEnd, lineArgsEnd, true);
        }
        invoke(macro, args, null, out);
        return next;
    }

    /** The parts of one {@code %name}/{@code %{...}} call. */
    private record Call(
            int nameStart,
            int nameEnd,
            boolean negate,
            boolean checkExists,
            int argsStart,
            int argsEnd,
            int lineArgsEnd,
            int resume) {

        static Call parse(String source, int s, int end) {
            boolean braced = source.charAt(s) == '{';
            int f = braced ? s + 1 : s;
            boolean negate = false;
            boolean checkExists = false;
            while (f < source.length() && (source.charAt(f) == '?' || source.charAt(f) == '!')) {
                negate ^= source.charAt(f) == '!';
                checkExists |= source.charAt(f) == '?';
                f++;
            }
            if (!braced) {
                // "%name args": a blank after the name passes the rest of the line as arguments.
                int lineEnd = -1;
                if (end < source.length() && MacroSyntax.isBlank(source.charAt(end))) {
                    int newline = source.indexOf('\n', end);
                    lineEnd = newline < 0 ? source.length() : newline;
                }
                return new Call(f, end, negate, checkExists, -1, -1, lineEnd, f);
            }
            int fe = f;
            while (fe < source.length() && " :}".indexOf(source.charAt(fe)) < 0) {
                fe++;
            }
            char stop = fe < source.length() ? source.charAt(fe) : 0;
            int argsStart = stop == ':' ? fe + 1 : -1;
            int argsEnd = stop == ':' ? end - 1 : -1;
            int lineEnd = stop == ' ' ? end - 1 : -1;
            return new Call(f, fe, negate, checkExists, argsStart, argsEnd, lineEnd, s);
        }
    }

    /** Collects arguments from {@code [from, to)}; returns where scanning resumes. */
    private int grabArgs(Macro macro, List<String> args, String source, int from, int to, boolean split) {
        String raw = source.substring(from, to);
        if (macro.kind() == Macro.Kind.BUILTIN && macro.builtin().parsesRest()) {
            args.add(raw);
        } else {
            String expanded = expand(raw);
            if (split) {
                TextFunctions.splitQuoted(args, expanded);
            } else {
                args.add(expanded);
            }
        }
        if (to >= source.length() || (source.charAt(to) == '\n' && (to == 0 || source.charAt(to - 1) != '\\'))) {
            return to;
        }
        return to + 1;
    }

    private void invoke(Macro macro, List<String> args, int[] consumed, StringBuilder out) {
        if (++calls > MAX_CALLS) {
            limit("more than " + MAX_CALLS + " macro calls (runaway expansion)");
            return;
        }
        switch (macro.kind()) {
            case BUILTIN -> {
                int given = args == null || args.isEmpty() ? 0 : args.size() - 1;
                int expected = macro.builtin().arguments();
                if (expected >= 0 && (expected != 0) != (given > 0)) {
                    rpmError("%" + macro.name() + ": " + (expected != 0 ? "argument expected" : "unexpected argument"));
                } else {
                    builtin(macro.builtin(), args, consumed, out);
                }
            }
            case AUTOMATIC -> append(out, macro.body());
            case USER -> {
                if (!macro.body().isEmpty()) {
                    if (args != null) {
                        setupArgs(macro, args);
                    }
                    expandInto(macro.body(), out);
                    if (args != null) {
                        table.popLevel(level);
                        level--;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- parametric macros

    /** Defines {@code %0}, {@code %**}, options, {@code %#}, {@code %1...} and {@code %*} for a call. */
    private void setupArgs(Macro macro, List<String> args) {
        level++;
        table.push(Macro.automatic("0", macro.name(), level));
        table.push(Macro.automatic("**", String.join(" ", args.subList(1, args.size())), level));
        String options = macro.options();
        List<String> positional = new ArrayList<>();
        boolean optionsDone = options.equals("-");
        boolean stopAtFirstPositional = options.startsWith("+");
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsDone || arg.length() < 2 || arg.charAt(0) != '-') {
                positional.add(arg);
                optionsDone |= stopAtFirstPositional;
                continue;
            }
            if (arg.equals("--")) {
                optionsDone = true;
                continue;
            }
            for (int k = 1; k < arg.length(); k++) {
                char option = arg.charAt(k);
                int at = option == ':' ? -1 : options.indexOf(option);
                if (at < 0) {
                    rpmError("Unknown option " + option + " in " + macro.name() + "(" + options + ")");
                    return;
                }
                if (at + 1 < options.length() && options.charAt(at + 1) == ':') {
                    String value =
                            k + 1 < arg.length() ? arg.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (value == null) {
                        rpmError("Unknown option " + option + " in " + macro.name() + "(" + options + ")");
                        return;
                    }
                    defineOption(option, value);
                    break;
                }
                defineOption(option, null);
            }
        }
        table.push(Macro.automatic("#", Integer.toString(positional.size()), level));
        for (int i = 0; i < positional.size(); i++) {
            table.push(Macro.automatic(Integer.toString(i + 1), positional.get(i), level));
        }
        table.push(Macro.automatic("*", String.join(" ", positional), level));
    }

    private void defineOption(char option, String value) {
        table.push(Macro.automatic("-" + option, value == null ? "-" + option : "-" + option + " " + value, level));
        if (value != null) {
            table.push(Macro.automatic("-" + option + "*", value, level));
        }
    }

    // ---------------------------------------------------------------- built-in functions

    private void builtin(Builtin function, List<String> args, int[] consumed, StringBuilder out) {
        String arg = args == null || args.size() < 2 ? "" : args.get(1);
        if (TextFunctions.handles(function)) {
            String result = Unknowns.containsMarker(arg) ? unknowns.merged(arg) : TextFunctions.apply(function, args);
            if (result != null) {
                append(out, result);
            }
            return;
        }
        switch (function) {
            case DEFINE, GLOBAL -> define(arg, function == Builtin.GLOBAL, consumed);
            case UNDEFINE -> undefine(arg);
            case DNL -> {
                if (consumed != null) {
                    int eol = 0;
                    while (eol < arg.length() && !MacroSyntax.isEol(arg.charAt(eol))) {
                        eol++;
                    }
                    consumed[0] += Math.min(eol + 1, arg.length());
                }
            }
            case EXPAND -> expandInto(arg, out);
            case P, S -> expandInto((function == Builtin.S ? "%SOURCE" : "%PATCH") + arg, out);
            case EXPR -> append(out, expressionValue(arg, false));
            case MACROBODY -> {
                Macro macro = table.lookup(arg);
                if (macro == null) {
                    rpmError("no such macro: '" + arg + "'");
                } else {
                    append(out, macro.kind() == Macro.Kind.UNKNOWN ? unknowns.marker(macro.body()) : macro.body());
                }
            }
            case ERROR -> rpmError("%{error:" + arg + "}");
            case LUA -> lua(arg, out);
            case LOAD -> load(arg);
            case GETENV -> append(out, unknowns.marker(at("%{getenv:" + arg + "} depends on the environment")));
            case EXISTS -> append(out, unknowns.marker(at("%{exists:" + arg + "} depends on the file system")));
            case GETNCPUS -> append(out, unknowns.marker(at("%{getncpus} depends on the build machine")));
            case UNCOMPRESS -> append(out, unknowns.marker(at("%{uncompress:" + arg + "} depends on the file")));
            case GETCONFDIR -> append(out, "/usr/lib/rpm");
            case VERBOSE -> {
                if (consumed != null || args == null || args.size() < 2) {
                    append(out, "0");
                }
            }
            default -> {} // echo, warn, dump, trace: output goes to the terminal, not the text
        }
    }

    /**
     * {@code %{load:PATH}} with a file the context holds: rpm's {@code loadMacroFile}, each line
     * (backslash-newline joined) that starts with {@code %} after blanks is a {@code %define}.
     */
    private void load(String path) {
        String contents = macroFiles.get(path);
        if (contents == null) {
            uncertainty = at("%{load:" + path + "} reads macros from a file Keel does not read");
            return;
        }
        for (String line : contents.split("(?<!\\\\)\n")) {
            String definition = line.strip();
            if (definition.startsWith("%") && failure == null) {
                define(definition.substring(1), false, null);
            }
        }
    }

    private void lua(String chunk, StringBuilder out) {
        String what = "the Lua chunk %{lua:" + abbreviate(chunk) + "}";
        if (chunk.contains("rpm.define") || chunk.contains("rpm.undefine") || chunk.contains("macros.")) {
            uncertainty = at(what + " may define macros and is not run");
        }
        append(out, unknowns.marker(at(what + " is not run")));
    }

    /** {@code %define}/{@code %global}: name, optional {@code (options)}, body; rpm's {@code doDefine}. */
    private void define(String text, boolean global, int[] consumed) {
        int s = MacroSyntax.skipBlanks(text, 0);
        int nameStart = s;
        while (s < text.length() && MacroSyntax.isNameChar(text.charAt(s))) {
            s++;
        }
        String name = text.substring(nameStart, s);
        String options = null;
        if (s < text.length() && text.charAt(s) == '(') {
            int close = text.indexOf(')', s);
            if (close < 0) {
                rpmError("Macro %" + name + " has unterminated opts");
                return;
            }
            options = text.substring(s + 1, close);
            s = close + 1;
        }
        s = MacroSyntax.skipBlanks(text, s);
        String body;
        if (consumed == null) {
            body = text.substring(s);
            s = text.length();
        } else if (s < text.length() && text.charAt(s) == '{') {
            int close = MacroSyntax.matching(text, s, '{', '}');
            if (close < 0) {
                rpmError("Macro %" + name + " has unterminated body");
                return;
            }
            body = text.substring(s + 1, close - 1);
            s = close;
        } else {
            StringBuilder free = new StringBuilder();
            s = freeFieldBody(text, s, free);
            if (s < 0) {
                rpmError("Macro %" + name + " has unterminated body");
                return;
            }
            body = stripTrailingBlanks(free);
        }
        while (s < text.length() && MacroSyntax.isEol(text.charAt(s))) {
            s++;
        }
        if (consumed != null) {
            consumed[0] += s;
        }
        String action = global ? "%global" : "%define";
        if (!validName(name, action)) {
            return;
        }
        if (body.isEmpty()) {
            rpmError("Macro %" + name + " has empty body");
            return;
        }
        if (global) {
            body = expand(body);
            if (failure != null) {
                return;
            }
        }
        table.push(Macro.user(name, options, body, global ? 0 : level));
    }

    /**
     * A body up to the end of the line, or further while a {@code %{}, {@code %(} or {@code %[} is
     * open; a backslash escapes the next character (and is dropped). Returns the end, or -1 when a
     * group is left open.
     */
    private static int freeFieldBody(String text, int from, StringBuilder body) {
        int braces = 0;
        int parens = 0;
        int brackets = 0;
        int s = from;
        while (s < text.length() && (braces > 0 || parens > 0 || !MacroSyntax.isEol(text.charAt(s)))) {
            char c = text.charAt(s);
            char next = s + 1 < text.length() ? text.charAt(s + 1) : 0;
            if (c == '\\' && next != 0) {
                s++;
            } else if (c == '%' && "{([%".indexOf(next) >= 0) {
                body.append(c);
                s++;
                braces += next == '{' ? 1 : 0;
                parens += next == '(' ? 1 : 0;
                brackets += next == '[' ? 1 : 0;
            } else {
                braces += c == '{' && braces > 0 ? 1 : c == '}' && braces > 0 ? -1 : 0;
                parens += c == '(' && parens > 0 ? 1 : c == ')' && parens > 0 ? -1 : 0;
                brackets += c == '[' && brackets > 0 ? 1 : c == ']' && brackets > 0 ? -1 : 0;
            }
            body.append(text.charAt(s));
            s++;
        }
        return braces > 0 || parens > 0 || brackets > 0 ? -1 : s;
    }

    private static String stripTrailingBlanks(StringBuilder body) {
        int end = body.length();
        while (end > 0 && (MacroSyntax.isBlank(body.charAt(end - 1)) || MacroSyntax.isEol(body.charAt(end - 1)))) {
            end--;
        }
        return body.substring(0, end);
    }

    private void undefine(String name) {
        if (!validName(name, "%undefine")) {
            return;
        }
        Macro macro = table.lookup(name);
        if (macro != null && macro.kind() != Macro.Kind.UNKNOWN) {
            table.pop(name);
        }
    }

    /** rpm's {@code validName}: starts with a letter (or '_' when longer than one), not a built-in. */
    private boolean validName(String name, String action) {
        boolean legal = !name.isEmpty()
                && (Character.isLetter(name.charAt(0)) && name.charAt(0) < 128
                        || (name.charAt(0) == '_' && name.length() > 1));
        if (!legal) {
            rpmError("Macro %" + name + " has illegal name (" + action + ")");
            return false;
        }
        Macro existing = table.lookup(name);
        if (existing != null && (existing.kind() == Macro.Kind.BUILTIN || existing.kind() == Macro.Kind.AUTOMATIC)) {
            rpmError("Macro %" + name + " is a built-in (" + action + ")");
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- expressions

    private String expression(String text) {
        return expressionValue(text, true);
    }

    private String expressionValue(String text, boolean expandOperands) {
        try {
            Expression.Value value =
                    Expression.evaluate(text, expandOperands ? operands : null, unknowns, expressionNesting);
            return Expression.format(value);
        } catch (Expression.TooDeep e) {
            limit(e.getMessage());
            return "";
        } catch (Expression.Invalid e) {
            rpmError(e.getMessage());
            return "";
        }
    }

    /** Expansion of {@code %[...]} operands, with uncertain branches run on a copy of the macros. */
    private final Expression.Operands operands = new Expression.Operands() {
        @Override
        public String expand(String text) {
            return MacroEngine.this.expand(text);
        }

        @Override
        public Expression.Value uncertainly(String decider, Expression.Branch branch) throws Expression.Invalid {
            Map<String, Deque<Macro>> before = table.snapshot();
            try {
                return branch.evaluate();
            } finally {
                Set<String> changed = table.changedSince(before);
                table.restore(before);
                String reason = at("set or not depending on: " + String.join("; ", unknowns.reasonsIn(decider)));
                changed.forEach(name -> table.push(Macro.unknown(name, reason, 0)));
            }
        }
    };

    // ---------------------------------------------------------------- output and failures

    private void append(StringBuilder out, String text) {
        produced += text.length();
        if (produced > MAX_OUTPUT) {
            limit("macro expansion produced more than " + MAX_OUTPUT + " characters in all");
            return;
        }
        out.append(text);
    }

    private void rpmError(String message) {
        if (failure == null) {
            failure = new Failure(at(message), true);
        }
    }

    private void limit(String message) {
        if (failure == null) {
            failure = new Failure(at(message), false);
        }
    }

    private String at(String message) {
        return line > 0 ? "line " + line + ": " + message : message;
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replace('\n', ' ');
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
