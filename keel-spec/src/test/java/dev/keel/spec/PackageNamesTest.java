package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** Package names: Spec.packages(), fullName(), mainName() and packageMatches(). */
class PackageNamesTest {

    @Test
    void packagesListsMainThenEverySubpackage() {
        Spec spec = Spec.parse("""
                %global srcname foo
                Name: python-%{srcname}
                %package -n python3-%{srcname}
                Summary: x
                %package doc
                Summary: y
                %description doc
                %package -n %{name}-libs
                """);

        assertThat(spec.mainName()).isEqualTo("python-foo");
        assertThat(spec.packages())
                .extracting(Spec.Subpackage::ref, Spec.Subpackage::fullName, Spec.Subpackage::section)
                .containsExactly(
                        tuple(PackageRef.MAIN, "python-foo", 0),
                        tuple(PackageRef.full("python3-%{srcname}"), "python3-foo", 1),
                        tuple(PackageRef.suffix("doc"), "python-foo-doc", 2),
                        tuple(PackageRef.full("%{name}-libs"), "python-foo-libs", 4));
    }

    @Test
    void namesExpandNestedSimpleMacrosAndBothSpellings() {
        Spec spec = Spec.parse("""
                %define base foo
                %global full %{base}-bar
                Name: %full
                Version: 1.2
                %package -n %{name}-%{version}-extra
                """);

        assertThat(spec.mainName()).isEqualTo("foo-bar");
        assertThat(spec.fullName(PackageRef.full("%{name}-%{version}-extra"))).isEqualTo("foo-bar-1.2-extra");
        assertThat(spec.fullName(PackageRef.suffix("%%x"))).isEqualTo("foo-bar-%x");
    }

    @Test
    void unknownMacrosGiveNull() {
        Spec spec = Spec.parse("""
                Name: %{pypi_name}
                %package devel
                %package -n lib%{?foo}
                """);

        assertThat(spec.mainName()).isNull();
        assertThat(spec.packages()).extracting(Spec.Subpackage::fullName).containsExactly(null, null, null);
    }

    @Test
    void macroDefinedInAConditionalIsUncertain() {
        Spec spec = Spec.parse("""
                %if 0%{?rhel}
                %global pyname foo
                %endif
                Name: %{pyname}
                %package -n python3-%{pyname}
                """);

        assertThat(spec.mainName()).isNull();
        assertThat(spec.fullName(PackageRef.full("python3-%{pyname}"))).isNull();
    }

    @Test
    void macroDefinedTwiceDifferentlyIsUncertain() {
        Spec spec = Spec.parse("""
                %global pyname foo
                %global pyname bar
                %global same x
                %global same x
                Name: %{pyname}
                %package -n %{same}-y
                """);

        assertThat(spec.mainName()).isNull();
        assertThat(spec.fullName(PackageRef.full("%{same}-y"))).isEqualTo("x-y");
    }

    @Test
    void undefinedParametricAndMultiLineMacrosAreUncertain() {
        Spec spec = Spec.parse("""
                %global a one
                %undefine a
                %define b(x) two
                %global c \\
                three
                Name: foo
                %package -n %{a}
                %package -n %{b}
                %package -n %{c}
                %package -n %{?a}
                %package -n %(echo x)
                """);

        assertThat(spec.packages())
                .extracting(Spec.Subpackage::fullName)
                .containsExactly("foo", null, null, null, null, null);
    }

    @Test
    void nameTagWithDifferentValuesIsUncertain() {
        Spec spec = Spec.parse("""
                %if 1
                Name: a
                %else
                Name: b
                %endif
                """);

        assertThat(spec.mainName()).isNull();
        assertThat(spec.tagValue("Name")).isEqualTo("a");
    }

    @Test
    void selfReferencingMacrosGiveNull() {
        Spec spec = Spec.parse("%global loop %{loop}x\nName: %{loop}\n");

        assertThat(spec.mainName()).isNull();
    }

    @Test
    void packageMatchesBySpellingOrExpandedFullName() {
        Spec spec = Spec.parse("""
                Name: foo
                %package libs
                %package -n python3-foo
                %package -n %{name}-tools
                """);
        PackageRef libs = spec.section(1).pkg();
        PackageRef python = spec.section(2).pkg();
        PackageRef tools = spec.section(3).pkg();

        assertThat(spec.packageMatches(libs, "libs")).isTrue();
        assertThat(spec.packageMatches(libs, "foo-libs")).isTrue();
        assertThat(spec.packageMatches(libs, "%{name}-libs")).isTrue();
        assertThat(spec.packageMatches(libs, "libs2")).isFalse();
        assertThat(spec.packageMatches(libs, "")).isFalse();
        assertThat(spec.packageMatches(python, "python3-foo")).isTrue();
        assertThat(spec.packageMatches(python, "python3-%{name}")).isTrue();
        assertThat(spec.packageMatches(python, "foo")).isFalse();
        assertThat(spec.packageMatches(tools, "%{name}-tools")).isTrue();
        assertThat(spec.packageMatches(tools, "foo-tools")).isTrue();
        assertThat(spec.packageMatches(PackageRef.MAIN, "")).isTrue();
        assertThat(spec.packageMatches(PackageRef.MAIN, "foo")).isTrue();
        assertThat(spec.packageMatches(PackageRef.MAIN, "libs")).isFalse();
    }

    @Test
    void packageMatchesOnlyBySpellingWhenTheNameIsUnknown() {
        Spec spec = Spec.parse("""
                Name: %{unknown}
                %package libs
                """);

        assertThat(spec.packageMatches(PackageRef.suffix("libs"), "libs")).isTrue();
        assertThat(spec.packageMatches(PackageRef.suffix("libs"), "%{unknown}-libs"))
                .isFalse();
    }
}
