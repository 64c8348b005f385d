package dev.keel.spec.macro;

/**
 * One binary package of a spec after expansion (the main package or a {@code %package} one).
 *
 * @param line the line of its {@code %package} header (1-based), or 0 for the main package
 * @param name the full name ({@code foo-devel} for {@code %package devel})
 * @param evr {@code [epoch:]version-release}, inherited from the main package unless the
 *     sub-package sets its own tags
 * @param noarch whether it is built for {@code noarch}
 * @param hasFiles whether it has a {@code %files} section; rpm builds only packages that have one
 * @param provides its own name at its version (and {@code name(isa)} for an arch-specific package,
 *     as rpm adds them) and its {@code Provides:}
 * @param requires its {@code Requires:} (with qualifiers such as {@code Requires(post):})
 * @param files what its {@code %files} sections list
 */
public record ExpandedPackage(
        int line,
        ExpandedValue name,
        ExpandedValue evr,
        boolean noarch,
        boolean hasFiles,
        ExpandedDependencies provides,
        ExpandedDependencies requires,
        ExpandedFiles files) {}
