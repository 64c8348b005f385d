package dev.keel.spec.macro;

import dev.keel.spec.dependency.Dependency;
import java.util.List;
import java.util.TreeSet;

/**
 * Dependencies after expansion: those Keel determined, each once and in rpm's order (as
 * {@code rpmspec -q} prints them), and why others could not be determined.
 *
 * @param values the determined dependencies, sorted by {@link Dependency#RPM_ORDER}, without duplicates
 * @param undeterminable one reason per value (or group of values) Keel could not determine
 * @param unversioned of the values Keel could not determine, those whose names it knows, only the
 *     version being unknown ({@code foo >= %{undefined}}), without their versions: not values (rpm
 *     would print the version), but enough to know which package is needed
 */
public record ExpandedDependencies(List<Dependency> values, List<String> undeterminable, List<Dependency> unversioned) {

    public static final ExpandedDependencies NONE = new ExpandedDependencies(List.of(), List.of());

    public ExpandedDependencies {
        values = sorted(values);
        undeterminable = List.copyOf(undeterminable);
        unversioned = sorted(unversioned);
    }

    /** Dependencies without unversioned ones. */
    public ExpandedDependencies(List<Dependency> values, List<String> undeterminable) {
        this(values, undeterminable, List.of());
    }

    private static List<Dependency> sorted(List<Dependency> dependencies) {
        TreeSet<Dependency> sorted = new TreeSet<>(Dependency.RPM_ORDER);
        sorted.addAll(dependencies);
        return List.copyOf(sorted);
    }

    /** None determined, for one reason (rpm rejects the spec, or Keel stopped). */
    static ExpandedDependencies undeterminable(String reason) {
        return new ExpandedDependencies(List.of(), List.of(reason));
    }

    /** Whether every value was determined. */
    public boolean complete() {
        return undeterminable.isEmpty();
    }

    /** The values as {@code rpmspec -q} prints them, one string each. */
    public List<String> strings() {
        return values.stream().map(Dependency::toString).toList();
    }
}
