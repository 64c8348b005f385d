package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {

    private static PackageHistory upstream(HistoryBuilder builder) {
        return new PackageHistory(builder.commits, builder.head(), builder::version);
    }

    private static String changelog(PackageHistory history) {
        return String.join("\n\n", history.changelog()) + "\n";
    }

    private static ProjectChange change(String id, String subject, String upstreamCommit) {
        return new ProjectChange(
                id,
                "Downstream Dev",
                "dev@example.org",
                Instant.parse("2026-05-01T10:00:00Z"),
                subject,
                upstreamCommit);
    }

    @Test
    void eachProjectChangeAddsAReleaseAndAnEntry() {
        HistoryBuilder builder =
                new HistoryBuilder().commit("a", "1.0", "Initial import", "").commit("b", "1.0", "Fix");
        PackageHistory history = SyntheticHistory.interleave(
                upstream(builder),
                "a",
                List.of(change("p1", "Add our overlay", "b"), change("p2", "Tune the overlay", "b")),
                Optional.empty(),
                warning -> {});
        assertThat(history.headReleaseNumber()).isEqualTo(4);
        assertThat(changelog(history)).startsWith("""
                        * Fri May 01 2026 Downstream Dev <dev@example.org> - 1.0-4
                        - Tune the overlay

                        * Fri May 01 2026 Downstream Dev <dev@example.org> - 1.0-3
                        - Add our overlay

                        """).contains("- 1.0-2\n- Fix");
    }

    @Test
    void aChangeLockedToAnOlderUpstreamCommitComesRightAfterIt() {
        HistoryBuilder builder = new HistoryBuilder()
                .commit("a", "1.0", "Initial import", "")
                .commit("b", "1.0", "Fix")
                .commit("c", "1.0", "Another fix");
        PackageHistory history = SyntheticHistory.interleave(
                upstream(builder),
                "a",
                List.of(change("p1", "Add our overlay", "a"), change("p2", "Move to c", "c")),
                Optional.empty(),
                warning -> {});
        String changelog = changelog(history);
        assertThat(changelog.indexOf("- Add our overlay")).isGreaterThan(changelog.indexOf("- Fix"));
        assertThat(changelog).contains("- 1.0-2\n- Add our overlay").contains("- 1.0-5\n- Move to c");
        assertThat(history.headReleaseNumber()).isEqualTo(5);
    }

    @Test
    void aChangeOutsideTheHistoryIsLeftOutWithAWarning() {
        HistoryBuilder builder =
                new HistoryBuilder().commit("a", "1.0", "Initial import", "").commit("b", "1.0", "Fix");
        List<String> warnings = new ArrayList<>();
        PackageHistory history = SyntheticHistory.interleave(
                upstream(builder),
                "a",
                List.of(change("p1", "Lost", "zzz"), change("p2", "Kept", "b")),
                Optional.empty(),
                warnings::add);
        assertThat(history.headReleaseNumber()).isEqualTo(3);
        assertThat(warnings).singleElement().asString().contains("p1").contains("zzz");
    }

    @Test
    void mergesAfterTheImportAreLinearizedAndHistoryBeforeItCounts() {
        HistoryBuilder builder = new HistoryBuilder()
                .commit("a", "1.0", "Initial import", "")
                .commit("b", "1.0", "Import point")
                .commit("side", "1.0", "Side", "b")
                .commit("main", "1.0", "Main", "b")
                .commit("merge", "1.0", "Merge", "main", "side");
        PackageHistory history = SyntheticHistory.interleave(
                upstream(builder), "b", List.of(change("p1", "Ours", "merge")), Optional.empty(), warning -> {});
        // a, b, main, merge (side is dropped by the first-parent replay), then ours
        assertThat(history.headReleaseNumber()).isEqualTo(5);
        assertThat(changelog(history)).doesNotContain("- Side");
    }

    @Test
    void theRenderedVersionBelongsToTheLastChange() {
        HistoryBuilder builder = new HistoryBuilder().commit("a", "1.0", "Initial import", "");
        PackageHistory history = SyntheticHistory.interleave(
                upstream(builder),
                "a",
                List.of(change("p1", "Backport 1.1", "a")),
                Optional.of(new SpecVersion("1.1", AutoreleaseFlags.DEFAULT)),
                warning -> {});
        assertThat(history.headReleaseNumber()).isEqualTo(1);
        assertThat(changelog(history)).startsWith("* Fri May 01 2026 Downstream Dev <dev@example.org> - 1.1-1\n");
    }

    @Test
    void aLocalComponentsChangesStackOnTop() {
        HistoryBuilder builder = new HistoryBuilder().commit("init", "1.0", "Initial sources", "");
        PackageHistory history = SyntheticHistory.interleave(
                upstream(builder),
                "init",
                List.of(change("p1", "First", null), change("p2", "Second", null)),
                Optional.empty(),
                warning -> {});
        assertThat(history.headReleaseNumber()).isEqualTo(3);
    }

    @Test
    void anImportCommitOutsideTheFirstParentChainIsAnError() {
        HistoryBuilder builder = new HistoryBuilder().commit("a", "1.0", "Initial import", "");
        assertThatThrownBy(() -> SyntheticHistory.interleave(
                        upstream(builder), "nope", List.of(change("p1", "x", "a")), Optional.empty(), warning -> {}))
                .hasMessageContaining("nope");
    }
}
