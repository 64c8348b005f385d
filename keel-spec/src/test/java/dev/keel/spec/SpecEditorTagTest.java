package dev.keel.spec;

import static dev.keel.spec.EditAssertions.assertEdited;
import static dev.keel.spec.PackageSelector.main;
import static dev.keel.spec.PackageSelector.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** addTag, insertTag, setTag, updateTag and removeTag. */
class SpecEditorTagTest {

    private static final String BY = "overlay 1";

    private static final String SPEC = """
            Name: foo
            Version: 1.0
            Patch0: a.patch
            Patch2: b.patch
            BuildRequires: gcc

            %description
            Foo.

            %package devel
            Summary: Development files
            Requires: foo = 1.0

            %description devel
            Devel.
            """;

    private static SpecEditor editor(Spec spec) {
        return SpecEditor.of(spec, BY);
    }

    @Test
    void addTagGoesAtTheEndOfThePreamble() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).addTag(main(), "License", "MIT");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Version: 1.0
                  Patch0: a.patch
                  Patch2: b.patch
                  BuildRequires: gcc

                + License: MIT
                  %description
                  Foo.

                  %package devel
                  Summary: Development files
                  Requires: foo = 1.0

                  %description devel
                  Devel.
                """);
        assertThat(edited.tagValue("License")).isEqualTo("MIT");
    }

    @Test
    void addTagGoesAtTheEndOfThePackageBlockAndKeepsExistingTags() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).addTag(named("devel"), "Requires", "bar");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Version: 1.0
                  Patch0: a.patch
                  Patch2: b.patch
                  BuildRequires: gcc

                  %description
                  Foo.

                  %package devel
                  Summary: Development files
                  Requires: foo = 1.0

                + Requires: bar
                  %description devel
                  Devel.
                """);
        assertThat(edited.tags(PackageRef.suffix("devel")))
                .extracting(Tag::value)
                .containsExactly("Development files", "foo = 1.0", "bar");
    }

    @Test
    void addTagFindsTheSubpackageByItsFullName() {
        Spec spec = Spec.parse(SPEC);

        assertThat(editor(spec).addTag(named("foo-devel"), "Provides", "x").text())
                .isEqualTo(editor(spec).addTag(named("devel"), "Provides", "x").text());
        assertThat(editor(spec).addTag(named("%{name}-devel"), "Provides", "x").text())
                .isEqualTo(editor(spec).addTag(named("devel"), "Provides", "x").text());
    }

    @Test
    void addTagToAFileWithoutFinalNewline() {
        Spec spec = Spec.parse("Name: foo\nVersion: 1");
        Spec edited = editor(spec).addTag(main(), "Release", "1");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Version: 1
                + Release: 1
                """);
    }

    @Test
    void addTagToAnEmptySpec() {
        Spec spec = Spec.parse("");

        assertEdited(spec, editor(spec).addTag(main(), "Name", "x"), BY, """
                + Name: x
                """);
    }

    @Test
    void addTagToASpecWithoutPreambleGoesAtTheTop() {
        Spec spec = Spec.parse("%description\nText.\n");

        assertEdited(spec, editor(spec).addTag(main(), "Name", "x"), BY, """
                + Name: x
                  %description
                  Text.
                """);
    }

    @Test
    void addTagDoesNotLandInsideATrailingConditionalOfTheSection() {
        Spec spec = Spec.parse("""
                Name: foo
                %if 0%{?fedora}
                BuildRequires: python3
                %else
                BuildRequires: python2
                %endif
                %if %{with tests}
                BuildRequires: pytest
                %description
                %endif
                Text.
                """);
        Spec edited = editor(spec).addTag(main(), "License", "MIT");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %if 0%{?fedora}
                  BuildRequires: python3
                  %else
                  BuildRequires: python2
                  %endif
                + License: MIT
                  %if %{with tests}
                  BuildRequires: pytest
                  %description
                  %endif
                  Text.
                """);
        assertThat(edited.elementAtLine(6).block()).isEqualTo(-1);
    }

    @Test
    void addTagInsideABlockThatEnclosesTheWholeSection() {
        Spec spec = Spec.parse("""
                Name: foo
                %if %{with devel}
                %package devel
                Summary: d

                %description devel
                Devel.
                %endif
                """);
        Spec edited = editor(spec).addTag(named("devel"), "Requires", "x");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %if %{with devel}
                  %package devel
                  Summary: d

                + Requires: x
                  %description devel
                  Devel.
                  %endif
                """);
        assertThat(edited.elementAtLine(5).block()).isZero();
        assertThat(edited.tags(PackageRef.suffix("devel")))
                .extracting(Tag::name)
                .containsExactly("Summary", "Requires");
    }

    @Test
    void addTagStaysInsideABlockAroundThePackageHeaderThatClosesInTheSection() {
        // When the condition is false, lines after the %endif belong to the previous section.
        Spec spec = Spec.parse("""
                Name: foo
                %files
                /usr/bin/foo
                %if %{with devel}
                %package devel
                Summary: d
                %endif

                %description
                Foo.
                """);
        Spec edited = editor(spec).addTag(named("devel"), "Requires", "x");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %files
                  /usr/bin/foo
                  %if %{with devel}
                  %package devel
                  Summary: d
                + Requires: x
                  %endif

                  %description
                  Foo.
                """);
        assertThat(edited.elementAtLine(6).block()).isZero();
    }

    @Test
    void addTagStopsAtAnElseOfABlockAroundThePackageHeader() {
        Spec spec = Spec.parse("""
                Name: foo
                %if 0%{?rhel}
                %package -n python3-foo
                Summary: a
                %else
                %package -n python3-foo
                Summary: b
                %endif
                %description
                """);
        Spec edited = editor(spec).addTag(named("python3-foo"), "Requires", "x");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %if 0%{?rhel}
                  %package -n python3-foo
                  Summary: a
                + Requires: x
                  %else
                  %package -n python3-foo
                  Summary: b
                + Requires: x
                  %endif
                  %description
                """);
    }

    @Test
    void addTagToEveryInstanceOfAPackage() {
        Spec spec = Spec.parse("""
                %package devel
                Summary: a
                %package devel
                Summary: b
                """);

        assertEdited(spec, editor(spec).addTag(named("devel"), "Requires", "x"), BY, """
                  %package devel
                  Summary: a
                + Requires: x
                  %package devel
                  Summary: b
                + Requires: x
                """);
    }

    @Test
    void addTagToAMissingSubpackageFails() {
        Spec spec = Spec.parse(SPEC);

        assertThatThrownBy(() -> editor(spec).addTag(named("docs"), "Requires", "x"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.SECTION_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no %package section for sub-package 'docs'");
                });
    }

    @Test
    void insertTagGoesAfterTheLastTagOfTheSameFamily() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).insertTag(main(), "Patch3", "c.patch");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Version: 1.0
                  Patch0: a.patch
                  Patch2: b.patch
                + Patch3: c.patch
                  BuildRequires: gcc

                  %description
                  Foo.

                  %package devel
                  Summary: Development files
                  Requires: foo = 1.0

                  %description devel
                  Devel.
                """);
        assertThat(edited.patches()).extracting(SourceRef::number).containsExactly(0, 2, 3);
    }

    @Test
    void insertTagMatchesTheFamilyIgnoringCase() {
        Spec spec = Spec.parse("Name: foo\nbuildrequires: a\nLicense: MIT\n");

        assertEdited(spec, editor(spec).insertTag(main(), "BUILDREQUIRES", "b"), BY, """
                  Name: foo
                  buildrequires: a
                + BUILDREQUIRES: b
                  License: MIT
                """);
    }

    @Test
    void insertTagWithoutFamilyMemberGoesAfterTheLastTag() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).insertTag(named("devel"), "Provides", "bar");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Version: 1.0
                  Patch0: a.patch
                  Patch2: b.patch
                  BuildRequires: gcc

                  %description
                  Foo.

                  %package devel
                  Summary: Development files
                  Requires: foo = 1.0
                + Provides: bar

                  %description devel
                  Devel.
                """);
    }

    @Test
    void insertTagWithoutAnyTagActsLikeAddTag() {
        Spec spec = Spec.parse("%global x 1\n\n%package devel\n%description devel\n");

        assertEdited(spec, editor(spec).insertTag(named("devel"), "Summary", "s"), BY, """
                  %global x 1

                  %package devel
                + Summary: s
                  %description devel
                """);
        assertEdited(spec, editor(spec).insertTag(main(), "Name", "n"), BY, """
                  %global x 1

                + Name: n
                  %package devel
                  %description devel
                """);
    }

    @Test
    void insertTagAfterAnAnchorInAConditionalMovesPastItsEndif() {
        Spec spec = Spec.parse("""
                Name: foo
                Source0: a.tar
                %if 0%{?fedora}
                %ifarch x86_64
                Source1: b.tar
                %endif
                Source2: c.tar
                %endif
                BuildRequires: gcc
                """);
        Spec edited = editor(spec).insertTag(main(), "Source3", "d.tar");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Source0: a.tar
                  %if 0%{?fedora}
                  %ifarch x86_64
                  Source1: b.tar
                  %endif
                  Source2: c.tar
                  %endif
                + Source3: d.tar
                  BuildRequires: gcc
                """);
        assertThat(edited.elementAtLine(8).block()).isEqualTo(-1);
    }

    @Test
    void insertTagBeforeABlockThatOnlyClosesAfterTheSection() {
        Spec spec = Spec.parse("""
                Name: foo
                Patch0: a.patch
                %if %{with extra}
                Patch1: b.patch
                %package extra
                Summary: x
                %endif
                """);
        Spec edited = editor(spec).insertTag(main(), "Patch5", "e.patch");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Patch0: a.patch
                + Patch5: e.patch
                  %if %{with extra}
                  Patch1: b.patch
                  %package extra
                  Summary: x
                  %endif
                """);
    }

    @Test
    void insertTagAnchoredInABlockEnclosingTheSectionStaysThere() {
        Spec spec = Spec.parse("""
                Name: foo
                %if %{with devel}
                %package devel
                Requires: a
                Summary: s
                %endif
                """);

        assertEdited(spec, editor(spec).insertTag(named("devel"), "Requires", "b"), BY, """
                  Name: foo
                  %if %{with devel}
                  %package devel
                  Requires: a
                + Requires: b
                  Summary: s
                  %endif
                """);
    }

    @Test
    void setTagUpdatesAnExistingTag() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).setTag(main(), "version", "2.0");

        assertEdited(spec, edited, BY, """
                  Name: foo
                + version: 2.0
                  Patch0: a.patch
                  Patch2: b.patch
                  BuildRequires: gcc

                  %description
                  Foo.

                  %package devel
                  Summary: Development files
                  Requires: foo = 1.0

                  %description devel
                  Devel.
                """);
    }

    @Test
    void setTagAddsAMissingTag() {
        Spec spec = Spec.parse(SPEC);

        assertThat(editor(spec).setTag(named("devel"), "License", "MIT").text())
                .isEqualTo(editor(spec).addTag(named("devel"), "License", "MIT").text());
        assertThat(editor(spec).setTag(named("devel"), "Version", "9").tags(PackageRef.suffix("devel")))
                .extracting(Tag::fullName)
                .containsExactly("Summary", "Requires", "Version");
    }

    @Test
    void updateTagRewritesEveryMatchingLineInAllBranches() {
        Spec spec = Spec.parse("""
                Name: foo
                %if 0%{?rhel}
                Release:    1%{?dist}
                %else
                  RELEASE:2%{?dist}   # odd
                %endif
                Release(x): 3
                """);
        Spec edited = editor(spec).updateTag(main(), "Release", "5%{?dist}");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %if 0%{?rhel}
                + Release: 5%{?dist}
                  %else
                + Release: 5%{?dist}
                  %endif
                  Release(x): 3
                """);
    }

    @Test
    void updateTagOnlyTouchesTheNamedPackage() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).updateTag(named("devel"), "Summary", "Headers");

        assertThat(edited.tags()).extracting(Tag::value).contains("Headers");
        assertThat(edited.line(10).text()).isEqualTo("Summary: Headers");
        assertThat(edited.line(10).origin()).isEqualTo(new LineOrigin.Edit(BY));
        EditAssertions.assertUntouchedLinesIntact(spec, edited);
        assertThat(edited.lines().stream().filter(l -> l.origin() instanceof LineOrigin.Edit))
                .hasSize(1);
    }

    @Test
    void updateTagKeepsTheLineEndingOfTheLineItRewrites() {
        Spec spec = Spec.parse("Name: foo\r\nVersion: 1\nRelease: 1");

        Spec version = editor(spec).updateTag(main(), "Version", "2");
        assertThat(version.toBytes()).isEqualTo("Name: foo\r\nVersion: 2\nRelease: 1".getBytes(StandardCharsets.UTF_8));
        assertThat(version.lines())
                .extracting(Line::origin)
                .containsExactly(new LineOrigin.Input(1), new LineOrigin.Edit(BY), new LineOrigin.Input(3));

        Spec release = editor(spec).updateTag(main(), "Release", "2");
        assertThat(release.toBytes()).isEqualTo("Name: foo\r\nVersion: 1\nRelease: 2".getBytes(StandardCharsets.UTF_8));
        assertThat(release.line(2).origin()).isEqualTo(new LineOrigin.Edit(BY));
        assertThat(release.line(0).origin()).isEqualTo(new LineOrigin.Input(1));
    }

    @Test
    void updateTagOfAQualifiedTag() {
        Spec spec = Spec.parse("Requires(post): a\nRequires: b\n");

        assertEdited(spec, editor(spec).updateTag(main(), "requires(post)", "c"), BY, """
                + requires(post): c
                  Requires: b
                """);
    }

    @Test
    void updateTagThatDoesNotExistFailsWithCandidates() {
        Spec spec = Spec.parse(SPEC);

        assertThatThrownBy(() -> editor(spec).updateTag(main(), "Summary", "x"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.TAG_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no tag 'Summary' in the main package");
                    assertThat(e.candidates()).first().isEqualTo("11: Summary: Development files");
                });
        assertThatThrownBy(() -> editor(spec).updateTag(named("devel"), "License", "x"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.TAG_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no tag 'License' in sub-package 'devel'");
                });
    }

    @Test
    void removeTagRemovesEveryMatch() {
        Spec spec = Spec.parse("""
                Name: foo
                BuildRequires: gcc
                %if 1
                buildrequires: make
                %endif
                BuildRequires(pre): x
                """);

        assertEdited(spec, editor(spec).removeTag(main(), "BuildRequires", null), BY, """
                  Name: foo
                  %if 1
                  %endif
                  BuildRequires(pre): x
                """);
    }

    @Test
    void removeTagWithAValueOnlyRemovesMatchingValuesIgnoringCase() {
        Spec spec = Spec.parse("""
                Name: foo
                BuildRequires: GCC
                BuildRequires: make
                BuildRequires:   gcc  \s
                """);

        assertEdited(spec, editor(spec).removeTag(main(), "buildrequires", "gcc"), BY, """
                  Name: foo
                  BuildRequires: make
                """);
    }

    @Test
    void removeTagWithoutMatchFails() {
        Spec spec = Spec.parse(SPEC);

        assertThatThrownBy(() -> editor(spec).removeTag(main(), "BuildRequires", "clang"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.TAG_NOT_FOUND);
                    assertThat(e.getMessage())
                            .isEqualTo("no tag 'BuildRequires' with value 'clang' in the main package");
                    assertThat(e.candidates()).contains("5: BuildRequires: gcc");
                });
        assertThatThrownBy(() -> editor(spec).removeTag(named("nope"), "BuildRequires", null))
                .isInstanceOfSatisfying(
                        SpecEditException.class,
                        e -> assertThat(e.reason()).isEqualTo(SpecEditException.Reason.SECTION_NOT_FOUND));
    }

    @Test
    void tagEditsOnACrlfSpecUseCrlf() {
        Spec spec = Spec.parse("Name: foo\r\nVersion: 1\r\n\r\n%description\r\nx\r\n");

        assertEdited(spec, editor(spec).addTag(main(), "License", "MIT"), BY, """
                  Name: foo
                  Version: 1

                + License: MIT
                  %description
                  x
                """, "\r\n");
        assertEdited(spec, editor(spec).insertTag(main(), "Version", "2"), BY, """
                  Name: foo
                  Version: 1
                + Version: 2

                  %description
                  x
                """, "\r\n");
        assertEdited(spec, editor(spec).updateTag(main(), "Version", "3"), BY, """
                  Name: foo
                + Version: 3

                  %description
                  x
                """, "\r\n");
        assertEdited(spec, editor(spec).removeTag(main(), "Version", "1"), BY, """
                  Name: foo

                  %description
                  x
                """, "\r\n");
    }

    @Test
    void multiLineTagsAreUpdatedAndRemovedAsAWhole() {
        Spec spec = Spec.parse("""
                Name: foo
                Requires: %{lua:
                  print("a")
                }
                License: MIT
                """);

        assertThat(spec.tags().get(1).value()).isEqualTo("%{lua:\n  print(\"a\")\n}");
        assertEdited(spec, editor(spec).updateTag(main(), "Requires", "b"), BY, """
                  Name: foo
                + Requires: b
                  License: MIT
                """);
        assertEdited(spec, editor(spec).removeTag(main(), "Requires", null), BY, """
                  Name: foo
                  License: MIT
                """);
    }

    @Test
    void tagEditsOnALatin1SpecWriteUtf8Bytes() {
        byte[] input = {'N', 'a', 'm', 'e', ':', ' ', 'f', (byte) 0xE9, '\n'};
        Spec spec = Spec.parse(input);
        Spec edited = editor(spec).addTag(main(), "Summary", "café");

        byte[] expected = new byte[input.length + "Summary: café\n".getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(input, 0, expected, 0, input.length);
        byte[] added = "Summary: café\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(added, 0, expected, input.length, added.length);
        assertThat(edited.toBytes()).isEqualTo(expected);
        assertThat(edited.line(0).bytes()).isEqualTo(input);
    }

    @Test
    void editorNeedsALabel() {
        Spec spec = Spec.parse(SPEC);

        assertThatThrownBy(() -> SpecEditor.of(spec, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("by");
    }

    @Test
    void editsDoNotChangeTheOriginalSpec() {
        Spec spec = Spec.parse(SPEC);
        editor(spec).addTag(main(), "License", "MIT");

        assertThat(spec.text()).isEqualTo(SPEC);
    }

    @Test
    void editsChainAndKeepOriginalLineNumbers() {
        Spec spec = Spec.parse(SPEC);
        Spec once = SpecEditor.of(spec, "first").insertTag(main(), "Patch3", "c.patch");
        Spec twice = SpecEditor.of(once, "second").updateTag(named("devel"), "Summary", "Headers");

        assertThat(twice.lines())
                .extracting(Line::origin)
                .containsExactly(
                        new LineOrigin.Input(1),
                        new LineOrigin.Input(2),
                        new LineOrigin.Input(3),
                        new LineOrigin.Input(4),
                        new LineOrigin.Edit("first"),
                        new LineOrigin.Input(5),
                        new LineOrigin.Input(6),
                        new LineOrigin.Input(7),
                        new LineOrigin.Input(8),
                        new LineOrigin.Input(9),
                        new LineOrigin.Input(10),
                        new LineOrigin.Edit("second"),
                        new LineOrigin.Input(12),
                        new LineOrigin.Input(13),
                        new LineOrigin.Input(14),
                        new LineOrigin.Input(15));
    }
}
