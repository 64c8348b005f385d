package dev.keel.spec.macro;

import dev.keel.spec.dependency.RpmVersions;

/**
 * rpm's expression language ({@code %if}, {@code %[...]}, {@code %{expr:...}}): integers, strings,
 * {@code v"..."} versions, {@code + - * /}, comparisons, {@code ! && ||}, {@code ?:} and
 * parentheses, with rpm's typing rules and errors. With {@link Operands} (as for {@code %[...]}) macros
 * in operands are expanded lazily, so the branch a short-circuit skips is never expanded.
 *
 * <p>Operands holding unknown text give an unknown value; operators propagate it unless a known
 * operand decides the result.
 *
 * <p>Parentheses, unary operators, {@code ?:} branches and function arguments may nest {@value
 * #MAX_NESTING} levels deep, counted over an expression and the expressions in its operands
 * together ({@link Nesting}): rpm sets no bound, but Keel evaluates recursively and must not run
 * out of stack.
 */
final class Expression {

    /** The deepest nesting of one expression and those evaluated inside its operands. */
    static final int MAX_NESTING = 50;

    /** An expression rpm rejects; rpm fails the spec. */
    static class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** An expression nested beyond {@link #MAX_NESTING}: Keel's bound, not an rpm error. */
    static final class TooDeep extends Invalid {
        TooDeep(String message) {
            super(message);
        }
    }

    /** The nesting level of the expressions being evaluated, shared by nested evaluations. */
    static final class Nesting {
        private int level;
    }

    /** A value: an integer, a string, a version, or unknown text. */
    sealed interface Value {}

    record Int(int value) implements Value {}

    record Str(String value) implements Value {}

    record Ver(RpmVersions.Evr value) implements Value {}

    record Unknown(String marker) implements Value {}

    /** How operands are expanded in {@code %[...]} (rpm's {@code RPMEXPR_EXPAND}). */
    interface Operands {
        String expand(String text);

        /**
         * Evaluates a branch whose expansions rpm may or may not perform, as decided by unknown text:
         * the macros they define or undefine become unknown.
         */
        Value uncertainly(String decider, Branch branch) throws Invalid;
    }

    /** A part of an expression evaluated later. */
    interface Branch {
        Value evaluate() throws Invalid;
    }

    private enum Token {
        EOF,
        INTEGER,
        STRING,
        ADD,
        MINUS,
        MULTIPLY,
        DIVIDE,
        OPEN,
        CLOSE,
        EQ,
        NEQ,
        LT,
        LE,
        GT,
        GE,
        NOT,
        AND,
        OR,
        CONDITION,
        ALTERNATIVE,
        COMMA,
        FUNCTION
    }

    private final String text;
    private final Operands operands;
    private final Unknowns unknowns;
    private final Nesting nesting;
    private int position;
    private Token token;
    private Value tokenValue;
    private boolean discard;

    private Expression(String text, Operands operands, Unknowns unknowns, Nesting nesting) {
        this.text = text;
        this.operands = operands;
        this.unknowns = unknowns;
        this.nesting = nesting;
    }

    /**
     * Evaluates an expression; {@code operands} expands macros in operands ({@code null}: none, as
     * for {@code %if}, whose line is expanded before); {@code nesting} is shared with the
     * evaluations that expanding operands may start.
     */
    static Value evaluate(String text, Operands operands, Unknowns unknowns, Nesting nesting) throws Invalid {
        Expression expression = new Expression(text, operands, unknowns, nesting);
        expression.next();
        Value value = expression.ternary();
        if (expression.token != Token.EOF) {
            throw expression.error("syntax error in expression");
        }
        return value;
    }

    /** The truth of a value as rpm sees it, or {@code null} for unknown. */
    static Boolean truth(Value value) {
        if (value instanceof Int i) {
            return i.value() != 0;
        }
        if (value instanceof Str s) {
            return !s.value().isEmpty();
        }
        return value instanceof Ver ? Boolean.FALSE : null;
    }

    /** A value as {@code %[...]} prints it. */
    static String format(Value value) {
        if (value instanceof Int i) {
            return Integer.toString(i.value());
        }
        if (value instanceof Str s) {
            return s.value();
        }
        return value instanceof Ver v ? v.value().toString() : ((Unknown) value).marker();
    }

    // ---------------------------------------------------------------- tokens

