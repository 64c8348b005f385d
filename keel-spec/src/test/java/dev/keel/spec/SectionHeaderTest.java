package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Section headers: every keyword, their arguments and package names. */
class SectionHeaderTest {

    private static SectionHeader onlyHeader(String line) {
        Spec spec = Spec.parse("Name: foo\n" + line + "\nbody\n");
        assertThat(spec.sections()).hasSize(2);
        return spec.section(1).header();
    }

    @ParameterizedTest
    @EnumSource(value = SectionKind.class, names = "PREAMBLE", mode = EnumSource.Mode.EXCLUDE)
    void everyKeywordOpensItsSection(SectionKind kind) {
        String header = kind == SectionKind.PACKAGE ? "%package devel" : kind.keyword();
        Spec spec = Spec.parse("Name: foo\n" + header + "\nbody line\n");

        assertThat(spec.sections()).hasSize(2);
        Section section = spec.section(1);
        assertThat(section.kind()).isEqualTo(kind);
        assertThat(section.name()).isEqualTo(kind.keyword());
        assertThat(section.firstLine()).isEqualTo(1);
        assertThat(section.endLine()).isEqualTo(3);
        assertThat(spec.element(1).kind()).isEqualTo(ElementKind.SECTION_HEADER);
        assertThat(spec.diagnostics()).isEmpty();
        assertThat(SectionKind.forKeyword(kind.keyword())).isEqualTo(kind);
    }

    @ParameterizedTest
    @EnumSource(value = SectionKind.class, names = "PREAMBLE", mode = EnumSource.Mode.EXCLUDE)
    void keywordsMatchIgnoringCaseAndKeepTheirSpelling(SectionKind kind) {
        String upper = kind.keyword().toUpperCase(Locale.ROOT);
        String header = kind == SectionKind.PACKAGE ? upper + " devel" : upper;
        Spec spec = Spec.parse(header + "\n");

        assertThat(spec.section(1).kind()).isEqualTo(kind);
        assertThat(spec.section(1).name()).isEqualTo(upper);
    }

