package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.Spec;
import dev.keel.spec.dependency.Dependency;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link MacroExpander#evaluateSpec}: build requirements, packages, provides, requires and files. */
class ExpandedSpecTest {

    private static final MacroContext DIST =
            MacroContext.builder().define("dist", ".fc45").build();

    private static final String HEADER = "Name: demo\nVersion: 1.0\nRelease: 2%{?dist}\nSummary: s\nLicense: MIT\n";

    private static ExpandedSpec evaluate(String spec) {
        return evaluate(spec, DIST);
    }

    private static ExpandedSpec evaluate(String spec, MacroContext context) {
        return MacroExpander.evaluateSpec(Spec.parse(spec), context);
    }

    private static ExpandedPackage pkg(ExpandedSpec spec, String name) {
        return spec.packages().stream()
                .filter(p -> name.equals(p.name().value()))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class BuildRequires {

        @Test
        void everyPreambleGivesItsBuildRequiresToTheSourcePackageSortedAsRpmPrintsThem() {
            ExpandedSpec spec = evaluate(HEADER + """
                    BuildRequires: zlib-devel, gcc >= 4.0 make
                    BuildRequires: (python3 or python2) bar%{?_isa} >= 1:2
                    BuildRequires: /usr/bin/foo make
                    %description
                    d
                    %package devel
                    Summary: y
                    BuildRequires: late-br
                    %description devel
                    y
                    """);
            // rpm 4.18's rpmspec -q --buildrequires prints exactly these lines.
            assertThat(spec.buildRequires().strings())
                    .containsExactly(
                            "(python3 or python2)",
                            "/usr/bin/foo",
                            "bar(x86-64) >= 1:2",
                            "gcc >= 4.0",
                            "late-br",
                            "make",
                            "zlib-devel");
            assertThat(spec.buildRequires().complete()).isTrue();
        }

        @Test
        void conditionalsArchitecturesAndBuildConditionalsChooseAsInRpm() {
            String text = """
                    %bcond tests 1
                    %bcond_with docs
                    """ + HEADER + """
                    BuildArch: noarch
                    BuildRequires: gcc%{?_isa}
                    %if %{with tests}
                    BuildRequires: pytest
                    %endif
                    %if %{with docs}
                    BuildRequires: sphinx
                    %endif
                    %ifarch x86_64
                    BuildRequires: only-x86
                    %endif
                    %ifarch noarch
                    BuildRequires: only-noarch
                    %endif
                    %description
                    d
                    %files
                    """;
            // Both checked against rpmspec -q --buildrequires [--without tests --with docs].
            assertThat(evaluate(text).buildRequires().strings())
                    .containsExactly("gcc(x86-64)", "only-noarch", "pytest");
            MacroContext flipped =
                    DIST.toBuilder().without("tests").with("docs").build();
            assertThat(evaluate(text, flipped).buildRequires().strings())
                    .containsExactly("gcc(x86-64)", "only-noarch", "sphinx");
        }

        @Test
        void theTargetArchitectureDecidesIfarch() {
            String text = HEADER + "%ifarch aarch64\nBuildRequires: arm-only\n%else\nBuildRequires: other\n%endif\n"
                    + "BuildRequires: x%{?_isa}\n";
            assertThat(evaluate(text, DIST.toBuilder().arch("aarch64").build())
                            .buildRequires()
                            .strings())
                    .containsExactly("arm-only", "x(aarch-64)");
            assertThat(evaluate(text).buildRequires().strings()).containsExactly("other", "x(x86-64)");
        }

        @Test
        void aValueWithAMacroTheContextLacksIsUndeterminableNotGuessed() {
            ExpandedSpec spec = evaluate(HEADER + "BuildRequires: known\nBuildRequires: %{py3_dist foo}\n");
            assertThat(spec.buildRequires().strings()).containsExactly("known");
            assertThat(spec.buildRequires().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("line 7", "%py3_dist is not defined");
        }

        @Test
        void aConditionKeelCannotDecideMakesTheRequirementsItGuardsUndeterminable() {
            ExpandedSpec spec =
                    evaluate(HEADER + "%if %(test -e /x && echo 1 || echo 0)\nBuildRequires: maybe\n%endif\n"
                            + "BuildRequires: surely\n");
            assertThat(spec.buildRequires().strings()).containsExactly("surely");
            assertThat(spec.buildRequires().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("cannot decide");
        }

        @Test
        void aShellCommandInAValueIsNamed() {
            ExpandedSpec spec = evaluate("%global v %(echo 1.2)\n" + HEADER + "BuildRequires: foo >= %{v}\n");
            assertThat(spec.buildRequires().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("line 7: from line 1: the shell command %(echo 1.2) is not run");
        }

        @Test
        void aMacroLineInAPackagePreambleMayHideAnyTagButDoesNotSpoilTheRest() {
            ExpandedSpec spec = evaluate(HEADER + "BuildRequires: a\n%description\nd\n%package -n python3-demo\n"
                    + "Summary: p\n%py_provides python3-demo\nBuildRequires: b\n%description -n python3-demo\np\n");
            assertThat(spec.buildRequires().strings()).containsExactly("a", "b");
            assertThat(spec.buildRequires().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("%py_provides");
            assertThat(spec.tags().toQueryFormat()).isEqualTo("demo|(none)|1.0|2.fc45");
            assertThat(pkg(spec, "python3-demo").provides().complete()).isFalse();
        }

        @Test
        void dynamicBuildRequiresAreFlagged() {
            assertThat(evaluate(HEADER + "%description\nd\n%generate_buildrequires\n%pyproject_buildrequires\n")
                            .dynamicBuildRequires())
                    .isTrue();
            assertThat(evaluate(HEADER).dynamicBuildRequires()).isFalse();
        }

        @Test
        void whatRpmRejectsMakesEverythingUndeterminableWithRpmsWords() {
            ExpandedSpec spec = evaluate(HEADER + "BuildRequires: foo >= 1..2\n");
            assertThat(spec.buildRequires().undeterminable())
                    .singleElement()
                    .asString()
                    .isEqualTo("rpm rejects the spec: line 6: Illegal sequence \"..\" in: 1..2");
            assertThat(spec.packages()).isEmpty();
            assertThat(evaluate(HEADER + "%description\nd\n%files nothere\n").undeterminable())
                    .singleElement()
                    .asString()
                    .contains("package demo-nothere does not exist");
            assertThat(evaluate(HEADER + "%package a\nSummary: x\n%package a\nSummary: y\n")
                            .undeterminable())
                    .singleElement()
                    .asString()
                    .contains("package already exists: demo-a");
        }
    }

    @Nested
    class Packages {

        private static final String SPEC = HEADER + """
                Epoch: 2
                Provides: demo-compat = 1.0
                Requires: libx
                %description
                x
                %package devel
                Summary: y
                Requires: %{name}%{?_isa} = %{epoch}:%{version}-%{release}
                Requires(post,preun): coreutils
                Provides: demo-dev
                %description devel
                y
                %package -n other
                Summary: z
                BuildArch: noarch
                %description -n other
                z
                %package doc
                Summary: no files, not built
                Version: 9
                %description doc
                n
                %post devel -p /sbin/ldconfig
                %postun
                true
                %files
                /usr/bin/demo
                %files devel
                %{_libdir}/libdemo.so
                %files -n other
                """;

        @Test
        void packagesHaveTheirFullNamesAndProvideThemselvesAsRpmDoes() {
            ExpandedSpec spec = evaluate(SPEC);
            assertThat(spec.packages().stream().map(p -> p.name().value()))
                    .containsExactly("demo", "demo-devel", "other", "demo-doc");
            // rpmspec -q --provides, package by package.
            assertThat(pkg(spec, "demo").provides().strings())
                    .containsExactly("demo = 2:1.0-2.fc45", "demo(x86-64) = 2:1.0-2.fc45", "demo-compat = 1.0");
            assertThat(pkg(spec, "demo-devel").provides().strings())
                    .containsExactly("demo-dev", "demo-devel = 2:1.0-2.fc45", "demo-devel(x86-64) = 2:1.0-2.fc45");
            assertThat(pkg(spec, "other").provides().strings()).containsExactly("other = 2:1.0-2.fc45");
            assertThat(pkg(spec, "demo-doc").evr().value()).isEqualTo("2:9-2.fc45");
        }

        @Test
        void requiresIncludeQualifiedOnesAndScriptletInterpreters() {
            ExpandedSpec spec = evaluate(SPEC);
            assertThat(pkg(spec, "demo").requires().strings()).containsExactly("/bin/sh", "libx");
            assertThat(pkg(spec, "demo-devel").requires().strings())
                    .containsExactly("/sbin/ldconfig", "coreutils", "demo(x86-64) = 2:1.0-2.fc45");
        }

        @Test
        void onlyPackagesWithFilesAreBuilt() {
            ExpandedSpec spec = evaluate(SPEC);
            assertThat(spec.packages().stream()
                            .filter(ExpandedPackage::hasFiles)
                            .map(p -> p.name().value()))
                    .containsExactly("demo", "demo-devel", "other");
            assertThat(pkg(spec, "other").noarch()).isTrue();
        }

        @Test
        void aPackageNamedWithAMacroTheContextLacksIsStillMatchedToItsSections() {
            ExpandedSpec spec = evaluate(HEADER + "%description\nd\n%package -n python%{pyver}-demo\nSummary: p\n"
                    + "Provides: pydemo\n%description -n python%{pyver}-demo\np\n%files -n python%{pyver}-demo\n"
                    + "/usr/lib/pydemo\n");
            ExpandedPackage python = spec.packages().get(1);
            assertThat(python.name().isDeterminable()).isFalse();
            assertThat(python.hasFiles()).isTrue();
            assertThat(python.provides().strings()).contains("pydemo");
            assertThat(python.files().paths()).containsExactly("/usr/lib/pydemo");
        }

        @Test
        void aPackageDeclaredUnderAConditionKeelCannotDecideIsSaidToBeUnknown() {
            ExpandedSpec spec = evaluate(HEADER + "%description\nd\n%if %{lua: print(1)}\n%package extra\nSummary: e\n"
                    + "%description extra\ne\n%endif\n%files extra\n/x\n");
            assertThat(spec.packages()).hasSize(1);
            assertThat(spec.undeterminable())
                    .anySatisfy(reason -> assertThat(reason).contains("cannot decide"));
        }

        @Test
        void architectureRestrictionsAreRead() {
            assertThat(evaluate(HEADER + "ExclusiveArch: %{ix86} x86_64\n").buildsFor("x86_64"))
                    .isTrue();
            assertThat(evaluate(HEADER + "ExclusiveArch: aarch64\n").buildsFor("x86_64"))
                    .isFalse();
            assertThat(evaluate(HEADER + "ExcludeArch: x86_64\n").buildsFor("x86_64"))
                    .isFalse();
            assertThat(evaluate(HEADER + "BuildArch: noarch\nExclusiveArch: x86_64 noarch\n")
                            .buildsFor("x86_64"))
                    .isTrue();
            ExpandedSpec unknown = evaluate(HEADER + "ExclusiveArch: %{golang_arches}\n");
            assertThat(unknown.buildsFor("x86_64")).isTrue();
            assertThat(unknown.undeterminable()).singleElement().asString().contains("%golang_arches");
        }
    }

    @Nested
    class Files {

        @Test
        void entriesAreReadAsRpmReadsThem() {
            ExpandedSpec spec = evaluate(HEADER + """
                    %description
                    d
                    %files -f demo.lang
                    %license COPYING
                    %doc README /usr/share/doc/demo/extra.txt
                    %attr(0755, root, root) %{_bindir}/demo
                    %config(noreplace) %{_sysconfdir}/demo.conf
                    %dir %{_libdir}/demo
                    %{_libdir}/libdemo.so.1*
                    %{_libdir}/pkgconfig/demo.pc
                    %ghost /run/demo.pid
                    %exclude %{_libdir}/*.la
                    "/usr/share/demo/with space"
                    # a comment
                    %{python3_sitelib}/demo
                    """);
            ExpandedFiles files = pkg(spec, "demo").files();
            assertThat(files.paths())
                    .containsExactly(
                            "/usr/share/doc/demo/extra.txt",
                            "/usr/bin/demo",
                            "/etc/demo.conf",
                            "/usr/lib64/libdemo.so.1*",
                            "/usr/lib64/pkgconfig/demo.pc",
                            "/run/demo.pid",
                            "/usr/share/demo/with space");
            assertThat(files.directories()).containsExactly("/usr/lib64/demo");
            assertThat(files.fileLists()).containsExactly("demo.lang");
            assertThat(files.undeterminable()).singleElement().asString().contains("%{python3_sitelib}/demo");
        }

        @Test
        void entriesUnderAConditionKeelCannotDecideAreSaidToBeUnknown() {
            ExpandedSpec spec = evaluate(HEADER + "%description\nd\n%files\n/a\n%if %{lua: print(1)}\n/b\n%endif\n");
            assertThat(pkg(spec, "demo").files().paths()).containsExactly("/a");
            assertThat(pkg(spec, "demo").files().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("cannot decide");
        }
    }

    @Nested
    class MacroFiles {

        private static final String SPEC = "%{load:%{_sourcedir}/demo.azl.macros}\n%bcond tests 1\n" + HEADER
                + "%if %{with tests}\nBuildRequires: pytest\n%endif\nBuildRequires: foo >= %{?minimum}%{!?minimum:1}\n";

        @Test
        void aLoadedMacrosFileDefinesItsMacros() {
            MacroContext context = DIST.toBuilder()
                    .define("_sourcedir", "/src")
                    .macroFile("/src/demo.azl.macros", "# generated\n%_without_tests 1\n%minimum 2.5\n")
                    .build();
            assertThat(evaluate(SPEC, context).buildRequires().strings()).containsExactly("foo >= 2.5");
        }

        @Test
        void aMacrosFileKeelDoesNotHaveMakesWhatFollowsUndeterminable() {
            ExpandedSpec spec =
                    evaluate(SPEC, DIST.toBuilder().define("_sourcedir", "/src").build());
            assertThat(spec.buildRequires().complete()).isFalse();
            assertThat(spec.buildRequires().undeterminable())
                    .allSatisfy(reason -> assertThat(reason).contains("reads macros from a file Keel does not read"));
        }
    }

    @Nested
    class PartialMacroSets {

        @Test
        void anIncludeAfterTheMainPreambleLeavesTheRestKnown() {
            ExpandedSpec spec =
                    evaluate(HEADER + "BuildRequires: a\n%description\nd\n%files\n/x\n%include %{SOURCE1}\n");
            assertThat(spec.buildRequires().strings()).containsExactly("a");
            assertThat(pkg(spec, "demo").files().paths()).containsExactly("/x");
            assertThat(pkg(spec, "demo").files().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("%include");
            assertThat(evaluate("%include x.inc\n" + HEADER).packages()).isEmpty();
        }

        @Test
        void withTheFedoraLayerAConditionOnAMacroKeelLacksIsUndecidedNotRejected() {
            String text = HEADER + "%if %{glibc_autorequires}\nBuildRequires: maybe\n%endif\nBuildRequires: sure\n";
            ExpandedSpec fedora = evaluate(text, DIST.toBuilder().fedora(43).build());
            assertThat(fedora.buildRequires().strings()).containsExactly("sure");
            assertThat(fedora.buildRequires().undeterminable())
                    .singleElement()
                    .asString()
                    .contains("cannot decide", "%glibc_autorequires is not defined");
            // Stock rpm (Debian's) has no such macro either, and rejects the spec: so does Keel without the layer.
            assertThat(evaluate(text).undeterminable())
                    .singleElement()
                    .asString()
                    .startsWith("rpm rejects the spec");
        }

        @Test
        void theFedoraLayerKnowsTheMainPython() {
            String text = HEADER.replace("Name: demo", "Name: python3.14") + """
                    %global pybasever 3.14
                    %bcond main_python %["%{?__default_python3_pkgversion}" == "%{pybasever}"]
                    %if %{with main_python}
                    Provides: python3-devel
                    %endif
                    %description
                    d
                    %files
                    """;
            assertThat(pkg(evaluate(text, DIST.toBuilder().fedora(43).build()), "python3.14")
                            .provides()
                            .strings())
                    .contains("python3-devel");
            assertThat(pkg(evaluate(text, DIST.toBuilder().fedora(41).build()), "python3.14")
                            .provides()
                            .strings())
                    .doesNotContain("python3-devel");
        }

        @Test
        void aRequirementWhoseVersionOnlyIsUnknownKeepsItsName() {
            ExpandedDependencies requires = evaluate(HEADER + """
                            BuildRequires: extra-cmake-modules >= %{majmin_ver_kf5}, kf5-rpm-macros >= %{majmin_ver_kf5}
                            BuildRequires: plasma-breeze-devel >= %(echo 6.7.4 | cut -d. -f1-3) sure
                            BuildRequires: %{kf5_name}-devel >= 1
                            BuildRequires: (a if %{cond})
                            BuildRequires: plain
                            %description
                            d
                            %files
                            """).buildRequires();
            assertThat(requires.strings()).containsExactly("plain");
            assertThat(requires.unversioned().stream().map(Dependency::toString))
                    .containsExactly("extra-cmake-modules", "kf5-rpm-macros", "plasma-breeze-devel", "sure");
            assertThat(requires.undeterminable()).hasSize(4);
        }

        @Test
        void theFedoraLayerHasRpmautospecsFallbackAutorelease() {
            String text = """
                    Name: cargo-rpm-macros
                    Version: 28.5
                    Release: %autorelease
                    Summary: s
                    License: MIT
                    Provides: rust-packaging = %{version}-%{release}
                    Provides: pre = %{version}-%{autorelease -p -e rc1 -b 3}
                    Provides: bare = %{autorelease -n}
                    %description
                    d
                    %files
                    """;
            assertThat(evaluate(text, DIST.toBuilder().fedora(43).build())
                            .packages()
                            .get(0)
                            .provides()
                            .strings())
                    .contains("rust-packaging = 28.5-1.fc45", "pre = 28.5-0.3.rc1.fc45", "bare = 1");
            ExpandedDependencies stock = evaluate(text).packages().get(0).provides();
            assertThat(stock.values()).as("without the layer, as stock rpm").isEmpty();
            assertThat(stock.undeterminable()).allMatch(reason -> reason.contains("%autorelease (rpmautospec)"));
        }

        @Test
        void sectionsNamingTheMainPackageFindItWhenItsVersionIsUnknown() {
            ExpandedSpec spec = evaluate("""
                    Name: ddiskit
                    Version: 3.6
                    %forgemeta
                    Release: 1
                    %description -n ddiskit
                    d
                    %files -n ddiskit
                    /usr/bin/ddiskit
                    """);
            assertThat(spec.packages())
                    .singleElement()
                    .satisfies(p -> assertThat(p.files().paths()).containsExactly("/usr/bin/ddiskit"));
        }
    }

    @Test
    void aHostileSpecNeverThrows() {
        for (String text : List.of(
                "%files\n%files\n",
                "%package\n",
                "Name: x\n%package -n\n",
                "%description -n\n",
                "Name: a\nVersion: 1\nRelease: 1\nBuildRequires: " + "(".repeat(5000) + "\n",
                "%files -f\n\"unterminated",
                "Name: a\nVersion: 1\nRelease: 1\n%files\n%attr(\n%dir\n")) {
            ExpandedSpec spec = evaluate(text);
            assertThat(spec).isNotNull();
        }
    }
}
