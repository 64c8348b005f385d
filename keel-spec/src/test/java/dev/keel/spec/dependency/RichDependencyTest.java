package dev.keel.spec.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichDependencyTest {

    @Test
    void operatorsChainAndNest() throws Exception {
        RichDependency rich = RichDependency.parse("(a or b or (c and d >= 2))");
        assertThat(rich).isInstanceOf(RichDependency.Operation.class);
        RichDependency.Operation or = (RichDependency.Operation) rich;
        assertThat(or.operator()).isEqualTo(RichDependency.Operator.OR);
        assertThat(or.operands()).hasSize(3);
        RichDependency.Operation and = (RichDependency.Operation) or.operands().get(2);
        assertThat(and.operator()).isEqualTo(RichDependency.Operator.AND);
        assertThat(((RichDependency.Simple) and.operands().get(1)).dependency().toString())
                .isEqualTo("d >= 2");
    }

    @Test
    void conditionalsKeepTheirElseBranch() throws Exception {
        RichDependency.Conditional ifElse = (RichDependency.Conditional)
                RichDependency.parse("(python3-setuptools if python3-devel >= 3.12 else b)");
        assertThat(ifElse.negated()).isFalse();
        assertThat(((RichDependency.Simple) ifElse.condition()).dependency().toString())
                .isEqualTo("python3-devel >= 3.12");
        assertThat(((RichDependency.Simple) ifElse.otherwise()).dependency().name())
                .isEqualTo("b");
        RichDependency.Conditional unless = (RichDependency.Conditional) RichDependency.parse("(a unless b)");
        assertThat(unless.negated()).isTrue();
        assertThat(unless.otherwise()).isNull();
    }

    @Test
    void namesMayHoldBalancedParentheses() throws Exception {
        RichDependency.Operation with = (RichDependency.Operation)
                RichDependency.parse("(crate(foo/default) >= 1.0 with crate(foo/default) < 2.0)");
        assertThat(with.operator()).isEqualTo(RichDependency.Operator.WITH);
        assertThat(((RichDependency.Simple) with.operands().get(0)).dependency().name())
                .isEqualTo("crate(foo/default)");
    }

    @Test
    void parenthesesAroundOneOperandAreKept() throws Exception {
        assertThat(RichDependency.parse("((foo))"))
                .isEqualTo(new RichDependency.Parenthesized(
                        new RichDependency.Parenthesized(new RichDependency.Simple(Dependency.of("foo")))));
        assertThat(RichDependency.parse("((foo))").toString()).isEqualTo("((foo))");
    }

    @Test
    void printsAsRpmNormalizesIt() throws Exception {
        // Checked with rpm 4.18's rpmspec -q --buildrequires.
        assertThat(RichDependency.parse("(  a   or\tb  )").toString()).isEqualTo("(a or b)");
        assertThat(RichDependency.parse("(c   >=   1 or d => 2 or e == 3,or f =< 4)")
                        .toString())
                .isEqualTo("(c >= 1 or d >= 2 or e = 3 or f <= 4)");
        assertThat(RichDependency.parse("(c>=1 or d=>2)").toString()).isEqualTo("(c>=1 or d=>2)");
        assertThat(RichDependency.parse("(a if b >= 3, else c)").toString()).isEqualTo("(a if b >= 3 else c)");
        assertThat(RichDependency.parse("(f(x86-64) with (g))").toString()).isEqualTo("(f(x86-64) with (g))");
    }
}
