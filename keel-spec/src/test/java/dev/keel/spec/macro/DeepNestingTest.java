package dev.keel.spec.macro;

import static dev.keel.spec.PackageSelector.main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spec.Spec;
import dev.keel.spec.SpecEditor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deep nesting in specs ends in a located error that says which limit was hit, never a
 * StackOverflowError: expressions are bounded by Keel ({@value Expression#MAX_NESTING} levels
 * over nested evaluations), macro expansion by rpm's 64 levels; conditionals nest without bound.
 * Everything right at the limits works on a 512 KiB stack.
 */
class DeepNestingTest {

    private static final String TAIL = "Release: 1\nSummary: s\nLicense: MIT\n\n%description\nd\n";
    private static final String TOO_DEEP =
            "expression nested more than 50 levels deep (parentheses, unary operators and ?: together): ";

    private static Expression.Value evaluate(String expression) throws Expression.Invalid {
        return Expression.evaluate(expression, null, new Unknowns(), new Expression.Nesting());
    }

    private static String reason(String spec) {
        ExpandedTags tags = MacroExpander.evaluate(Spec.parse(spec), MacroContext.defaults());
        assertThat(tags.version().value()).isNull();
        return tags.version().reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "!", "-", "1?", "lua:f("})
    void tenThousandNestedLevelsOfAnExpressionAreKeelsLimit(String level) {
        String closing = level.equals("(") || level.equals("lua:f(") ? ")" : level.equals("1?") ? ":0" : "";
        String expression = level.repeat(10_000) + "1" + closing.repeat(10_000);
        assertThatThrownBy(() -> evaluate(expression))
                .isInstanceOf(Expression.TooDeep.class)
                .hasMessage(TOO_DEEP + expression.substring(0, 57) + "...");
    }

    @Test
    void anExpressionNestedToTheLimitEvaluates() throws Expression.Invalid {
        String expression = "(".repeat(Expression.MAX_NESTING) + "1" + ")".repeat(Expression.MAX_NESTING);
        assertThat(evaluate(expression)).isEqualTo(new Expression.Int(1));
    }

    @Test
    void anIfConditionNestedTenThousandLevelsStopsAtItsLine() {
        String spec = "Name: x\nVersion: 1\n%if " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n%endif\n" + TAIL;
        ExpandedTags tags = MacroExpander.evaluate(Spec.parse(spec), MacroContext.defaults());
        assertThat(tags.name().reason()).isEqualTo("Keel stopped: line 3: " + TOO_DEEP + "(".repeat(57) + "...");
    }

    @Test
    void anExpressionMacroNestedTenThousandLevelsStopsAtItsLine() {
        String spec = "Name: x\nVersion: %[" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "]\n" + TAIL;
        assertThat(reason(spec)).isEqualTo("Keel stopped: line 2: " + TOO_DEEP + "(".repeat(57) + "...");
    }

    @Test
    void expressionsInsideExpressionOperandsShareTheLimit() {
        String inner = "%[" + "(".repeat(30) + "1" + ")".repeat(30) + "]";
        String outer = "%[" + "(".repeat(30) + inner + ")".repeat(30) + "]";
        assertThat(MacroExpander.evaluate(
                                Spec.parse("Name: x\nVersion: " + inner + "\n" + TAIL), MacroContext.defaults())
                        .version()
                        .value())
                .isEqualTo("1");
        assertThat(reason("Name: x\nVersion: " + outer + "\n" + TAIL))
                .startsWith("Keel stopped: line 2: " + TOO_DEEP + "(((");
    }

    @Test
    void recursiveAndDeeplyNestedMacrosStopAtRpmsLimitOnTheirLine() {
        String recursion = "rpm rejects the spec: line 3: too many levels of recursion in macro expansion (more than"
                + " 64); it is likely caused by a recursive macro";
        assertThat(reason("%define a %{a}\nName: x\nVersion: %{a}\n" + TAIL)).isEqualTo(recursion);
        assertThat(reason("Name: x\n\nVersion: " + "%{expand:".repeat(10_000) + "1" + "}".repeat(10_000) + "\n" + TAIL))
                .isEqualTo(recursion);
        assertThat(reason("Name: x\n\nVersion: " + "%{!?a:".repeat(10_000) + "1" + "}".repeat(10_000) + "\n" + TAIL))
                .isEqualTo(recursion);
    }

    @Test
    void tenThousandNestedBracesAreReadWithoutRecursion() throws Exception {
        String spec = "Name: x\nVersion: " + "%{".repeat(10_000) + "x" + "}".repeat(10_000) + "\n" + TAIL;
        ExpandedTags tags = onSmallStack(() -> MacroExpander.evaluate(Spec.parse(spec), MacroContext.defaults()));
        assertThat(tags.name().value()).isEqualTo("x");
        assertThat(tags.version().reason())
                .isEqualTo("line 2: %x is not defined in the context (a macro from a package the context lacks?)");
    }

    /** Macros and expressions nested to their limits: 62 macros, the innermost a 50-level expression. */
    private static String nestedToTheLimits() {
        StringBuilder spec = new StringBuilder("%define m0 %[" + "(".repeat(Expression.MAX_NESTING) + "7"
                + ")".repeat(Expression.MAX_NESTING) + "]\n");
        // With the line itself and the operand the expression expands, 62 macros make rpm's 64 levels.
        for (int i = 1; i < MacroEngine.MAX_DEPTH - 2; i++) {
            spec.append("%define m").append(i).append(" %{m").append(i - 1).append("}\n");
        }
        return spec.append("Name: x\nVersion: %{m")
                .append(MacroEngine.MAX_DEPTH - 3)
                .append("}\n")
                .append(TAIL)
                .toString();
    }

    @Test
    void macroAndExpressionNestingAtTheirLimitsFitASmallStack() throws Exception {
        String spec = nestedToTheLimits();
        ExpandedTags tags = onSmallStack(() -> MacroExpander.evaluate(Spec.parse(spec), MacroContext.defaults()));
        assertThat(tags.version().value()).as(tags.version().reason()).isEqualTo("7");
        // Each %[ in an operand is a macro level too: 62 of them, the line and the innermost operand.
        String nested = "Name: x\nVersion: " + "%[ ".repeat(MacroEngine.MAX_DEPTH - 2)
                + "(".repeat(Expression.MAX_NESTING) + "7" + ")".repeat(Expression.MAX_NESTING)
                + " ]".repeat(MacroEngine.MAX_DEPTH - 2) + "\n" + TAIL;
        ExpandedTags inOperands =
                onSmallStack(() -> MacroExpander.evaluate(Spec.parse(nested), MacroContext.defaults()));
        assertThat(inOperands.version().value())
                .as(inOperands.version().reason())
                .isEqualTo("7");
    }

    @Test
    void tenThousandNestedConditionalsParseRoundTripEvaluateAndEditOnASmallStack() throws Exception {
        String text = "Name: x\nVersion: 1\n" + "%if 1\n".repeat(10_000) + "BuildRequires: foo\n"
                + "%endif\n".repeat(10_000) + TAIL;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Spec edited = onSmallStack(() -> {
            Spec spec = Spec.parse(bytes);
            assertThat(spec.toBytes()).isEqualTo(bytes);
            assertThat(spec.blocks()).hasSize(10_000);
            assertThat(spec.diagnostics()).isEmpty();
            assertThat(MacroExpander.evaluate(spec, MacroContext.defaults()).toQueryFormat())
                    .isEqualTo("x|(none)|1|1");
            return SpecEditor.of(spec, "test").removeTag(main(), "BuildRequires", null);
        });
        assertThat(new String(edited.toBytes(), StandardCharsets.UTF_8)).doesNotContain("BuildRequires");
    }

    @Test
    void aStackTooSmallForTheSpecIsAReasonInWordsNotAJavaError() throws Exception {
        String spec = nestedToTheLimits();
        // the smallest stack the JVM gives a thread is far below what this spec needs
        ExpandedTags tags = onStack(1, () -> MacroExpander.evaluate(Spec.parse(spec), MacroContext.defaults()));
        assertThat(tags.version().value()).isNull();
        assertThat(tags.version().reason()).isEqualTo("the spec nests macros too deeply for Keel to evaluate");
    }

    /** Runs {@code work} on a thread with a 512 KiB stack; any throwable, a StackOverflowError too, fails the test. */
    private static <T> T onSmallStack(Callable<T> work) throws InterruptedException {
        return onStack(512 * 1024, work);
    }

    @SuppressWarnings("unchecked")
    private static <T> T onStack(long bytes, Callable<T> work) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(work.call());
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "small-stack",
                bytes);
        thread.start();
        thread.join();
        if (outcome.get() instanceof Throwable t) {
            throw new AssertionError("failed on a stack of " + bytes + " bytes", t);
        }
        return (T) outcome.get();
    }
}
