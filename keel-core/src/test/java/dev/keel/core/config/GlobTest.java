package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Globs match as azldev's doublestar does, in linear time, and hostile globs are refused. */
class GlobTest {

    @Test
    void matchesDoublestarSyntax() throws Glob.InvalidGlobException {
        assertThat(Glob.of("**/*.{patch,diff}").matches("a/b/fix.patch")).isTrue();
        assertThat(Glob.of("**/*.{patch,diff}").matches("fix.diff")).isTrue();
        assertThat(Glob.of("*.patch").matches("a/fix.patch")).isFalse();
        assertThat(Glob.of("[!a]?.c").matches("bx.c")).isTrue();
        assertThat(Glob.of("[!a]?.c").matches("ax.c")).isFalse();
        assertThat(Glob.of("a(b)+c$.txt").matches("a(b)+c$.txt")).isTrue();
        assertThat(Glob.of("\\*.txt").matches("*.txt")).isTrue();
        assertThat(Glob.of("\\*.txt").matches("a.txt")).isFalse();
    }

    @Test
    void manyWildcardsMatchInLinearTime() throws Glob.InvalidGlobException {
        // As a backtracking regex this takes longer than the age of the universe.
        Glob glob = Glob.of("*a".repeat(300) + "b");
        String name = "a".repeat(20_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> assertThat(glob.matches(name)).isFalse());
        assertThat(glob.matches("a".repeat(300) + "b")).isTrue();
    }

    @Test
    void bracesNestedBeyondTheLimitAreRefused() throws Glob.InvalidGlobException {
        String atLimit = "{a,".repeat(BoundedRegex.MAX_NESTING) + "b" + "}".repeat(BoundedRegex.MAX_NESTING);
        assertThat(Glob.of(atLimit).matches("b")).isTrue();
        String deep = "{a,".repeat(10_000) + "b" + "}".repeat(10_000);
        assertThatThrownBy(() -> Glob.of(deep))
                .isInstanceOf(Glob.InvalidGlobException.class)
                .hasMessage(
                        "invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100 levels" + " deep");
    }

    @Test
    void aGlobTooLargeToMatchCheaplyIsRefused() {
        assertThatThrownBy(() -> Glob.of("?".repeat(3000)))
                .isInstanceOf(Glob.InvalidGlobException.class)
                .hasMessage("invalid glob '" + "?".repeat(57) + "...': the pattern is too large: it compiles to"
                        + " 3,002 instructions, more than the 2,000 Keel allows");
    }
}
