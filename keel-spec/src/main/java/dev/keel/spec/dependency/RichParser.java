package dev.keel.spec.dependency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rpm 4.18's recursive-descent reader of rich dependencies ({@code rpmrichParseInternal}), with an
 * explicit depth bound against hostile nesting.
 */
final class RichParser {
    private static final int MAX_DEPTH = 100;
    private final String text;
    private int p;
    private int depth;

    RichParser(String text, int from) {
        this.text = text;
        this.p = from;
    }

    int position() {
        return p;
    }

    RichDependency parse() throws DependencyException {
        if (++depth > MAX_DEPTH) {
            throw new DependencyException("Rich dependency nested more than " + MAX_DEPTH + " levels deep");
        }
        int start = p;
        if (p >= text.length() || text.charAt(p) != '(') {
            throw new DependencyException("Rich dependency does not start with '('");
        }
        p++;
        List<RichDependency> operands = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        String chain = null;
        while (true) {
            skipWhite();
            if (p < text.length() && text.charAt(p) == ')') {
                throw new DependencyException(
                        chain != null ? "Missing argument to rich dependency op" : "Empty rich dependency");
            }
            operands.add(p < text.length() && text.charAt(p) == '(' ? parse() : simple());
            skipWhite();
            if (p >= text.length()) {
                throw new DependencyException("Unterminated rich dependency: " + text.substring(start));
            }
            if (text.charAt(p) == ')') {
                break;
            }
            int opStart = p;
            while (p < text.length() && !isSpace(text.charAt(p)) && text.charAt(p) != ')') {
                p++;
            }
            String op = text.substring(opStart, p);
            if (!List.of("and", "or", "if", "unless", "else", "with", "without").contains(op)) {
                throw new DependencyException("Unknown rich dependency op '" + op + "'");
            }
            if (op.equals("else") && ("if".equals(chain) || "unless".equals(chain))) {
                chain = null;
            }
            if (chain != null && !op.equals(chain)) {
                throw new DependencyException("Cannot chain different ops");
            }
            if (chain != null && !List.of("and", "or", "with").contains(op)) {
                throw new DependencyException("Can only chain and/or/with ops");
            }
            chain = op;
            operators.add(op);
        }
        p++;
        depth--;
        return build(operands, operators);
    }

    private static RichDependency build(List<RichDependency> operands, List<String> operators) {
        if (operators.isEmpty()) {
            return new RichDependency.Parenthesized(operands.get(0));
        }
        String first = operators.get(0);
        if (first.equals("if") || first.equals("unless")) {
            return new RichDependency.Conditional(
                    operands.get(0),
                    first.equals("unless"),
                    operands.get(1),
                    operands.size() > 2 ? operands.get(2) : null);
        }
        return new RichDependency.Operation(RichDependency.Operator.valueOf(first.toUpperCase(Locale.ROOT)), operands);
    }

    /** {@code parseSimpleDep}: a name (balanced parentheses allowed), optionally an operator and version. */
    private RichDependency simple() throws DependencyException {
        int nameStart = p;
        skipNonWhite();
        String name = text.substring(nameStart, p);
        if (name.isEmpty()) {
            throw new DependencyException("Name required");
        }
        int save = p;
        skipWhite();
        int opStart = p;
        skipNonWhite();
        int sense = DependencyParser.sense(text.substring(opStart, p));
        if (sense == 0) {
            p = save;
            return new RichDependency.Simple(Dependency.of(name));
        }
        skipWhite();
        int evrStart = p;
        skipNonWhite();
        if (p == evrStart) {
            throw new DependencyException("Version required");
        }
        return new RichDependency.Simple(new Dependency(name, sense, text.substring(evrStart, p)));
    }

    private void skipWhite() {
        while (p < text.length() && (isSpace(text.charAt(p)) || text.charAt(p) == ',')) {
            p++;
        }
    }

    /** rpm's {@code SKIPNONWHITEX}: stops at blanks, commas and an unbalanced ')'. */
    private void skipNonWhite() {
        int balance = 0;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (isSpace(c) || c == ',' || (c == ')' && balance-- <= 0)) {
                return;
            }
            if (c == '(') {
                balance++;
            }
            p++;
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
