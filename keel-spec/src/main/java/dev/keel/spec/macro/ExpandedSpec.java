package dev.keel.spec.macro;

import java.util.List;

/**
 * A whole spec after expansion, as {@code rpmspec -q} reads it: the source package's name, epoch,
 * version and release, its static build requirements ({@code rpmspec -q --buildrequires}), its
 * binary packages with what they provide and require, and its architecture restrictions.
 *
 * @param tags the main package's name, epoch, version and release
 * @param buildRequires every {@code BuildRequires:} of every preamble (rpm gives them all to the
 *     source package)
 * @param packages the main package first, then the {@code %package} ones in order
 * @param dynamicBuildRequires whether a {@code %generate_buildrequires} section adds build
 *     requirements that only the build itself computes
 * @param exclusiveArch the {@code ExclusiveArch:} architectures (empty: any)
 * @param excludeArch the {@code ExcludeArch:} architectures
 * @param undeterminable reasons that concern the spec as a whole: rpm rejects it, Keel stopped, or a
 *     condition Keel cannot decide may declare a package or section
 * @param isa what {@code %{?_isa}} expands to ({@code (x86-64)}), which rpm appends to an
 *     arch-specific package's name in its second own provide
 */
public record ExpandedSpec(
        ExpandedTags tags,
        ExpandedDependencies buildRequires,
        List<ExpandedPackage> packages,
        boolean dynamicBuildRequires,
        List<String> exclusiveArch,
        List<String> excludeArch,
        List<String> undeterminable,
        String isa) {

    public ExpandedSpec {
        packages = List.copyOf(packages);
        exclusiveArch = List.copyOf(exclusiveArch);
        excludeArch = List.copyOf(excludeArch);
        undeterminable = List.copyOf(undeterminable);
    }

    /** Nothing determinable, for one reason (rpm rejects the spec, or Keel stopped). */
    static ExpandedSpec undeterminable(String reason) {
        return new ExpandedSpec(
                ExpandedTags.undeterminable(reason),
                ExpandedDependencies.undeterminable(reason),
                List.of(),
                false,
                List.of(),
                List.of(),
                List.of(reason),
                "");
    }

    /**
     * Whether {@code rpmbuild} would build the spec for this target ({@code ExclusiveArch},
     * {@code ExcludeArch}), which it checks against {@code noarch} for a {@code BuildArch: noarch} spec.
     */
    public boolean buildsFor(String arch) {
        String target = !packages.isEmpty() && packages.get(0).noarch() ? "noarch" : arch;
        return (exclusiveArch.isEmpty() || exclusiveArch.contains(target)) && !excludeArch.contains(target);
    }
}
