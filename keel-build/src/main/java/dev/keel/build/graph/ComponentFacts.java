package dev.keel.build.graph;

import dev.keel.spec.dependency.Dependency;
import java.util.List;

/**
 * What one component (or its stage-1 build) builds and needs, read from its rendered spec with the
 * macro expander.
 *
 * @param component the component
 * @param packages the binary packages it builds (those with {@code %files}), in spec order
 * @param buildRequires its static build requirements
 * @param undeterminable why some build requirements or provides could not be determined
 * @param dynamicBuildRequires whether {@code %generate_buildrequires} adds requirements only the
 *     build computes
 * @param unreadable why there are no facts at all (no rendered spec, a failed render, rpm rejects
 *     the spec), or {@code null}
 */
public record ComponentFacts(
        String component,
        List<PackageFacts> packages,
        List<Dependency> buildRequires,
        List<String> undeterminable,
        boolean dynamicBuildRequires,
        String unreadable) {

    public ComponentFacts {
        packages = List.copyOf(packages);
        buildRequires = List.copyOf(buildRequires);
        undeterminable = List.copyOf(undeterminable);
    }

    /** A component Keel has no facts for, and why. */
    public static ComponentFacts unreadable(String component, String reason) {
        return new ComponentFacts(component, List.of(), List.of(), List.of(), false, reason);
    }
}
