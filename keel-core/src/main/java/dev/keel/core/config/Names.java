package dev.keel.core.config;

import dev.keel.core.config.model.Key;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Key spelling and "did you mean" suggestions. */
public final class Names {

    private Names() {}

    /** {@code renderedSpecsDir} becomes {@code rendered-specs-dir}. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The TOML spelling of an enum constant: its {@link Key} or its lower-case name. */
    public static String enumKey(Enum<?> constant) {
        try {
            Field field = constant.getDeclaringClass().getField(constant.name());
            Key key = field.getAnnotation(Key.class);
            return key != null ? key.value() : constant.name().toLowerCase(Locale.ROOT);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The closest candidate within a small edit distance, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = word.length() <= 3 ? 1 : Math.max(2, word.length() / 3);
        return candidates.stream()
                .filter(candidate ->
                        distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String candidate) -> distance(word, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
