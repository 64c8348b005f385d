package dev.keel.spec;

import java.util.Objects;

/**
 * The package a {@link SpecEditor} edit applies to: {@link #main()}, one package {@link #named} by
 * the user, or, for the edits that may span packages, {@link #any()}. Edits that need one package
 * take a {@link Single}, so "any package" cannot reach them.
 */
public sealed interface PackageSelector permits PackageSelector.Single, PackageSelector.Any {

    /** The main package: the preamble's tags, the sections whose header names no package. */
    static Single main() {
        return new Main();
    }

    /**
     * The package with that name, spelled as a section header spells it (a suffix such as {@code
     * devel}, or a full name such as {@code python3-foo}) or as the same full name once the spec's
     * own simple macros are expanded on both sides, so {@code %{name}-libs} also selects {@code
     * %package libs}.
     *
     * @throws IllegalArgumentException for an empty name (use {@link #main()})
     */
    static Single named(String name) {
        return new Named(name);
    }

    /** Every package, main one included. */
    static PackageSelector any() {
        return new Any();
    }

    /** Whether the package a section header names ({@code ref}) is selected, in {@code spec}. */
    boolean selects(Spec spec, PackageRef ref);

    /** A selector of one package. */
    sealed interface Single extends PackageSelector permits Main, Named {}

    /** See {@link PackageSelector#main()}. */
    record Main() implements Single {
        @Override
        public boolean selects(Spec spec, PackageRef ref) {
            return ref.isMain();
        }
    }

    /** See {@link PackageSelector#named(String)}. */
    record Named(String name) implements Single {
        public Named {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an empty package name; the main package is PackageSelector.main()");
            }
        }

        @Override
        public boolean selects(Spec spec, PackageRef ref) {
            return spec.packageMatches(ref, name);
        }
    }

    /** See {@link PackageSelector#any()}. */
    record Any() implements PackageSelector {
        @Override
        public boolean selects(Spec spec, PackageRef ref) {
            return true;
        }
    }
}
