package dev.keel.spec.dependency;

import java.util.List;
import java.util.Locale;

/**
 * A rich (boolean) dependency parsed as rpm 4.18's {@code rpmrichParse} does: {@code (a or b)},
 * {@code (a and b)}, {@code (a with b)}, {@code (a without b)}, {@code (a if b)},
 * {@code (a if b else c)}, {@code (a unless b)}, {@code (a unless b else c)}, nested in
 * parentheses. Only {@code and}, {@code or} and {@code with} chain ({@code (a or b or c)}); mixing
 * operators needs parentheses. {@link #toString()} is rpm's normalized text: single blanks, no
 * commas, operators spelled as rpm prints them: {@code (c >= 1 or d >= 2)} for
 * {@code ( c  >= 1, or d => 2 )}.
 */
public sealed interface RichDependency {

    /** A plain dependency inside a rich one. */
    record Simple(Dependency dependency) implements RichDependency {
        @Override
        public String toString() {
            return dependency.toString();
        }
    }

    /** A single operand in parentheses: {@code (foo)}, {@code ((a or b))}; it means its operand. */
    record Parenthesized(RichDependency operand) implements RichDependency {
        @Override
        public String toString() {
            return "(" + operand + ")";
        }
    }

    /** {@code and}, {@code or}, {@code with} (two or more operands) or {@code without} (two). */
    record Operation(Operator operator, List<RichDependency> operands) implements RichDependency {
        public Operation {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("(");
            for (int i = 0; i < operands.size(); i++) {
                out.append(i == 0 ? "" : " " + operator.name().toLowerCase(Locale.ROOT) + " ")
                        .append(operands.get(i));
            }
            return out.append(')').toString();
        }
    }

    /**
     * {@code (then if condition else otherwise)}, or with {@code unless} when {@code negated}.
     *
     * @param otherwise the {@code else} branch, or {@code null}
     */
    record Conditional(RichDependency then, boolean negated, RichDependency condition, RichDependency otherwise)
            implements RichDependency {
        @Override
        public String toString() {
            return "(" + then + (negated ? " unless " : " if ") + condition
                    + (otherwise == null ? "" : " else " + otherwise) + ")";
        }
    }

    /** The operators that take a list of operands. */
    enum Operator {
        AND,
        OR,
        WITH,
        WITHOUT
    }

    /** Parses one rich dependency, the whole text (which starts with '('). */
    static RichDependency parse(String text) throws DependencyException {
        RichParser parser = new RichParser(text, 0);
        RichDependency result = parser.parse();
        if (parser.position() != text.length()) {
            throw new DependencyException("Junk after rich dependency: " + text);
        }
        return result;
    }
}
