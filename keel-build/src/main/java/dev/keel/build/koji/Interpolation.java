package dev.keel.build.koji;

import dev.keel.build.koji.IniFile.Entry;
import dev.keel.core.outcome.FailureException;
import java.util.Locale;
import java.util.Map;

/**
 * Python {@code configparser}'s basic interpolation, which koji's reader has on: {@code %(name)s}
 * is the value of {@code name} in the same section or in {@code [DEFAULT]}, {@code %%} is a
 * literal {@code %}, any other {@code %} is an error, and references nest at most 10 deep.
 */
final class Interpolation {

    private static final int MAX_DEPTH = 10;

    private final Map<String, Entry> scope;

    /** @param scope the keys a reference can name: the section's over those of {@code DEFAULT} */
    Interpolation(Map<String, Entry> scope) {
        this.scope = scope;
    }

    /** The value of {@code key} with every reference replaced. */
    String value(String key) throws FailureException {
        Entry entry = scope.get(key);
        StringBuilder out = new StringBuilder();
        expand(key, entry, entry.value(), out, 1);
        return out.toString();
    }

    private void expand(String key, Entry entry, String rest, StringBuilder out, int depth) throws FailureException {
        if (depth > MAX_DEPTH) {
            throw IniFile.failure(
                    entry.location(),
                    "the value of '" + key + "' nests %(...)s references more than " + MAX_DEPTH + " deep",
                    "look for a reference cycle, e.g. a = %(b)s and b = %(a)s");
        }
        int at = 0;
        while (at < rest.length()) {
            int percent = rest.indexOf('%', at);
            if (percent < 0) {
                out.append(rest, at, rest.length());
                return;
            }
            out.append(rest, at, percent);
            if (rest.startsWith("%%", percent)) {
                out.append('%');
                at = percent + 2;
            } else if (rest.startsWith("%(", percent)) {
                int close = rest.indexOf(')', percent + 2);
                if (close <= percent + 2 || !rest.startsWith(")s", close)) {
                    throw syntax(key, entry);
                }
                String name = rest.substring(percent + 2, close).toLowerCase(Locale.ROOT);
                Entry referenced = scope.get(name);
                if (referenced == null) {
                    throw IniFile.failure(
                            entry.location(),
                            "the value of '" + key + "' refers to '" + name + "', which is not set",
                            "set " + name + " in the same section or in [DEFAULT], or write %% for a literal %");
                }
                if (referenced.value().indexOf('%') >= 0) {
                    expand(key, entry, referenced.value(), out, depth + 1);
                } else {
                    out.append(referenced.value());
                }
                at = close + 2;
            } else {
                throw syntax(key, entry);
            }
        }
    }

    private static FailureException syntax(String key, Entry entry) {
        return IniFile.failure(
                entry.location(),
                "the value of '" + key + "' has a '%' that is neither '%%' nor a %(name)s reference",
                "koji's configuration reader interpolates values: write %% for a literal % (e.g. in a URL)");
    }
}
