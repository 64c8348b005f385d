package dev.keel.build.graph;

import dev.keel.spec.dependency.Dependency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every provide of every package the distro builds, by name, to find who satisfies a requirement. */
final class ProviderIndex {

    /**
     * One package's provide.
     *
     * @param component the component that builds the package
     * @param packageIndex the package's position among the component's packages (its identity)
     * @param packageName the package's name, or {@code null} when unknown
     * @param provide what it provides
     */
    record Provider(String component, int packageIndex, String packageName, Dependency provide) {}

    private final Map<String, List<Provider>> byName = new HashMap<>();

    ProviderIndex(Collection<ComponentFacts> facts) {
        for (ComponentFacts component : facts) {
            List<PackageFacts> packages = component.packages();
            for (int i = 0; i < packages.size(); i++) {
                for (Dependency provide : packages.get(i).provides()) {
                    byName.computeIfAbsent(provide.name(), n -> new ArrayList<>())
                            .add(new Provider(
                                    component.component(), i, packages.get(i).name(), provide));
                }
            }
        }
    }

    /** The provides that satisfy a simple requirement (same name, overlapping versions). */
    List<Provider> providers(Dependency requirement) {
        List<Provider> found = new ArrayList<>();
        for (Provider provider : byName.getOrDefault(requirement.name(), List.of())) {
            if (requirement.satisfiedBy(provider.provide())) {
                found.add(provider);
            }
        }
        return found;
    }
}
