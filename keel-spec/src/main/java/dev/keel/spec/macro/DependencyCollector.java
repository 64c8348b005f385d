package dev.keel.spec.macro;

import dev.keel.spec.dependency.Dependency;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Dependencies gathered while a spec is read, and the reasons some could not be determined. */
final class DependencyCollector {

    private final List<Dependency> values = new ArrayList<>();
    private final Set<String> undeterminable = new LinkedHashSet<>();
    private final List<Dependency> unversioned = new ArrayList<>();

    void addAll(List<Dependency> dependencies) {
        values.addAll(dependencies);
    }

    void add(Dependency dependency) {
        values.add(dependency);
    }

    void unknown(String reason) {
        undeterminable.add(reason);
    }

    /** Names of dependencies whose versions are unknown (their reason given to {@link #unknown}). */
    void unversioned(List<Dependency> names) {
        unversioned.addAll(names);
    }

    ExpandedDependencies result() {
        return new ExpandedDependencies(values, List.copyOf(undeterminable), unversioned);
    }
}
