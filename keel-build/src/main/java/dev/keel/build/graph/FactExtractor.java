package dev.keel.build.graph;

import dev.keel.spec.Spec;
import dev.keel.spec.dependency.Dependency;
import dev.keel.spec.macro.ExpandedPackage;
import dev.keel.spec.macro.ExpandedSpec;
import dev.keel.spec.macro.MacroContext;
import dev.keel.spec.macro.MacroExpander;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a component's facts from its rendered spec with the macro expander, as rpm would read it
 * for the target architecture: the Fedora layer of the component's upstream release, the caller's
 * defines ({@code dist}), the component's macros file (which the rendered spec loads from
 * {@code %{_sourcedir}}) and, for a stage-1 build, its build conditionals. A build requirement
 * whose version only is unknown ({@code foo >= %{undefined}}) is needed by name, at any version.
 */
public final class FactExtractor {

    /** Where the expander takes {@code %{_sourcedir}} to be: mock's, so the load line finds the macros file. */
    static final String SOURCE_DIR = "/builddir/build/SOURCES";

    private final String arch;
    private final Map<String, String> defines;

    /**
     * @param arch the target architecture ({@code %ifarch}, {@code %{_isa}}, {@code ExclusiveArch})
     * @param defines macros to define, such as {@code dist}
     */
    public FactExtractor(String arch, Map<String, String> defines) {
        this.arch = arch;
        this.defines = Map.copyOf(defines);
    }

    /**
     * The facts of one build of a component.
     *
     * @param spec the rendered spec
     * @param macros the rendered {@code <name>.azl.macros}, if the component has one
     * @param fedora the Fedora release of the component's upstream, for the Fedora macros, or {@code null}
     * @param stage the stage-1 build conditionals, or {@code null} for the normal build
     */
    public ComponentFacts extract(String component, byte[] spec, Optional<String> macros, Integer fedora, Stage stage) {
        ExpandedSpec expanded = MacroExpander.evaluateSpec(Spec.parse(spec), context(component, macros, fedora, stage));
        if (expanded.packages().isEmpty()) {
            return ComponentFacts.unreadable(component, String.join("; ", expanded.undeterminable()));
        }
        List<String> undeterminable = new ArrayList<>();
        expanded.undeterminable().forEach(reason -> undeterminable.add("spec: " + reason));
        if (!expanded.buildsFor(arch)) {
            undeterminable.add("not built for " + arch + " (ExclusiveArch/ExcludeArch)");
            return new ComponentFacts(component, List.of(), List.of(), undeterminable, false, null);
        }
        expanded.buildRequires().undeterminable().forEach(reason -> undeterminable.add("BuildRequires: " + reason));
        List<PackageFacts> packages = new ArrayList<>();
        for (ExpandedPackage pkg : expanded.packages()) {
            if (pkg.hasFiles()) {
                packages.add(facts(pkg, expanded.isa()));
            }
        }
        List<Dependency> buildRequires =
                new ArrayList<>(expanded.buildRequires().values());
        buildRequires.addAll(expanded.buildRequires().unversioned());
        return new ComponentFacts(
                component, packages, buildRequires, undeterminable, expanded.dynamicBuildRequires(), null);
    }

    /**
     * A built package's provides: rpm's (its name at its version, {@code Provides:}) and what its
     * files tell; when its version is unknown, its name without a version, which satisfies any
     * versioned requirement, so versions are then not checked.
     */
    private static PackageFacts facts(ExpandedPackage pkg, String isa) {
        List<Dependency> provides = new ArrayList<>(pkg.provides().values());
        String name = pkg.name().value();
        if (name != null && !pkg.evr().isDeterminable()) {
            provides.add(Dependency.of(name));
            if (!pkg.noarch() && !isa.isEmpty()) {
                provides.add(Dependency.of(name + isa));
            }
        }
        provides.addAll(FileProvides.of(pkg.files()));
        FileProvides.perlDistribution(name, pkg.files()).ifPresent(provides::add);
        return new PackageFacts(name, provides, pkg.requires().values());
    }

    private MacroContext context(String component, Optional<String> macros, Integer fedora, Stage stage) {
        MacroContext.Builder context = MacroContext.builder().arch(arch).define("_sourcedir", SOURCE_DIR);
        if (fedora != null) {
            context.fedora(fedora);
        }
        defines.forEach(context::define);
        macros.ifPresent(text -> context.macroFile(SOURCE_DIR + "/" + component + ".azl.macros", text));
        if (stage != null) {
            stage.with().forEach(context::with);
            stage.without().forEach(context::without);
        }
        return context.build();
    }

    /** The build conditionals of a stage-1 build. */
    public record Stage(List<String> with, List<String> without) {
        public Stage {
            with = List.copyOf(with);
            without = List.copyOf(without);
        }
    }
}
