package dev.keel.spec;

import static dev.keel.spec.EditAssertions.assertEdited;
import static dev.keel.spec.PackageSelector.main;
import static dev.keel.spec.PackageSelector.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** removeSection and removeSubpackage, with conditional balancing. */
class SpecEditorSectionTest {

    private static final String BY = "remove";

    private static SpecEditor editor(Spec spec) {
        return SpecEditor.of(spec, BY);
    }

    private static void assertRefused(Runnable edit, SpecEditException.Reason reason, String message) {
        assertThatThrownBy(edit::run).isInstanceOfSatisfying(SpecEditException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void removeSectionFromItsHeaderToTheNext() {
        Spec spec = Spec.parse("""
                Name: foo

                %check
                make test

                %install
                make install
                """);

        assertEdited(spec, editor(spec).removeSection("%check", main()), BY, """
                  Name: foo

                  %install
                  make install
                """);
    }

    @Test
    void removeTheLastSection() {
        Spec spec = Spec.parse("Name: foo\n%check\nmake test");

        assertEdited(spec, editor(spec).removeSection("%check", main()), BY, """
                  Name: foo
                """);
    }

    @Test
    void removeEveryInstanceOfTheSectionForThePackage() {
        Spec spec = Spec.parse("""
                %files
                /a
                %files devel
                /b
                %files
                /c
                %files -n foo-devel
                /d
                """);

        assertEdited(spec, editor(spec).removeSection("%files", main()), BY, """
                  %files devel
                  /b
                  %files -n foo-devel
                  /d
                """);
    }

    @Test
    void removeSectionOfASubpackageInEitherSpelling() {
        Spec spec = Spec.parse("""
                Name: foo
                %files devel
                /b
                %files -n foo-devel
                /d
                %files
                /a
                """);
        String expected = """
                  Name: foo
                  %files
                  /a
                """;

        assertEdited(spec, editor(spec).removeSection("%files", named("foo-devel")), BY, expected);
        assertEdited(spec, editor(spec).removeSection("%files", named("%{name}-devel")), BY, expected);
        assertEdited(spec, editor(spec).removeSection("%files", named("devel")), BY, """
                  Name: foo
                  %files -n foo-devel
                  /d
                  %files
                  /a
                """);
    }

    @Test
    void blocksFullyInsideTheRemovedSectionGoWithIt() {
        Spec spec = Spec.parse("""
                Name: foo
                %check
                %if %{with tests}
                %ifarch x86_64
                make test
                %else
                true
                %endif
                %endif
                %install
                """);

        assertEdited(spec, editor(spec).removeSection("%check", main()), BY, """
                  Name: foo
                  %install
                """);
    }

    @Test
    void straddlingBlockKeepsItsEndifAndTheLinesAfterIt() {
        Spec spec = Spec.parse("""
                Name: foo
                %if %{with tests}
                BuildRequires: pytest
                %check
                pytest
                %endif

                %install
                """);

        assertEdited(spec, editor(spec).removeSection("%check", main()), BY, """
                  Name: foo
                  %if %{with tests}
                  BuildRequires: pytest
                  %endif

                  %install
                """);
    }

    @Test
    void straddlingBlockKeepsItsIfAndWhatFollowsItWhenOnlyBlankAndCommentsFollowIt() {
        Spec spec = Spec.parse("""
                %files
                /usr/bin/foo
                %if %{with docs}
                # documentation

                %files doc
                /usr/share/doc/foo
                %endif
                """);

        assertEdited(spec, editor(spec).removeSection("%files", main()), BY, """
                  %if %{with docs}
                  # documentation

                  %files doc
                  /usr/share/doc/foo
                  %endif
                """);
    }

    @Test
    void nestedStraddlingBlocksKeepBothEndifs() {
        Spec spec = Spec.parse("""
                %if a
                %if b
                %files doc
                /doc
                %endif
                %endif
                %files devel
                """);

        assertEdited(spec, editor(spec).removeSection("%files", named("doc")), BY, """
                  %if a
                  %if b
                  %endif
                  %endif
                  %files devel
                """);
    }

    @Test
    void blockEnclosingTheWholeSectionIsLeftAlone() {
        Spec spec = Spec.parse("""
                %if 0%{?fedora}
                %pre
                echo pre
                %post
                echo post
                %endif
                """);

        assertEdited(spec, editor(spec).removeSection("%pre", main()), BY, """
                  %if 0%{?fedora}
                  %post
                  echo post
                  %endif
                """);
    }

    @Test
    void elseInsideTheRemovedRangeOfAContinuingBlockIsRefused() {
        Spec spec = Spec.parse("""
                Name: foo
                %if 0%{?rhel}
                %check
                make test
                %else
                %install
                make install
                %endif
                """);

        assertRefused(
                () -> editor(spec).removeSection("%check", main()),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "removing lines 3-5 would split the conditional block at line 2 (%if 0%{?rhel}): its %else"
                        + " branch lies in the removed lines but the block continues outside them");
    }

    @Test
    void contentAfterAStraddlingIfIsRefused() {
        Spec spec = Spec.parse("""
                %files
                /usr/bin/foo
                %if %{with docs}
                /usr/share/doc/foo
                %files doc
                %endif
                """);

        assertRefused(
                () -> editor(spec).removeSection("%files", main()),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "removing lines 1-4 would split the conditional block at line 3 (%if %{with docs}): content after"
                        + " its opening line lies in the removed lines but the block continues outside them");
    }

    @Test
    void contentAfterAStraddlingEndifInItsSectionIsRefused() {
        // Without tests, "rm -f x" belongs to %install: removing %check must not take it.
        Spec spec = Spec.parse("""
                %install
                make install
                %if %{with tests}
                %check
                make check
                %endif
                rm -f x
                %files
                """);

        assertRefused(
                () -> editor(spec).removeSection("%check", main()),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "removing lines 4-7 would split the conditional block at line 3 (%if %{with tests}): content after"
                        + " its %endif lies in the removed lines but the block continues outside them");
    }

    @Test
    void whatStaysAfterAStraddlingEndifMayHoldOnlyBlanksCommentsAndOpeningOrClosingDirectives() {
        // As azldev: an %else, or a %dnl comment, in the part of the range that would stay is content.
        Spec withElse = Spec.parse("""
                %if %{with docs}
                %files doc
                /doc
                %endif
                %if %{with html}
                %else
                %endif
                %files devel
                """);
        assertRefused(
                () -> editor(withElse).removeSection("%files", named("doc")),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "removing lines 2-7 would split the conditional block at line 1 (%if %{with docs}): content after"
                        + " its %endif lies in the removed lines but the block continues outside them");
        Spec withDnl = Spec.parse("""
                %if %{with docs}
                %files doc
                /doc
                %endif
                %dnl the devel files follow
                %files devel
                """);
        assertRefused(
                () -> editor(withDnl).removeSection("%files", named("doc")),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "removing lines 2-5 would split the conditional block at line 1 (%if %{with docs}): content after"
                        + " its %endif lies in the removed lines but the block continues outside them");
        Spec withHash = Spec.parse(withDnl.text().replace("%dnl", "#"));
        assertEdited(withHash, editor(withHash).removeSection("%files", named("doc")), BY, """
                  %if %{with docs}
                  %endif
                  # the devel files follow
                  %files devel
                """);
    }

    @Test
    void unbalancedConditionalsAreRefused() {
        assertRefused(
                () -> editor(Spec.parse("%check\n%if 1\nx\n%install\n")).removeSection("%check", main()),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "cannot remove lines safely: the spec's conditionals are unbalanced (line 2: unclosed %if)");
        assertRefused(
                () -> editor(Spec.parse("%check\nx\n%endif\n")).removeSection("%check", main()),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "cannot remove lines safely: the spec's conditionals are unbalanced (line 3: %endif with no %if)");
        assertRefused(
                () -> editor(Spec.parse("%check\n%if 1\n%else\n%else\n%endif\n%install\n"))
                        .removeSection("%install", main()),
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "cannot remove lines safely: the spec's conditionals are unbalanced (line 4: %else after %else)");
    }

    @Test
    void removeSectionArgumentsAreChecked() {
        Spec spec = Spec.parse("Name: foo\n%build\n");

        assertRefused(
                () -> editor(spec).removeSection("", main()),
                SpecEditException.Reason.INVALID_ARGUMENT,
                "the preamble cannot be removed as a section");
        assertRefused(
                () -> editor(spec).removeSection(null, main()),
                SpecEditException.Reason.INVALID_ARGUMENT,
                "the preamble cannot be removed as a section");
        assertRefused(
                () -> editor(spec).removeSection("%check", main()),
                SpecEditException.Reason.SECTION_NOT_FOUND,
                "no %check section for the main package");
    }

    @Test
    void removeSubpackageRemovesAllItsSections() {
        Spec spec = Spec.parse("""
                Name: foo
                Summary: Foo

                %package devel
                Summary: Development files

                %description
                Foo.

                %description devel
                Devel.

                %post devel -p /sbin/ldconfig

                %files
                /usr/bin/foo

                %files devel
                /usr/include/foo.h

                %changelog
                * Mon Jan 01 2024 A - 1
                """);
        Spec edited = editor(spec).removeSubpackage(named("devel"));

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Summary: Foo

                  %description
                  Foo.

                  %files
                  /usr/bin/foo

                  %changelog
                  * Mon Jan 01 2024 A - 1
                """);
        assertThat(edited.packages()).hasSize(1);
        assertThat(editor(spec).removeSubpackage(named("foo-devel")).text()).isEqualTo(edited.text());
    }

    @Test
    void removeSubpackageWithAFullNameAndItsWrappingConditional() {
        Spec spec = Spec.parse("""
                Name: foo
                %if %{with python}
                %package -n python3-foo
                Summary: Python

                %description -n python3-foo %{_description}
                %endif

                %files
                /usr/bin/foo

                %if %{with python}
                %files -n python3-foo
                /usr/lib/python3
                %endif
                """);

        assertEdited(spec, editor(spec).removeSubpackage(named("python3-foo")), BY, """
                  Name: foo
                  %if %{with python}
                  %endif

                  %files
                  /usr/bin/foo

                  %if %{with python}
                  %endif
                """);
    }

    @Test
    void removeSubpackageNeverRemovesMainPackageSections() {
        Spec spec = Spec.parse("""
                Name: foo
                %description
                Foo.
                %files
                /usr/bin/foo
                %package tools
                Summary: t
                %files tools
                """);

        assertRefused(
                () -> editor(spec).removeSubpackage(named("foo")),
                SpecEditException.Reason.SECTION_NOT_FOUND,
                "no section belongs to sub-package 'foo'");
        assertRefused(
                () -> editor(spec).removeSubpackage(main()),
                SpecEditException.Reason.INVALID_ARGUMENT,
                "the main package cannot be removed as a sub-package");
        assertThatNullPointerException().isThrownBy(() -> editor(spec).removeSubpackage(null));
        assertRefused(
                () -> editor(spec).removeSubpackage(named("docs")),
                SpecEditException.Reason.SECTION_NOT_FOUND,
                "no section belongs to sub-package 'docs'");
    }

    @Test
    void removeSubpackageRefusedWhenABranchWouldBeCut() {
        Spec spec = Spec.parse("""
                Name: foo
                %package devel
                %if 0%{?rhel}
                Requires: a
                %files devel
                %else
                %files
                %endif
                """);

        assertThatThrownBy(() -> editor(spec).removeSubpackage(named("devel")))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS);
                    assertThat(e.getMessage())
                            .startsWith("removing lines 2-4 would split the conditional block at line 3");
                });
    }

    @Test
    void removeSectionOnACrlfSpec() {
        Spec spec = Spec.parse("Name: foo\r\n%if 1\r\n%check\r\nx\r\n%endif\r\n");

        assertEdited(spec, editor(spec).removeSection("%check", main()), BY, """
                  Name: foo
                  %if 1
                  %endif
                """, "\r\n");
    }
}
