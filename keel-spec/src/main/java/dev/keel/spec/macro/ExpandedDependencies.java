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
 */
public record ExpandedDependencies(List<Dependency> values, List<String> undeterminable) {

    public static final ExpandedDependencies NONE = new ExpandedDependencies(List.of(), List.of());

    public ExpandedDependencies {
        TreeSet<Dependency> sorted = new TreeSet<>(Dependency.RPM_ORDER);
        sorted.addAll(values);
        values = List.copyOf(sorted);
        undeterminable = List.copyOf(undeterminable);
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