    private void next() throws Invalid {
        int p = position;
        while (p < text.length() && isSpace(text.charAt(p))) {
            p++;
        }
        tokenValue = null;
        if (p >= text.length()) {
            token = Token.EOF;
            position = p;
            return;
        }
        char c = text.charAt(p);
        char after = p + 1 < text.length() ? text.charAt(p + 1) : 0;
        int end = p + 1;
        switch (c) {
            case '+' -> token = Token.ADD;
            case '-' -> token = Token.MINUS;
            case '*' -> token = Token.MULTIPLY;
            case '/' -> token = Token.DIVIDE;
            case '(' -> token = Token.OPEN;
            case ')' -> token = Token.CLOSE;
            case '?' -> token = Token.CONDITION;
            case ':' -> token = Token.ALTERNATIVE;
            case ',' -> token = Token.COMMA;
            case '=' -> {
                token = pair(after, '=', Token.EQ, "syntax error while parsing ==");
                end++;
            }
            case '&' -> {
                token = pair(after, '&', Token.AND, "syntax error while parsing &&");
                end++;
            }
            case '|' -> {
                token = pair(after, '|', Token.OR, "syntax error while parsing ||");
                end++;
            }
            case '!', '<', '>' -> {
                boolean equals = after == '=';
                token = switch (c) {
                    case '!' -> equals ? Token.NEQ : Token.NOT;
                    case '<' -> equals ? Token.LE : Token.LT;
                    default -> equals ? Token.GE : Token.GT;
                };
                end += equals ? 1 : 0;
            }
            default -> end = operand(p, c, after);
        }
        position = end;
    }

    private Token pair(char after, char expected, Token token, String message) throws Invalid {
        if (after != expected) {
            throw error(message);
        }
        return token;
    }

