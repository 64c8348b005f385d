package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spec.dependency.RpmVersions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private final Unknowns unknowns = new Unknowns();

    private String evaluate(String expression) throws Expression.Invalid {
        return Expression.format(Expression.evaluate(expression, null, unknowns, new Expression.Nesting()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "1 + 2 * 3 - 4 / 2 => 5",
                "(1 + 2) * 3 => 9",
                "-3 + 1 => -2",
                "045 == 45 => 1",
                "2 > 1 && 3 >= 3 && 1 < 2 && 2 <= 2 && 1 != 2 => 1",
                "0 || 0 => 0",
                "0 || 7 => 7",
                "!0 => 1",
                "!5 => 0",
                "!\"\" => 1",
                "\"abc\" == \"abc\" => 1",
                "\"abc\" < \"abd\" => 1",
                "\"a\" + \"b\" => ab",
                "1 ? \"yes\" : \"no\" => yes",
                "0 ? 1 : 2 => 2",
                "v\"1.10\" > v\"1.9\" => 1",
                "v\"1.0~rc1\" < v\"1.0\" => 1",
                "v\"1.0^git1\" > v\"1.0\" => 1",
                "v\"2:1.0\" > v\"1:9.9\" => 1",
                "v\"1.0-2\" > v\"1.0-1\" => 1",
                "v\"1.0-1\" == v\"1.0-1\" => 1",
            })
    void evaluatesLikeRpm(String expression, String expected) throws Expression.Invalid {
        assertThat(evaluate(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "1 == \"1\" => types must match",
                "foo == 1 => bare words are no longer supported",
                "\"a\" - \"b\" => - not supported for strings",
                "1 / 0 => division by zero",
                "(1 => unmatched (",
                "1 = 1 => syntax error while parsing ==",
                "\"open => unterminated string",
                "1 2 => syntax error in expression",
                "%{foo} => parse error in expression",
            })
    void rejectsWhatRpmRejects(String expression, String message) {
        assertThatThrownBy(() -> evaluate(expression))
                .isInstanceOf(Expression.Invalid.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "UNKNOWN == 1 => ",
                "0 && UNKNOWN => 0",
                "1 || UNKNOWN => 1",
                "UNKNOWN && 0 => 0",
                "UNKNOWN || 3 => 3"
            })
    void unknownOperandsPropagateUnlessTheResultIsDecided(String expression, String expected)
            throws Expression.Invalid {
        String marker = unknowns.marker("a shell command");
        String result = evaluate(expression.replace("UNKNOWN", marker));
        if (expected == null) {
            assertThat(unknowns.reasonsIn(result)).containsExactly("a shell command");
        } else {
            assertThat(result).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0, 0",
        "1.0, 1.0.1, -1",
        "1.a, 1.1, -1",
        "2.0, 1.999, 1",
        "1.01, 1.1, 0",
        "1~b, 1~a, 1",
        "1_0, 1.0, 0"
    })
    void comparesVersionsLikeRpmvercmp(String a, String b, int expected) {
        assertThat(RpmVersions.rpmvercmp(a, b)).isEqualTo(expected);
        assertThat(RpmVersions.rpmvercmp(b, a)).isEqualTo(-expected);
    }
}
