package dev.keel.build.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.dependency.Dependency;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

    private static final String SPEC = """
            %{load:%{_sourcedir}/demo.azl.macros}
            %bcond tests 1
            %bcond_with docs
            Name: demo
            Version: 2.0
            Release: 3%{?dist}
            Summary: s
            License: MIT
            BuildRequires: gcc%{?_isa} >= 12, (python3 or python2)
            %if %{with tests}
            BuildRequires: pytest
            %endif
            %if %{with docs}
            BuildRequires: sphinx
            %endif
            %ifarch aarch64
            BuildRequires: arm-only
            %endif
            %if 0%{?fedora} >= 43
            BuildRequires: new-fedora
            %endif
            %description
            d
            %package devel
            Summary: x
            Provides: demo-headers = 2.0
            %description devel
            x
            %package unbuilt
            Summary: no files
            %description unbuilt
            u
            %files
            %{_bindir}/demo
            %{_libdir}/libdemo.so.2*
            %files devel
            %{_includedir}/demo.h
            %{_libdir}/pkgconfig/demo.pc
            """;

    private static ComponentFacts extract(FactExtractor extractor, Optional<String> macros, FactExtractor.Stage stage) {
        return extractor.extract("demo", SPEC.getBytes(StandardCharsets.UTF_8), macros, 43, stage);
    }

    private static List<String> strings(List<Dependency> dependencies) {
        return dependencies.stream().map(Dependency::toString).toList();
    }

    @Test
    void buildRequiresFollowConditionalsArchitectureBcondsAndTheMacrosFile() {
        ComponentFacts facts = extract(Specs.EXTRACTOR, Optional.of("%_with_docs 1\n"), null);
        assertThat(strings(facts.buildRequires()))
                .containsExactly("(python3 or python2)", "gcc(x86-64) >= 12", "new-fedora", "pytest", "sphinx");
        FactExtractor arm = new FactExtractor("aarch64", Map.of());
        assertThat(strings(extract(arm, Optional.of("# none\n"), null).buildRequires()))
                .containsExactly("(python3 or python2)", "arm-only", "gcc(aarch-64) >= 12", "new-fedora", "pytest");
    }

    @Test
    void onlyBuiltPackagesProvideTheirNamesProvidesAndFiles() {
        ComponentFacts facts = extract(Specs.EXTRACTOR, Optional.of("# none\n"), null);
        assertThat(facts.packages()).extracting(PackageFacts::name).containsExactly("demo", "demo-devel");
        assertThat(strings(facts.packages().get(0).provides()))
                .contains("demo = 2.0-3.azl4", "demo(x86-64) = 2.0-3.azl4", "/usr/bin/demo", "libdemo.so.2()(64bit)");
        assertThat(strings(facts.packages().get(1).provides()))
                .contains("demo-devel = 2.0-3.azl4", "demo-headers = 2.0", "/usr/include/demo.h", "pkgconfig(demo)");
    }

    @Test
    void aStageOneBuildUsesItsConditionals() {
        ComponentFacts stage =
                extract(Specs.EXTRACTOR, Optional.empty(), new FactExtractor.Stage(List.of(), List.of("tests")));
        assertThat(strings(stage.buildRequires())).doesNotContain("pytest");
    }

    @Test
    void whatCannotBeDeterminedIsSaidAndTheRestStands() {
        ComponentFacts facts =
                Specs.facts("x", Specs.spec("x", "BuildRequires: a\nBuildRequires: %{py3_dist b}\n", ""));
        assertThat(strings(facts.buildRequires())).containsExactly("a");
        assertThat(facts.undeterminable()).singleElement().asString().contains("%py3_dist");
    }

    @Test
    void aPackageWhoseVersionIsUnknownStillProvidesItsName() {
        ComponentFacts facts = Specs.facts("x", Specs.spec("x", "", "").replace("1%{?dist}", "%(echo 1)%{?dist}"));
        assertThat(strings(facts.packages().get(0).provides())).contains("x", "x(x86-64)");
    }

    @Test
    void aRequirementWhoseVersionOnlyIsUnknownIsNeededAtAnyVersion() {
        ComponentFacts facts =
                Specs.facts("x", Specs.spec("x", "BuildRequires: y >= %{majmin_ver_kf5}\nBuildRequires: z\n", ""));
        assertThat(strings(facts.buildRequires())).containsExactlyInAnyOrder("y", "z");
        assertThat(facts.undeterminable()).singleElement().asString().contains("%majmin_ver_kf5");
    }

    @Test
    void aSpecNotBuiltForTheArchitectureHasNoPackagesOrRequirements() {
        ComponentFacts facts = Specs.facts("x", Specs.spec("x", "ExclusiveArch: aarch64\nBuildRequires: a\n", ""));
        assertThat(facts.packages()).isEmpty();
        assertThat(facts.buildRequires()).isEmpty();
        assertThat(facts.undeterminable()).singleElement().asString().contains("not built for x86_64");
    }

    @Test
    void aMacrosFileTheSpecLoadsButKeelDoesNotHaveLeavesEverythingUndeterminable() {
        ComponentFacts facts = extract(Specs.EXTRACTOR, Optional.empty(), null);
        assertThat(facts.buildRequires()).isEmpty();
        assertThat(facts.undeterminable())
                .allSatisfy(reason -> assertThat(reason).contains("demo.azl.macros"));
    }

    @Test
    void aSpecRpmRejectsHasNoFacts() {
        ComponentFacts facts = Specs.facts("x", Specs.spec("x", "BuildRequires: foo >= 1..2\n", ""));
        assertThat(facts.unreadable()).startsWith("rpm rejects the spec");
    }
}