    /** Reads an integer, string, version or function-name operand starting at {@code p}; returns its end. */
    private int operand(int p, char c, char after) throws Invalid {
        boolean expand = operands != null;
        if (isDigit(c) || (c == '%' && expand) || Unknowns.isMarkerChar(c)) {
            int end = p;
            while (end < text.length()) {
                char ch = text.charAt(end);
                if (ch == '%' && expand) {
                    end = skipMacro(end + 1);
                } else if (isDigit(ch) || Unknowns.isMarkerChar(ch)) {
                    end++;
                } else {
                    break;
                }
            }
            String value = operandText(p, end);
            token = Token.INTEGER;
            if (Unknowns.containsMarker(value)) {
                tokenValue = new Unknown(unknowns.merged(value));
            } else if (expand && !isWellFormedInteger(value)) {
                throw error(
                        value.isEmpty() || !Character.isLetter(value.charAt(0))
                                ? "macro expansion did not return an integer: " + value
                                : "macro expansion returned a bare word, please use \"...\": " + value);
            } else {
                tokenValue = new Int(atoi(value));
            }
            return end;
        }
        if (c == '"' || (c == 'v' && after == '"')) {
            boolean version = c == 'v';
            int start = p + (version ? 2 : 1);
            int end = start;
            while (end < text.length() && text.charAt(end) != '"') {
                end = text.charAt(end) == '%' && expand ? skipMacro(end + 1) : end + 1;
            }
            if (end >= text.length()) {
                throw error("unterminated string in expression");
            }
            String value = operandText(start, end);
            token = Token.STRING;
            if (Unknowns.containsMarker(value)) {
                tokenValue = new Unknown(unknowns.merged(value));
            } else if (version) {
                RpmVersions.Evr evr = RpmVersions.Evr.parse(discard ? "0" : value);
                if (evr == null) {
                    throw error("invalid version");
                }
                tokenValue = new Ver(evr);
            } else {
                tokenValue = new Str(value);
            }
            return end + 1;
        }
        if (Character.isLetter(c)) {
            int end = p + 1;
            while (end < text.length() && isFunctionNameChar(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '(') {
                token = Token.FUNCTION;
                tokenValue = new Str(text.substring(p, end));
                return end + 1;
            }
            throw error("bare words are no longer supported, please use \"...\"");
        }
        throw error("parse error in expression");
    }

    /** The operand text, expanded when expanding (nothing is expanded in a skipped branch). */
    private String operandText(int start, int end) {
        if (discard) {
            return "";
        }
        String raw = text.substring(start, end);
        return operands != null && !raw.isEmpty() ? operands.expand(raw) : raw;
    }

    /** The end of the macro call whose name starts at {@code from} (just after its '%'). */
    private int skipMacro(int from) {
        if (from < text.length() && text.charAt(from) == '%') {
            return from + 1;
        }
        int end = MacroSyntax.macroEnd(text, from);
        return end < 0 ? text.length() : end;
    }

    // ---------------------------------------------------------------- grammar

    private Value ternary() throws Invalid {
        Value condition = logical();
        if (token != Token.CONDITION) {
            return condition;
        }
        Boolean truth = truth(condition);
        if (truth == null && !discard) {
            return uncertain(condition, () -> {
                next();
                Value whenTrue = nestedTernary();
                expectAlternative();
                next();
                Value whenFalse = nestedTernary();
                requireSameType(whenTrue, whenFalse);
                return whenTrue.equals(whenFalse) ? whenTrue : unknownFrom(condition);
            });
        }
        boolean saved = discard;
        discard = saved || !Boolean.TRUE.equals(truth);
        next();
        Value whenTrue = nestedTernary();
        expectAlternative();
        discard = saved || !Boolean.FALSE.equals(truth);
        next();
        Value whenFalse = nestedTernary();
        discard = saved;
        requireSameType(whenTrue, whenFalse);
        return Boolean.TRUE.equals(truth) ? whenTrue : whenFalse;
    }

    private Value nestedTernary() throws Invalid {
        enter();
        try {
            return ternary();
        } finally {
            nesting.level--;
        }
    }

    private Value nestedPrimary() throws Invalid {
        enter();
        try {
            return primary();
        } finally {
            nesting.level--;
        }
    }

    private void enter() throws TooDeep {
        if (nesting.level >= MAX_NESTING) {
            String flat = text.strip();
            throw new TooDeep("expression nested more than " + MAX_NESTING
                    + " levels deep (parentheses, unary operators and ?: together): "
                    + (flat.length() <= 60 ? flat : flat.substring(0, 57) + "..."));
        }
        nesting.level++;
    }

    private void expectAlternative() throws Invalid {
        if (token != Token.ALTERNATIVE) {
            throw error("syntax error in expression");
        }
    }

    private Value logical() throws Invalid {
        Value left = relational();
        while (token == Token.AND || token == Token.OR) {
            boolean and = token == Token.AND;
            Boolean truth = truth(left);
            Value decided = left;
            if (truth == null && !discard) {
                left = uncertain(decided, () -> {
                    next();
                    Value right = relational();
                    requireSameType(decided, right);
                    Boolean rightTruth = truth(right);
                    return rightTruth != null && rightTruth != and ? right : unknownFrom(decided);
                });
                continue;
            }
            boolean saved = discard;
            discard = saved || !Boolean.valueOf(and).equals(truth);
            next();
            Value right = relational();
            discard = saved;
            requireSameType(left, right);
            if (Boolean.valueOf(and).equals(truth)) {
                left = right;
            }
        }
        return left;
    }

    /**
     * Evaluates operands that rpm may or may not evaluate, depending on an unknown value: with an
     * expander, their side effects (macros they define) are undone and the macros become unknown.
     */
    private Value uncertain(Value decider, Branch branch) throws Invalid {
        return operands == null ? branch.evaluate() : operands.uncertainly(format(decider), branch);
    }

    private Unknown unknownFrom(Value decider) {
        return new Unknown(unknowns.merged(format(decider)));
    }

    private Value relational() throws Invalid {
        Value left = additive();
        while (token.ordinal() >= Token.EQ.ordinal() && token.ordinal() <= Token.GE.ordinal()) {
            Token operator = token;
            next();
            Value right = additive();
            requireSameType(left, right);
            if (left instanceof Unknown || right instanceof Unknown) {
                left = unknown(left, right);
                continue;
            }
            int order = compare(left, right);
            boolean result = switch (operator) {
                case EQ -> order == 0;
                case NEQ -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                default -> order >= 0;
            };
            left = new Int(result ? 1 : 0);
        }
        return left;
    }

    private static int compare(Value left, Value right) {
        if (left instanceof Int i) {
            return Integer.compare(i.value(), ((Int) right).value());
        }
        if (left instanceof Ver v) {
            return RpmVersions.compare(v.value(), ((Ver) right).value());
        }
        return Integer.signum(((Str) left).value().compareTo(((Str) right).value()));
    }

    private Value additive() throws Invalid {
        Value left = multiplicative();
        while (token == Token.ADD || token == Token.MINUS) {
            boolean add = token == Token.ADD;
            next();
            Value right = multiplicative();
            requireSameType(left, right);
            if (left instanceof Ver) {
                throw error("+ and - not supported for versions");
            } else if (left instanceof Str && !add) {
                throw error("- not supported for strings");
            } else if (left instanceof Unknown || right instanceof Unknown) {
                left = unknown(left, right);
            } else if (left instanceof Int i) {
                int r = ((Int) right).value();
                left = new Int(add ? i.value() + r : i.value() - r);
            } else {
                left = new Str(((Str) left).value() + ((Str) right).value());
            }
        }
        return left;
    }

    private Value multiplicative() throws Invalid {
        Value left = primary();
        while (token == Token.MULTIPLY || token == Token.DIVIDE) {
            boolean multiply = token == Token.MULTIPLY;
            next();
            Value right = primary();
            requireSameType(left, right);
            if (left instanceof Ver) {
                throw error("* and / not supported for versions");
            } else if (left instanceof Str) {
                throw error("* and / not supported for strings");
            } else if (left instanceof Unknown || right instanceof Unknown) {
                left = unknown(left, right);
            } else if (!discard) {
                int l = ((Int) left).value();
                int r = ((Int) right).value();
                if (!multiply && r == 0) {
                    throw error("division by zero");
                }
                left = new Int(multiply ? l * r : l / r);
            }
        }
        return left;
    }

    private Value primary() throws Invalid {
        switch (token) {
            case FUNCTION -> {
                return function();
            }
            case OPEN -> {
                next();
                Value value = nestedTernary();
                if (token != Token.CLOSE) {
                    throw error("unmatched (");
                }
                next();
                return value;
            }
            case INTEGER, STRING -> {
                Value value = tokenValue;
                next();
                return value;
            }
            case MINUS -> {
                next();
                Value value = nestedPrimary();
                if (value instanceof Int i) {
                    return new Int(-i.value());
                }
                if (value instanceof Unknown) {
                    return value;
                }
                throw error("- only on numbers");
            }
            case NOT -> {
                next();
                Value value = nestedPrimary();
                Boolean truth = truth(value);
                return truth == null ? value : new Int(truth ? 0 : 1);
            }
            case EOF -> throw error("unexpected end of expression");
            default -> throw error("syntax error in expression");
        }
    }

    /** {@code lua:name(args)}: rpm calls a Lua function, which Keel cannot run. */
    private Value function() throws Invalid {
        String name = ((Str) tokenValue).value();
        next();
        while (token != Token.CLOSE) {
            nestedTernary();
            if (token == Token.CLOSE) {
                break;
            }
            if (token != Token.COMMA) {
                throw error("syntax error in expression");
            }
            next();
            if (token == Token.CLOSE) {
                throw error("syntax error in expression");
            }
        }
        next();
        if (!name.startsWith("lua:")) {
            throw error("unsupported function " + name);
        }
        return new Unknown(unknowns.marker("the Lua function " + name + "() in an expression is not run"));
    }

    private void requireSameType(Value left, Value right) throws Invalid {
        if (!(left instanceof Unknown) && !(right instanceof Unknown) && left.getClass() != right.getClass()) {
            throw error("types must match");
        }
    }

    private Unknown unknown(Value left, Value right) {
        return new Unknown(unknowns.merged(format(left) + format(right)));
    }

    private Invalid error(String message) {
        return new Invalid(message + ": " + text.strip());
    }

    // ---------------------------------------------------------------- characters

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isFunctionNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':';
    }

    private static boolean isWellFormedInteger(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        for (int i = start; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** C's {@code atoi} ({@code (int) strtol}): optional blanks and sign, then digits, saturating. */
    private static int atoi(String value) {
        int i = 0;
        while (i < value.length() && isSpace(value.charAt(i))) {
            i++;
        }
        boolean negative = i < value.length() && value.charAt(i) == '-';
        if (i < value.length() && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
            i++;
        }
        long result = 0;
        while (i < value.length() && isDigit(value.charAt(i))) {
            int digit = value.charAt(i++) - '0';
            result = result > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : result * 10 + digit;
        }
        return (int) (negative ? -result : result);
    }
}
