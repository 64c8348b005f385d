package dev.keel.build.graph;

import dev.keel.spec.dependency.Dependency;
import java.util.List;

/**
 * A binary package a component builds, with everything it is known to provide: its own name and
 * {@code Provides:} (as rpm adds them), and what its {@code %files} make knowable (see
 * {@link FileProvides}).
 *
 * @param name the package's full name, or {@code null} when Keel cannot determine it
 * @param provides what it provides
 * @param requires its {@code Requires:}
 */
public record PackageFacts(String name, List<Dependency> provides, List<Dependency> requires) {

    public PackageFacts {
        provides = List.copyOf(provides);
        requires = List.copyOf(requires);
    }

    /** How the package is named in reports: its name, or {@code ?} when unknown. */
    public String label() {
        return name == null ? "?" : name;
    }
}
