package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** rpmautospec's changelog walk (pkg_history.py changelog_visitor) over in-memory histories. */
class ChangelogGeneratorTest {

    /** The generated block's body as process-distgit prints it: entries joined by a blank line, then a line break. */
    private static String changelog(HistoryBuilder history) {
        return String.join(
                        "\n\n",
                        ChangelogGenerator.generate(
                                history.commits,
                                history.head(),
                                commit -> history.version(commit)
                                        .map(version -> version.evr(history.release(commit.id())))
                                        .orElse(null)))
                + "\n";
    }

    @Test
    void oneEntryPerCommitNewestFirst() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial import", "")
                .commit("b", "1.0", "Fix the build\n\n- also drop an old patch\n- and tidy up");
        assertThat(changelog(history)).isEqualTo("""
                * Thu Nov 16 2023 Jane Packager <jane@example.org> - 1.0-2
                - Fix the build
                - also drop an old patch
                - and tidy up

                * Wed Nov 15 2023 Jane Packager <jane@example.org> - 1.0-1
                - Initial import
                """);
    }

    @Test
    void anEllipsisContinuesTheSubject() {
        HistoryBuilder history =
                new HistoryBuilder().commit("a", "2.0", "Update to 2.0 which fixes\n\n... CVE-2026-1234", "");
        assertThat(changelog(history)).endsWith("- Update to 2.0 which fixes CVE-2026-1234\n");
    }

    @Test
    void skipChangelogKeepsTheReleaseBumpButNotTheEntry() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "Whitespace\n\n[skip changelog]")
                .commit("c", "1.0", "Real change");
        String text = changelog(history);
        assertThat(text).contains("- 1.0-3\n- Real change").doesNotContain("Whitespace");
    }

    @Test
    void theChangelogFileEndsTheEntriesVerbatimWithItsOwnTrailingNewline() {
        String old = "* Mon Jan 01 2024 Old Packager <old@example.org> - 0.9-1\n- Ancient history\n";
        HistoryBuilder history = new HistoryBuilder()
                .add("a", "1.0", "Initial", true, null, "t-a", "")
                .add("b", "1.0", "Move the changelog to a file", true, old, "t-b")
                .add("c", "1.0", "New work", true, old, "t-c");
        assertThat(changelog(history))
                .isEqualTo("* Fri Nov 17 2023 Jane Packager <jane@example.org> - 1.0-3\n- New work\n\n" + old + "\n");
    }

    @Test
    void aChangelogFileRemovedLaterEndsTheEntriesWithoutItsContent() {
        HistoryBuilder history = new HistoryBuilder()
                .add("a", "1.0", "Initial", true, null, "t-a", "")
                .add("b", "1.0", "Add a changelog file", true, "* old\n- Old\n", "t-b")
                .add("c", "1.0", "Work", true, "* old\n- Old\n", "t-c")
                .add("d", "1.0", "Drop the changelog file", true, null, "t-d");
        assertThat(changelog(history)).isEqualTo("""
                * Sat Nov 18 2023 Jane Packager <jane@example.org> - 1.0-4
                - Drop the changelog file

                * Fri Nov 17 2023 Jane Packager <jane@example.org> - 1.0-3
                - Work
                """);
    }

    @Test
    void anUnresolvableMergeIsTheLastEntry() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "Main", "a")
                .commit("c", "1.0", "Side", "a")
                .commit("m", "1.0", "Merge branch 'side'\n\n[skip changelog]", "b", "c")
                .commit("n", "1.0", "After the merge");
        assertThat(changelog(history)).isEqualTo("""
                * Sun Nov 19 2023 Jane Packager <jane@example.org> - 1.0-4
                - After the merge

                * Sat Nov 18 2023 Jane Packager <jane@example.org> - 1.0-3
                - RPMAUTOSPEC: unresolvable merge
                """);
    }

    @Test
    void aMergeWithTheTreeOfAParentFollowsThatParentAndHasNoEntry() {
        HistoryBuilder history = new HistoryBuilder()
                .add("a", "1.0", "Initial", true, null, "t-a", "")
                .add("b", "1.0", "Main", true, null, "t-b", "a")
                .add("c", "1.0", "Side that is dropped", true, null, "t-c", "a")
                .add("m", "1.0", "Merge -s ours", true, null, "t-b", "b", "c");
        assertThat(changelog(history)).isEqualTo("""
                * Thu Nov 16 2023 Jane Packager <jane@example.org> - 1.0-2
                - Main

                * Wed Nov 15 2023 Jane Packager <jane@example.org> - 1.0-1
                - Initial
                """);
    }

    @Test
    void aMergeThatWritesANewChangelogFileEndsWithIt() {
        HistoryBuilder history = new HistoryBuilder()
                .add("a", "1.0", "Initial", true, null, "t-a", "")
                .add("b", "1.0", "Main", true, null, "t-b", "a")
                .add("c", "1.0", "Side", true, null, "t-c", "a")
                .add("m", "1.0", "Merge and convert", true, "- converted", "t-m", "b", "c");
        assertThat(changelog(history)).isEqualTo("- converted\n");
    }

    @Test
    void anUnknownVersionLeavesTheVersionOutOfTheHeader() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", null, "Read the version from a file");
        assertThat(changelog(history))
                .startsWith("* Thu Nov 16 2023 Jane Packager <jane@example.org>\n- Read the version from a file\n\n");
    }

    @Test
    void aCommitWithoutTheSpecHasNoEntry() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .add("b", null, "Retire", false, null, "t-b")
                .commit("c", "1.0", "Unretire");
        assertThat(changelog(history)).doesNotContain("Retire\n").contains("- Unretire\n");
    }

    @Test
    void noCommitsGiveAnEmptyBody() {
        HistoryBuilder history = new HistoryBuilder().add("a", null, "Only a README", false, null, "t-a", "");
        assertThat(changelog(history)).isEqualTo("\n");
    }
}
