package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReleaseNumbersTest {

    @Test
    void everyCommitCountsWhileTheVersionStaysTheSame() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial import", "")
                .commit("b", "1.0", "Fix build")
                .commit("c", "1.0", "Rebuild");
        assertThat(history.release("a")).isEqualTo(1);
        assertThat(history.release("c")).isEqualTo(3);
    }

    @Test
    void aNewVersionStartsAgainAtOne() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "Fix")
                .commit("c", "1.1", "Update to 1.1")
                .commit("d", "1.1", "Fix 1.1");
        assertThat(history.release("c")).isEqualTo(1);
        assertThat(history.release("d")).isEqualTo(2);
    }

    @Test
    void anEpochChangeIsANewVersion() {
        HistoryBuilder history =
                new HistoryBuilder().commit("a", "1.0", "Initial", "").commit("b", "1:1.0", "Add an epoch");
        assertThat(history.release("b")).isEqualTo(1);
    }

    @Test
    void anUnknownVersionContinuesTheCount() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", null, "Broken spec")
                .commit("c", "1.0", "Fixed spec");
        assertThat(history.release("b")).isEqualTo(2);
        assertThat(history.release("c")).isEqualTo(3);
    }

    @Test
    void bumpReleaseRaisesTheNumber() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "Align with the old release\n\n[bump release: 10]")
                .commit("c", "1.0", "Next");
        assertThat(history.release("b")).isEqualTo(10);
        assertThat(history.release("c")).isEqualTo(11);
    }

    @Test
    void aBumpBelowTheCountChangesNothing() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "x")
                .commit("c", "1.0", "y\n[bump release: 2]");
        assertThat(history.release("c")).isEqualTo(3);
    }

    @Test
    void aCommitWithoutTheSpecDoesNotCount() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .add("b", "1.0", "Spec removed for a while", false, null, "t-b")
                .commit("c", "1.0", "Spec back");
        assertThat(history.release("b")).isEqualTo(1);
        assertThat(history.release("c")).isEqualTo(2);
    }

    @Test
    void aMergeTakesTheLargerParentWithTheSameVersion() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "On main", "a")
                .commit("c", "1.0", "Side 1", "a")
                .commit("d", "1.0", "Side 2", "c")
                .commit("e", "1.0", "Side 3", "d")
                .commit("m", "1.0", "Merge", "b", "e");
        assertThat(history.release("m")).isEqualTo(5);
    }

    @Test
    void aMergeIgnoresAParentWithAnotherVersion() {
        HistoryBuilder history = new HistoryBuilder()
                .commit("a", "1.0", "Initial", "")
                .commit("b", "1.0", "x", "a")
                .commit("c", "1.0", "y", "b")
                .commit("d", "2.0", "Update", "a")
                .commit("m", "2.0", "Merge", "d", "c");
        assertThat(history.release("m")).isEqualTo(2);
    }

    @Test
    void longHistoriesDoNotOverflowTheStack() {
        HistoryBuilder history = new HistoryBuilder().commit("c0", "1.0", "Initial", "");
        for (int i = 1; i < 50_000; i++) {
            history.commit("c" + i, "1.0", "Rebuild " + i);
        }
        assertThat(history.release("c49999")).isEqualTo(50_000);
    }

    @Test
    void flagsRenderTheRelease() {
        assertThat(AutoreleaseFlags.DEFAULT.render(3)).isEqualTo("3");
        assertThat(new AutoreleaseFlags(7, false, null, null).render(3)).isEqualTo("9");
        assertThat(new AutoreleaseFlags(1, true, "rc1", null).render(2)).isEqualTo("0.2.rc1");
        assertThat(new AutoreleaseFlags(1, false, null, "20260101git1234abc").render(1))
                .isEqualTo("1.20260101git1234abc");
        assertThat(AutoreleaseFlags.noDist("%{autorelease -n}")).isTrue();
        assertThat(AutoreleaseFlags.noDist("%autorelease -b 2 -n")).isTrue();
        assertThat(AutoreleaseFlags.noDist("%autorelease -e n")).isFalse();
    }

    @Test
    void theProbeReadsTheOptionsRpmExpanded() {
        assertThat(SpecVersion.of("1.0", "E_S_P0_B").flags()).isEqualTo(AutoreleaseFlags.DEFAULT);
        assertThat(SpecVersion.of("1.0", "Erc1_S20260101git1_P1_B5").flags())
                .isEqualTo(new AutoreleaseFlags(5, true, "rc1", "20260101git1"));
        assertThat(SpecVersion.of("1.0", "3%{?dist}").flags())
                .as("no %autorelease")
                .isEqualTo(AutoreleaseFlags.DEFAULT);
    }

    @Test
    void theBlockFreezesTheNumberAsProcessDistgitWritesIt() {
        assertThat(AutospecBlock.text("## (rpmautospec version 0.8.4)", 4, true, true))
                .isEqualTo("""
                        ## START: Set by rpmautospec
                        ## (rpmautospec version 0.8.4)
                        ## RPMAUTOSPEC: autorelease, autochangelog
                        %define autorelease(e:s:pb:n) %{?-p:0.}%{lua:
                            release_number = 4;
                            base_release_number = tonumber(rpm.expand("%{?-b*}%{!?-b:1}"));
                            print(release_number + base_release_number - 1);
                        }%{?-e:.%{-e*}}%{?-s:.%{-s*}}%{!?-n:%{?dist}}
                        ## END: Set by rpmautospec

                        """);
    }

    @Test
    void aChangelogOnlyBlockHasNoDefinition() {
        assertThat(AutospecBlock.text("## (rpmautospec version 0.8.4)", 0, false, true))
                .isEqualTo("""
                        ## START: Set by rpmautospec
                        ## (rpmautospec version 0.8.4)
                        ## RPMAUTOSPEC: autochangelog
                        ## END: Set by rpmautospec

                        """);
        assertThat(AutospecBlock.text("## (rpmautospec-compatible: Keel)", 2, true, false))
                .contains("## RPMAUTOSPEC: autorelease\n%define autorelease(e:s:pb:n)")
                .contains("    release_number = 2;\n");
    }
}
