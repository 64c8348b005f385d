package dev.keel.spec.macro;

import dev.keel.spec.dependency.Dependency;

/** One binary package while its spec is read: its name, version tags, dependencies and files. */
final class PackageState {

    final int line;
    ExpandedValue name;
    ExpandedValue epoch;
    ExpandedValue version;
    ExpandedValue release;
    boolean noarch;
    boolean hasFiles;
    final DependencyCollector provides = new DependencyCollector();
    final DependencyCollector requires = new DependencyCollector();
    final FileCollector files = new FileCollector();

    PackageState(int line, ExpandedValue name) {
        this.line = line;
        this.name = name;
    }

    /** A sub-package: it starts with the main package's epoch, version and release, as rpm copies them. */
    static PackageState subpackage(int line, ExpandedValue name, PackageState main) {
        PackageState state = new PackageState(line, name);
        state.epoch = main.epoch;
        state.version = main.version;
        state.release = main.release;
        state.noarch = main.noarch;
        return state;
    }

    /** The finished package; {@code isa} is what {@code %{?_isa}} expands to ({@code (x86-64)}), or empty. */
    ExpandedPackage result(String isa) {
        ExpandedValue evr = evr();
        ExpandedDependencies explicit = provides.result();
        DependencyCollector all = new DependencyCollector();
        all.addAll(explicit.values());
        explicit.undeterminable().forEach(all::unknown);
        if (name.isDeterminable() && evr.isDeterminable()) {
            all.add(Dependency.exactly(name.value(), evr.value()));
            if (!noarch && !isa.isEmpty()) {
                all.add(Dependency.exactly(name.value() + isa, evr.value()));
            }
        } else if (name.isDeterminable()) {
            all.unknown("the version of " + name.value() + " (its own provide): " + evr.reason());
        }
        return new ExpandedPackage(line, name, evr, noarch, hasFiles, all.result(), requires.result(), files.result());
    }

    private ExpandedValue evr() {
        for (ExpandedValue part : new ExpandedValue[] {version, release, epoch}) {
            if (part != null && !part.isDeterminable()) {
                return part;
            }
        }
        if (version == null || release == null) {
            return ExpandedValue.undeterminable("the package has no version or release");
        }
        String prefix = epoch == null ? "" : epoch.value() + ":";
        return ExpandedValue.of(prefix + version.value() + "-" + release.value());
    }
}
