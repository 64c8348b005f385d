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

    void addAll(List<Dependency> dependencies) {
        values.addAll(dependencies);
    }

    void add(Dependency dependency) {
        values.add(dependency);
    }

    void unknown(String reason) {
        undeterminable.add(reason);
    }

    ExpandedDependencies result() {
        return new ExpandedDependencies(values, List.copyOf(undeterminable));
    }
}
