package dev.keel.spec.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyParserTest {

    private static List<String> parse(String value) throws DependencyException {
        return DependencyParser.parse(value, 0, true).stream()
                .map(Dependency::toString)
                .toList();
    }

    @Test
    void blanksAndCommasSeparateAsInRpm() throws Exception {
        assertThat(parse("zlib-devel, gcc >= 4.0 make,perl(Foo)"))
                .containsExactly("zlib-devel", "gcc >= 4.0", "make", "perl(Foo)");
    }

    @Test
    void operatorsArePrintedInRpmsSpelling() throws Exception {
        assertThat(parse("a => 1 b =< 2 c == 3 d > 4 e < 5"))
                .containsExactly("a >= 1", "b <= 2", "c = 3", "d > 4", "e < 5");
    }

    @Test
    void anOperatorGluedToTheNameIsPartOfTheName() throws Exception {
        assertThat(parse("foo>=1")).containsExactly("foo>=1");
    }

    @Test
    void richDependenciesAreKeptWholeAndNormalizedAsRpmPrintsThem() throws Exception {
        assertThat(parse("(python3 or python2) (a if b >= 3, else c) x"))
                .containsExactly("(python3 or python2)", "(a if b >= 3 else c)", "x");
    }

    @Test
    void rpmlibDependenciesCarryRpmsFlag() throws Exception {
        assertThat(DependencyParser.parse("rpmlib(Foo)", 0, true).get(0).flags())
                .isEqualTo(Dependency.RPMLIB);
    }

    @Test
    void rpmsComplaintsAreKept() {
        assertThatThrownBy(() -> parse("%{py3_dist foo}")).hasMessageStartingWith("Dependency tokens must begin");
        assertThatThrownBy(() -> parse("foo >=")).hasMessage("Version required");
        assertThatThrownBy(() -> parse("/usr/bin/foo >= 1")).hasMessageStartingWith("Versioned file name");
        assertThatThrownBy(() -> parse("foo >= 1..2")).hasMessageStartingWith("Illegal sequence");
        assertThatThrownBy(() -> parse("foo >= 1$")).hasMessageStartingWith("Illegal char");
        assertThatThrownBy(() -> parse("foo >= x:1")).hasMessageStartingWith("Invalid version (epoch");
        assertThatThrownBy(() -> DependencyParser.parse("(a or b)", 0, false))
                .hasMessage("No rich dependencies allowed for this type");
    }

    @Test
    void badRichDependenciesAreRefusedAsRpmRefusesThem() {
        assertThatThrownBy(() -> parse("(a or b and c)")).hasMessage("Cannot chain different ops");
        assertThatThrownBy(() -> parse("(a if b if c)")).hasMessage("Can only chain and/or/with ops");
        assertThatThrownBy(() -> parse("(a xor b)")).hasMessage("Unknown rich dependency op 'xor'");
        assertThatThrownBy(() -> parse("(d or e,f)")).hasMessage("Unknown rich dependency op 'f'");
        assertThatThrownBy(() -> parse("()")).hasMessage("Empty rich dependency");
        assertThatThrownBy(() -> parse("(a or )")).hasMessage("Missing argument to rich dependency op");
        assertThatThrownBy(() -> parse("(a or b")).hasMessageStartingWith("Unterminated rich dependency");
        assertThatThrownBy(() -> parse("(a >= )")).hasMessage("Version required");
    }

    @Test
    void hostileNestingIsBoundedNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nested more than 100 levels");
        assertThatThrownBy(() -> parse("(".repeat(100_000))).isInstanceOf(DependencyException.class);
    }
}
