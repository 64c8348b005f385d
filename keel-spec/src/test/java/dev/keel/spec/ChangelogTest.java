package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** %changelog entries. */
class ChangelogTest {

    @Test
    void entriesRunFromTheirHeaderToTheNextEntryOrSection() {
        Spec spec = Spec.parse("""
                Name: foo
                %changelog
                * Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-2
                - Fix the build

                *Tue Jan 02 2024 John <j@example.org> - 1.0-1
                - Initial package
                 * indented star is text
                %files
                /usr/bin/foo
                """);

        assertThat(spec.changelog())
                .containsExactly(
                        new ChangelogEntry(2, "Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-2", 2, 5),
                        new ChangelogEntry(5, "Tue Jan 02 2024 John <j@example.org> - 1.0-1", 5, 8));
        assertThat(spec.element(2).kind()).isEqualTo(ElementKind.CHANGELOG_ENTRY);
        assertThat(spec.element(5).kind()).isEqualTo(ElementKind.CHANGELOG_ENTRY);
        assertThat(spec.element(7).kind()).isEqualTo(ElementKind.TEXT);
    }

    @Test
    void lastEntryEndsAtTheEndOfTheFile() {
        Spec spec = Spec.parse("%changelog\n* Wed Jan 03 2024 A - 1\n- x\n- y");

        assertThat(spec.changelog()).containsExactly(new ChangelogEntry(1, "Wed Jan 03 2024 A - 1", 1, 4));
    }

    @Test
    void autochangelogHasNoEntries() {
        Spec spec = Spec.parse("%changelog\n%autochangelog\n");

        assertThat(spec.changelog()).isEmpty();
        assertThat(spec.element(1).kind()).isEqualTo(ElementKind.TEXT);
    }

    @Test
    void starLinesOutsideTheChangelogAreNotEntries() {
        Spec spec = Spec.parse("""
                %description
                * a bullet
                %changelog
                """);

        assertThat(spec.changelog()).isEmpty();
        assertThat(spec.element(1).kind()).isEqualTo(ElementKind.TEXT);
    }

    @Test
    void entriesInsideConditionalsAreStillEntries() {
        Spec spec = Spec.parse("""
                %changelog
                %if 0%{?rhel}
                * Thu Jan 04 2024 B - 2
                %endif
                * Fri Jan 05 2024 C - 1
                """);

        assertThat(spec.changelog())
                .containsExactly(
                        new ChangelogEntry(2, "Thu Jan 04 2024 B - 2", 2, 4),
                        new ChangelogEntry(4, "Fri Jan 05 2024 C - 1", 4, 5));
        assertThat(spec.element(2).block()).isZero();
    }

    @Test
    void severalChangelogSectionsEachCloseTheirEntries() {
        Spec spec = Spec.parse("""
                %changelog
                * one
                %changelog
                * two
                """);

        assertThat(spec.changelog())
                .containsExactly(new ChangelogEntry(1, "one", 1, 2), new ChangelogEntry(3, "two", 3, 4));
    }
}
