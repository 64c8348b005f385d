package dev.keel.spec;

import static dev.keel.spec.EditAssertions.assertEdited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** addPatch, removeReferences and addChangelogEntry. */
class SpecEditorSourcesTest {

    private static final String BY = "patches";

    private static SpecEditor editor(Spec spec) {
        return SpecEditor.of(spec, BY);
    }

    @Test
    void addPatchWithoutPatchlistAddsTheNextPatchTagAtTheEndOfThePreamble() {
        Spec spec = Spec.parse("""
                Name: foo
                Patch0: a.patch
                Patch: b.patch
                BuildRequires: gcc

                %prep
                %autosetup -p1
                """);
        Spec edited = editor(spec).addPatch("c.patch");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Patch0: a.patch
                  Patch: b.patch
                  BuildRequires: gcc

                + Patch2: c.patch
                  %prep
                  %autosetup -p1
                """);
        assertThat(edited.patches()).extracting(SourceRef::number).containsExactly(0, 1, 2);
    }

    @Test
    void addPatchToASpecWithoutPatches() {
        Spec spec = Spec.parse("Name: foo\n");

        assertEdited(spec, editor(spec).addPatch("fix.patch"), BY, """
                  Name: foo
                + Patch0: fix.patch
                """);
    }

    @Test
    void addPatchAppendsToEveryPatchlist() {
        Spec spec = Spec.parse("""
                Name: foo
                Patch9: tagged.patch
                %patchlist
                a.patch
                b.patch

                %prep
                """);
        Spec edited = editor(spec).addPatch("c.patch");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Patch9: tagged.patch
                  %patchlist
                  a.patch
                  b.patch

                + c.patch
                  %prep
                """);
        assertThat(edited.patches())
                .extracting(SourceRef::value, SourceRef::number)
                .containsExactly(
                        tuple("tagged.patch", 9), tuple("a.patch", 10), tuple("b.patch", 11), tuple("c.patch", 12));
    }

    @Test
    void addPatchToAPatchlistAtTheEndOfAFileWithoutNewline() {
        Spec spec = Spec.parse("%patchlist\r\na.patch");

        Spec edited = editor(spec).addPatch("b.patch");
        assertThat(edited.text()).isEqualTo("%patchlist\r\na.patch\r\nb.patch\r\n");
        assertThat(edited.line(1).origin()).isEqualTo(new LineOrigin.Input(2));
        assertThat(edited.line(2).origin()).isEqualTo(new LineOrigin.Edit(BY));
    }

    @Test
    void removeReferencesRemovesTagsAndListEntries() {
        Spec spec = Spec.parse("""
                Name: foo
                Source0: foo.tar.gz
                Source1: foo.conf
                Patch0: fix-build.patch
                Patch1: cve-2024-1.patch
                %patchlist
                cve-2024-2.patch
                other.patch
                """);
        Spec edited = editor(spec).removeReferences(r -> r.value().startsWith("cve-"), "cve-*");

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Source0: foo.tar.gz
                  Source1: foo.conf
                  Patch0: fix-build.patch
                  %patchlist
                  other.patch
                """);
    }

    @Test
    void removeReferencesByKindAndNumber() {
        Spec spec = Spec.parse("Source0: a\nSource1: b\nPatch1: c\n");
        Spec edited = editor(spec)
                .removeReferences(
                        r -> r.kind() == SourceRef.Kind.SOURCE
                                && Integer.valueOf(1).equals(r.number()),
                        "Source1");

        assertEdited(spec, edited, BY, """
                  Source0: a
                  Patch1: c
                """);
    }

    @Test
    void removeReferencesWithoutMatchFails() {
        Spec spec = Spec.parse("Source0: a\n");

        assertThatThrownBy(() -> editor(spec).removeReferences(r -> false, "*.patch"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.REFERENCE_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no source or patch reference matched *.patch");
                });
    }

    @Test
    void addChangelogEntryGoesOnTopOfTheChangelog() {
        Spec spec = Spec.parse("""
                Name: foo
                %changelog
                * Mon Jan 01 2024 A <a@example.org> - 1-1
                - Old
                """);
        Spec edited =
                editor(spec).addChangelogEntry("Tue Jan 02 2024 B <b@example.org> - 1-2", List.of("- New", "- Fix"));

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %changelog
                + * Tue Jan 02 2024 B <b@example.org> - 1-2
                + - New
                + - Fix
                +
                  * Mon Jan 01 2024 A <a@example.org> - 1-1
                  - Old
                """);
        assertThat(edited.changelog())
                .extracting(ChangelogEntry::header)
                .containsExactly("Tue Jan 02 2024 B <b@example.org> - 1-2", "Mon Jan 01 2024 A <a@example.org> - 1-1");
    }

    @Test
    void addChangelogEntryCreatesTheSectionWhenMissing() {
        Spec spec = Spec.parse("Name: foo\n%files\n/usr/bin/foo");

        assertEdited(spec, editor(spec).addChangelogEntry("Wed Jan 03 2024 C - 1", List.of()), BY, """
                  Name: foo
                  %files
                  /usr/bin/foo
                + %changelog
                + * Wed Jan 03 2024 C - 1
                +
                """);
    }

    @Test
    void addChangelogEntryOnlyUsesTheFirstChangelog() {
        Spec spec = Spec.parse("%changelog\n* a\n%changelog\n* b\n");

        assertEdited(spec, editor(spec).addChangelogEntry("c", List.of("- x")), BY, """
                  %changelog
                + * c
                + - x
                +
                  * a
                  %changelog
                  * b
                """);
    }
}
