package dev.keel.spec.macro;

import dev.keel.spec.dependency.Dependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The package names of a dependency list whose only unknown parts are versions: {@code a >=
 * %{undefined}, b} gives {@code a} and {@code b}. Nothing when a name itself is unknown (a macro or
 * an unknown marker in it) or the list has a rich dependency, whose structure rpm reads from the
 * expanded text.
 */
final class UnversionedNames {

    private static final Set<String> OPERATORS = Set.of("<", ">", "<=", ">=", "=", "==");

    private UnversionedNames() {}

    static List<Dependency> of(String value) {
        if (value.strip().startsWith("(")) {
            return List.of();
        }
        List<Dependency> names = new ArrayList<>();
        boolean versionNext = false;
        for (String token : value.split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (versionNext) {
                versionNext = false;
                continue;
            }
            if (OPERATORS.contains(token)) {
                if (names.isEmpty()) {
                    return List.of();
                }
                versionNext = true;
                continue;
            }
            if (token.indexOf('%') >= 0 || Unknowns.containsMarker(token) || token.startsWith("(")) {
                return List.of();
            }
            names.add(Dependency.of(token));
        }
        return versionNext ? List.of() : names;
    }
}
