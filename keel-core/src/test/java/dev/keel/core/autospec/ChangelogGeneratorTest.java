package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangelogGeneratorTest {

    private static String changelog(HistoryBuilder history) {
        return ChangelogGenerator.generate(
                history.commits,
                history.head(),
                commit -> history.version(commit).orElse("?") + "-" + history.release(commit.id()));
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
    void stopsAtTheChangelogFileAndAppendsIt() {
        String old = "* Mon Jan 01 2024 Old Packager <old@example.org> - 0.9-1\n- Ancient history\n";
        HistoryBuilder history = new HistoryBuilder()
                .add("a", "1.0", "Initial", true, null, "t-a", "")
                .add("b", "1.0", "Move the changelog to a file", true, old, "t-b")
                .add("c", "1.0", "New work", true, old, "t-c");
        assertThat(changelog(history))
                .isEqualTo("* Fri Nov 17 2023 Jane Packager <jane@example.org> - 1.0-3\n- New work\n\n" + old);
    }

    @Test
    void anUnresolvableMergeIsSaidSo() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "Main", "a")
                .commit("c", "1.0", "Side", "a")
                .commit("m", "1.0", "Merge branch 'side'", "b", "c");
        assertThat(changelog(history))
                .startsWith(
                        "* Sat Nov 18 2023 Jane Packager <jane@example.org> - 1.0-3\n- RPMAUTOSPEC: unresolvable merge\n");
    }

    @Test
    void aMergeWithTheTreeOfAParentFollowsThatParent() {
        HistoryBuilder history = new HistoryBuilder()
                .add("a", "1.0", "Initial", true, null, "t-a", "")
                .add("b", "1.0", "Main", true, null, "t-b", "a")
                .add("c", "1.0", "Side that is dropped", true, null, "t-c", "a")
                .add("m", "1.0", "Merge -s ours", true, null, "t-b", "b", "c");
        assertThat(changelog(history)).contains("- Main").doesNotContain("Side that is dropped");
    }
}
