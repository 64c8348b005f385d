package dev.keel.core.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compiles RE2 regular expressions (overlay regexes and globs) within bounds that keep one match
 * cheap. re2j matches in linear time but has no bound of its own on the compiled program (RE2 C++
 * has one): nested counted repetitions such as {@code ((a{1000}){1000}){1000}} compile to a
 * billion instructions (an {@code OutOfMemoryError} after minutes), and deeply nested groups
 * overflow the stack. Keel refuses:
 *
 * <ul>
 *   <li>groups nested more than {@value #MAX_NESTING} levels deep;
 *   <li>a program of more than {@value #MAX_PROGRAM_SIZE} instructions (re2j's
 *       {@link Pattern#programSize()}; real overlays use under 100). Matching costs at most about
 *       one step per instruction and input character, so this bounds the time of a match by the
 *       length of the text.
 * </ul>
 *
 * A conservative estimate of the program size is checked before compiling, so a pattern that would
 * explode is refused without compiling it.
 */
public final class BoundedRegex {

    /** The most instructions a compiled pattern may have. */
    public static final int MAX_PROGRAM_SIZE = 2_000;

    /** The deepest nesting of groups a pattern may have. */
    public static final int MAX_NESTING = 100;

    /** An estimate above this is refused without compiling (the estimate overshoots the real size). */
    private static final long MAX_ESTIMATE = 50L * MAX_PROGRAM_SIZE;

    private static final long CEILING = 1L << 40;

    /** A pattern that is not valid RE2 syntax or exceeds a bound. */
    public static final class InvalidRegexException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean exceedsBound;

        InvalidRegexException(String description, boolean exceedsBound) {
            super(description, null, false, false);
            this.exceedsBound = exceedsBound;
        }

        /** What is wrong, without the pattern. */
        public String description() {
            return getMessage();
        }

        /** Whether the syntax is valid but the pattern is nested too deeply or too large. */
        public boolean exceedsBound() {
            return exceedsBound;
        }
    }

    private BoundedRegex() {}

    /** The compiled pattern; throws for invalid syntax and for a pattern beyond the bounds. */
    public static Pattern compile(String regex) throws InvalidRegexException {
        long estimate = estimate(regex);
        if (estimate > MAX_ESTIMATE) {
            throw tooLarge("more than " + String.format("%,d", MAX_ESTIMATE));
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidRegexException(e.getDescription(), false);
        }
        if (pattern.programSize() > MAX_PROGRAM_SIZE) {
            throw tooLarge(String.format("%,d", pattern.programSize()));
        }
        return pattern;
    }

    private static InvalidRegexException tooLarge(String size) {
        return new InvalidRegexException(
                "the pattern is too large: it compiles to " + size + " instructions, more than the "
                        + String.format("%,d", MAX_PROGRAM_SIZE) + " Keel allows",
                true);
    }

    /**
     * An upper bound of the compiled size: every atom counts 2, a group or repetition adds 2, and a
     * counted repetition multiplies what it repeats. Refuses nesting beyond {@link #MAX_NESTING}.
     */
    private static long estimate(String regex) throws InvalidRegexException {
        Deque<long[]> outer = new ArrayDeque<>();
        long total = 0;
        long last = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int next = i + 1;
            long atom = 2;
            switch (c) {
                case '\\' -> next = escapeEnd(regex, i);
                case '[' -> next = classEnd(regex, i);
                case '(' -> {
                    if (outer.size() >= MAX_NESTING) {
                        throw new InvalidRegexException(
                                "groups are nested more than " + MAX_NESTING + " levels deep", true);
                    }
                    outer.push(new long[] {total, last});
                    total = 0;
                    last = 0;
                    atom = -1;
                }
                case ')' -> {
                    if (outer.isEmpty()) {
                        break;
                    }
                    atom = total + 2;
                    long[] saved = outer.pop();
                    total = saved[0];
                }
                case '|' -> {
                    total = plus(total, 2);
                    last = 0;
                    atom = -1;
                }
                case '*', '+', '?' -> {
                    total = plus(total, 2);
                    last = plus(last, 2);
                    atom = -1;
                }
                case '{' -> {
                    int[] repeat = repeat(regex, i);
                    if (repeat != null) {
                        long repeated = plus(times(plus(last, 2), repeat[0]), 2);
                        total = plus(total - last, repeated);
                        last = repeated;
                        next = repeat[1];
                        atom = -1;
                    }
                }
                default -> {}
            }
            if (atom >= 0) {
                total = plus(total, atom);
                last = atom;
            }
            i = next;
        }
        while (!outer.isEmpty()) {
            total = plus(outer.pop()[0], plus(total, 2));
        }
        return plus(total, 4);
    }

    /** The end of an escape: {@code \Q...\E}, {@code \p{...}}, {@code \x{...}} or one character. */
    private static int escapeEnd(String regex, int at) {
        if (at + 1 >= regex.length()) {
            return regex.length();
        }
        char kind = regex.charAt(at + 1);
        if (kind == 'Q') {
            int end = regex.indexOf("\\E", at + 2);
            return end < 0 ? regex.length() : end + 2;
        }
        if ((kind == 'p' || kind == 'P' || kind == 'x') && at + 2 < regex.length() && regex.charAt(at + 2) == '{') {
            int close = regex.indexOf('}', at + 3);
            return close < 0 ? regex.length() : close + 1;
        }
        return at + 2;
    }

    /** The end of a character class: a leading {@code ]} is literal, {@code [:name:]} and escapes are skipped. */
    private static int classEnd(String regex, int at) {
        int i = at + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c == '\\') {
                i = escapeEnd(regex, i);
            } else if (c == '[' && regex.startsWith("[:", i)) {
                int close = regex.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else {
                i++;
            }
        }
        return regex.length();
    }

    /**
     * A counted repetition {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}: the most copies
     * it makes and where it ends; {@code null} when the brace is a literal.
     */
    private static int[] repeat(String regex, int at) {
        int i = at + 1;
        long min = 0;
        long max;
        int digits = 0;
        while (i < regex.length() && Character.isDigit(regex.charAt(i))) {
            min = Math.min(min * 10 + (regex.charAt(i++) - '0'), Integer.MAX_VALUE);
            digits++;
        }
        if (digits == 0 || i >= regex.length()) {
            return null;
        }
        if (regex.charAt(i) == '}') {
            return new int[] {(int) Math.max(min, 1), i + 1};
        }
        if (regex.charAt(i) != ',') {
            return null;
        }
        i++;
        if (i < regex.length() && regex.charAt(i) == '}') {
            return new int[] {(int) Math.min(min + 1, Integer.MAX_VALUE), i + 1};
        }
        max = 0;
        digits = 0;
        while (i < regex.length() && Character.isDigit(regex.charAt(i))) {
            max = Math.min(max * 10 + (regex.charAt(i++) - '0'), Integer.MAX_VALUE);
            digits++;
        }
        if (digits == 0 || i >= regex.length() || regex.charAt(i) != '}') {
            return null;
        }
        return new int[] {(int) Math.max(Math.max(min, max), 1), i + 1};
    }

    private static long plus(long a, long b) {
        return Math.min(a + b, CEILING);
    }

    private static long times(long a, long b) {
        return a > CEILING / Math.max(b, 1) ? CEILING : Math.min(a * b, CEILING);
    }
}
