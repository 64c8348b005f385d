package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile regexes are refused before they can take minutes or the whole heap; real ones compile. */
class BoundedRegexTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "((a{1000}){1000}){1000}",
                "(x{500}){500}",
                "((((a{10}){10}){10}){10}){10}",
                "(?:(?:(?:.{1000}){1000}){1000}){1000}",
                "([a-z]{1000}|b{1000}){1000}"
            })
    void nestedCountedRepetitionsAreRefusedWithoutCompiling(String regex) {
        // Compiled, the first one is a billion instructions: minutes of CPU, then OutOfMemoryError.
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> BoundedRegex.compile(regex))
                        .isInstanceOfSatisfying(BoundedRegex.InvalidRegexException.class, e -> {
                            assertThat(e.exceedsBound()).isTrue();
                            assertThat(e.description())
                                    .isEqualTo(
                                            "the pattern is too large: it compiles to more than 100,000 instructions,"
                                                    + " more than the 2,000 Keel allows");
                        }));
    }

    @Test
    void theExactSizeIsReportedJustAboveTheLimit() {
        assertThatThrownBy(() -> BoundedRegex.compile("(x{100}){20}"))
                .isInstanceOf(BoundedRegex.InvalidRegexException.class)
                .hasMessage("the pattern is too large: it compiles to 2,042 instructions, more than the 2,000 Keel"
                        + " allows");
    }

    @Test
    void theLargestSingleRepetitionRe2AcceptsFits() throws BoundedRegex.InvalidRegexException {
        Pattern pattern = BoundedRegex.compile("x{1000}");
        assertThat(pattern.programSize()).isLessThanOrEqualTo(BoundedRegex.MAX_PROGRAM_SIZE);
        assertThat(pattern.matcher("x".repeat(1000)).matches()).isTrue();
    }

    @Test
    void groupsNestedBeyondTheLimitAreRefused() throws BoundedRegex.InvalidRegexException {
        String atLimit = "(".repeat(BoundedRegex.MAX_NESTING) + "a" + ")".repeat(BoundedRegex.MAX_NESTING);
        assertThat(BoundedRegex.compile(atLimit).matcher("a").matches()).isTrue();
        for (String open : List.of("(", "(?:", "(a|", "(?P<n>")) {
            String deep = open.repeat(10_000) + "a" + ")".repeat(10_000);
            assertThatThrownBy(() -> BoundedRegex.compile(deep))
                    .isInstanceOf(BoundedRegex.InvalidRegexException.class)
                    .hasMessage("groups are nested more than 100 levels deep");
        }
    }

    @Test
    void parenthesesThatAreNotGroupsAreNotCounted() throws BoundedRegex.InvalidRegexException {
        String literal = "\\Q" + "(".repeat(500) + "\\E";
        assertThat(BoundedRegex.compile(literal).matcher("(".repeat(500)).matches())
                .isTrue();
        assertThat(BoundedRegex.compile("[(]{3}\\({2}[[:punct:]]")
                        .matcher("((((()")
                        .matches())
                .isTrue();
    }

    @Test
    void syntaxErrorsAreNotBounds() {
        assertThatThrownBy(() -> BoundedRegex.compile("(?<=x)y"))
                .isInstanceOfSatisfying(BoundedRegex.InvalidRegexException.class, e -> {
                    assertThat(e.exceedsBound()).isFalse();
                    assertThat(e.description()).isEqualTo("invalid named capture");
                });
        assertThatThrownBy(() -> BoundedRegex.compile("a{1001}"))
                .isInstanceOfSatisfying(
                        BoundedRegex.InvalidRegexException.class,
                        e -> assertThat(e.description()).isEqualTo("invalid repeat count"));
    }

    @Test
    void theRealAzureLinuxPatternsCompile() throws BoundedRegex.InvalidRegexException {
        for (String regex : List.of(
                "\\$RPM_BUILD_ROOT%\\{_sysconfdir\\}/\\{sysconfig,logrotate.d\\}",
                "Requires:       javapackages-local = %\\{version\\}-%\\{release\\}",
                "^touch -r examples/chrony.conf.example2 chrony.conf",
                "[0-9a-f]{40}")) {
            assertThat(BoundedRegex.compile(regex).programSize()).isLessThan(100);
        }
    }
}