    @Test
    void keywordsAreOnlyRecognisedAtColumnZero() {
        Spec spec = Spec.parse("""
                Name: foo
                 %build
                \t%files
                %build
                """);

        assertThat(spec.sections()).extracting(Section::kind).containsExactly(SectionKind.PREAMBLE, SectionKind.BUILD);
        assertThat(spec.section(1).firstLine()).isEqualTo(3);
        assertThat(spec.element(1).kind()).isEqualTo(ElementKind.TEXT);
        assertThat(spec.element(2).kind()).isEqualTo(ElementKind.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%package-foo", "%packages", "%files_devel", "%buildroot", "%prepare", "%%prep", "%{prep}"})
    void wordsThatOnlyStartWithAKeywordAreNotSections(String line) {
        Spec spec = Spec.parse("Name: foo\n" + line + "\n");

        assertThat(spec.sections()).hasSize(1);
        assertThat(spec.element(1).kind()).isEqualTo(ElementKind.TEXT);
    }

    @Test
    void subpackageNamesInSuffixAndFullForm() {
        Spec spec = Spec.parse("""
                Name: foo
                %package devel
                %package -n python3-foo
                %description devel
                %description -n python3-foo
                %files -n python3-foo
                %files devel
                %post devel
                %files
                """);

        assertThat(spec.sections())
                .extracting(Section::pkg)
                .containsExactly(
                        PackageRef.MAIN,
                        PackageRef.suffix("devel"),
                        PackageRef.full("python3-foo"),
                        PackageRef.suffix("devel"),
                        PackageRef.full("python3-foo"),
                        PackageRef.full("python3-foo"),
                        PackageRef.suffix("devel"),
                        PackageRef.suffix("devel"),
                        PackageRef.MAIN);
        assertThat(spec.section(2).header().arguments()).isEqualTo("-n python3-foo");
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void filesWithSeveralFileListsAndASuffix() {
        SectionHeader header = onlyHeader("%files -f a.lang -f b.lang devel");

        assertThat(header.keyword()).isEqualTo("%files");
        assertThat(header.fileLists()).containsExactly("a.lang", "b.lang");
        assertThat(header.pkg()).isEqualTo(PackageRef.suffix("devel"));
        assertThat(header.arguments()).isEqualTo("-f a.lang -f b.lang devel");
        assertThat(header.flags()).isEmpty();
        assertThat(header.interpreter()).isNull();
    }

    @Test
    void filesWithAConditionalFileListMacroStayMain() {
        SectionHeader header = onlyHeader("%files %{?with_maven:-f .mfiles}");

        assertThat(header.pkg()).isEqualTo(PackageRef.MAIN);
        assertThat(header.flags()).containsExactly("%{?with_maven:-f .mfiles}");
        assertThat(header.fileLists()).isEmpty();
    }

    @Test
    void filesWithConditionalMacroAndPackage() {
        SectionHeader header = onlyHeader("%files -n %{name}-data %{!?flat:-f data.list}");

        assertThat(header.pkg()).isEqualTo(PackageRef.full("%{name}-data"));
        assertThat(header.flags()).containsExactly("%{!?flat:-f data.list}");
    }

    @Test
    void scriptletInterpreters() {
        SectionHeader ldconfig = onlyHeader("%post -p /sbin/ldconfig");
        assertThat(ldconfig.interpreter()).isEqualTo("/sbin/ldconfig");
        assertThat(ldconfig.pkg()).isEqualTo(PackageRef.MAIN);

        SectionHeader lua = onlyHeader("%post -p <lua>");
        assertThat(lua.interpreter()).isEqualTo("<lua>");

        SectionHeader sub = onlyHeader("%postun -n libfoo -p /sbin/ldconfig");
        assertThat(sub.pkg()).isEqualTo(PackageRef.full("libfoo"));
        assertThat(sub.interpreter()).isEqualTo("/sbin/ldconfig");

        SectionHeader flags = onlyHeader("%pre -e -q devel");
        assertThat(flags.flags()).containsExactly("-e", "-q");
        assertThat(flags.pkg()).isEqualTo(PackageRef.suffix("devel"));
    }

    @Test
    void triggersKeepTheirCondition() {
        SectionHeader header = onlyHeader("%triggerin -n pkg -- other >= 1.0");

        assertThat(header.pkg()).isEqualTo(PackageRef.full("pkg"));
        assertThat(header.triggerCondition()).isEqualTo("other >= 1.0");
        assertThat(header.arguments()).isEqualTo("-n pkg -- other >= 1.0");

        SectionHeader suffix = onlyHeader("%triggerun devel -- bar, baz < 2");
        assertThat(suffix.pkg()).isEqualTo(PackageRef.suffix("devel"));
        assertThat(suffix.triggerCondition()).isEqualTo("bar, baz < 2");

        SectionHeader main = onlyHeader("%triggerpostun -- old");
        assertThat(main.pkg()).isEqualTo(PackageRef.MAIN);
        assertThat(main.triggerCondition()).isEqualTo("old");
    }

    @Test
    void fileTriggersKeepPriorityAndPaths() {
        SectionHeader header = onlyHeader("%filetriggerin -P 100 -- /usr/lib");

        assertThat(header.priority()).isEqualTo("100");
        assertThat(header.triggerCondition()).isEqualTo("/usr/lib");
        assertThat(header.pkg()).isEqualTo(PackageRef.MAIN);

        SectionHeader trans = onlyHeader("%transfiletriggerun -n foo-libs -p <lua> -P 2000 -- /lib /usr/lib64");
        assertThat(trans.pkg()).isEqualTo(PackageRef.full("foo-libs"));
        assertThat(trans.interpreter()).isEqualTo("<lua>");
        assertThat(trans.priority()).isEqualTo("2000");
        assertThat(trans.triggerCondition()).isEqualTo("/lib /usr/lib64");
    }

    @Test
    void scriptletLanguageOption() {
        SectionHeader header = onlyHeader("%description -l de devel");

        assertThat(header.language()).isEqualTo("de");
        assertThat(header.pkg()).isEqualTo(PackageRef.suffix("devel"));
    }

    @Test
    void descriptionWithATrailingMacroTakesItAsText() {
        Spec spec = Spec.parse("""
                Name: foo
                %global _description %{expand:
                Some text.}
                %description %{_description}
                %package -n python3-foo
                Summary: x
                %description -n python3-foo %{_description}
                %description %_description
                """);

        SectionHeader mainBraced = spec.section(1).header();
        assertThat(mainBraced.pkg()).isEqualTo(PackageRef.MAIN);
        assertThat(mainBraced.arguments()).isEqualTo("%{_description}");
        SectionHeader full = spec.section(3).header();
        assertThat(full.pkg()).isEqualTo(PackageRef.full("python3-foo"));
        assertThat(full.flags()).isEmpty();
        SectionHeader bare = spec.section(4).header();
        assertThat(bare.pkg()).isEqualTo(PackageRef.MAIN);
        assertThat(spec.diagnostics()).isEmpty();
        assertThat(spec.packages())
                .extracting(Spec.Subpackage::ref)
                .containsExactly(PackageRef.MAIN, PackageRef.full("python3-foo"));
    }

    @Test
    void descriptionNamingAKnownMacroSuffixIsThatPackage() {
        Spec spec = Spec.parse("""
                Name: foo
                %package %{srcname}
                Summary: x
                %description %{srcname}
                Text.
                """);

        assertThat(spec.section(1).pkg()).isEqualTo(PackageRef.suffix("%{srcname}"));
        assertThat(spec.section(2).pkg()).isEqualTo(PackageRef.suffix("%{srcname}"));
    }

    @Test
    void packageWithoutANameIsAnError() {
        Spec spec = Spec.parse("""
                Name: foo
                %package
                Summary: x
                """);

        assertThat(spec.diagnostics())
                .containsExactly(new Diagnostic(2, 1, Diagnostic.Severity.ERROR, "%package needs a sub-package name"));
        assertThat(spec.diagnostics().get(0).toString()).isEqualTo("2:1: error: %package needs a sub-package name");
        assertThat(spec.section(1).pkg()).isEqualTo(PackageRef.MAIN);
        assertThat(spec.packages()).hasSize(1);
    }

    @Test
    void optionWithoutItsArgumentIsAnError() {
        Spec spec = Spec.parse("Name: foo\n\n%files -f\n");

        assertThat(spec.diagnostics()).containsExactly(Diagnostic.error(3, "%files: option -f needs an argument"));
    }

    @Test
    void secondBareNameIsAWarning() {
        Spec spec = Spec.parse("%files devel extra\n");

        assertThat(spec.diagnostics()).containsExactly(Diagnostic.warning(1, "%files: unexpected argument 'extra'"));
        assertThat(spec.section(1).pkg()).isEqualTo(PackageRef.suffix("devel"));
    }

    @Test
    void sectionsWithoutPackagesIgnoreTheirArguments() {
        Spec spec = Spec.parse("""
                %prep -q
                %changelog devel
                %patchlist
                """);

        assertThat(spec.sections()).extracting(Section::pkg).containsOnly(PackageRef.MAIN);
        assertThat(spec.section(1).header().arguments()).isEqualTo("-q");
        assertThat(spec.section(1).header().flags()).isEmpty();
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void kindMetadata() {
        assertThat(SectionKind.PREAMBLE.keyword()).isNull();
        assertThat(SectionKind.forKeyword("%FiLeS")).isEqualTo(SectionKind.FILES);
        assertThat(SectionKind.forKeyword("%package-foo")).isNull();
        assertThat(SectionKind.PACKAGE.holdsTags()).isTrue();
        assertThat(SectionKind.PREAMBLE.holdsTags()).isTrue();
        assertThat(SectionKind.DESCRIPTION.holdsTags()).isFalse();
        assertThat(SectionKind.FILES.takesPackage()).isTrue();
        assertThat(SectionKind.SEPOLICY.takesPackage()).isTrue();
        assertThat(SectionKind.TRANSFILETRIGGERPOSTUN.takesPackage()).isTrue();
        assertThat(SectionKind.BUILD.takesPackage()).isFalse();
        assertThat(SectionKind.CHANGELOG.takesPackage()).isFalse();
        assertThat(SectionKind.PATCHLIST.category()).isEqualTo(SectionKind.Category.SOURCE_LIST);
        assertThat(List.of(SectionKind.values())).hasSize(38);
    }

    @Test
    void packageRefSpellings() {
        assertThat(PackageRef.MAIN.headerSpelling()).isEmpty();
        assertThat(PackageRef.suffix("devel").headerSpelling()).isEqualTo("devel");
        assertThat(PackageRef.full("python3-foo").headerSpelling()).isEqualTo("-n python3-foo");
        assertThat(PackageRef.suffix("devel").fullName("foo")).isEqualTo("foo-devel");
        assertThat(PackageRef.suffix("devel").fullName(null)).isNull();
        assertThat(PackageRef.full("x").fullName("foo")).isEqualTo("x");
        assertThat(PackageRef.MAIN.fullName("foo")).isEqualTo("foo");
    }

    @Test
    void aBareConditionalMacroIsAPackageNameButOneWithOptionsIsNot() {
        Spec spec = Spec.parse("""
                Name: lxc
                %package %{?subpkg}
                Summary: bindings
                %description %{?subpkg}
                text
                %files %{?subpkg} %{?with_maven:-f .mfiles}
                """);

        assertThat(spec.diagnostics()).isEmpty();
        assertThat(spec.sections().subList(1, 4))
                .extracting(s -> s.pkg())
                .containsOnly(PackageRef.suffix("%{?subpkg}"));
        assertThat(spec.section(3).header().flags()).containsExactly("%{?with_maven:-f .mfiles}");
    }
}
