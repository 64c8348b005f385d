package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.core.source.UpstreamRepo;
import dev.keel.spec.macro.MacroContext;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rpmautospec's release and changelog rules over real git histories of typical shapes. */
class GitHistoryTest {

    @TempDir
    Path dir;

    private UpstreamRepo repo;
    private int day;

    @BeforeEach
    void createRepo() throws Exception {
        repo = new UpstreamRepo(dir.resolve("pkg"), "rawhide");
    }

    @AfterEach
    void closeRepo() {
        repo.close();
    }

    private static String spec(String version) {
        return spec(version, "%autorelease");
    }

    private static String spec(String version, String release) {
        return "Name: pkg\nVersion: " + version + "\nRelease: " + release + "\nSummary: s\nLicense: MIT\n\n"
                + "%description\nd\n\n%changelog\n%autochangelog\n";
    }

    private Instant next() {
        return Instant.parse("2026-01-01T12:00:00Z").plusSeconds(86_400L * day++);
    }

    private RevCommit commitSpec(String version, String message) throws Exception {
        return repo.commit("pkg.spec", spec(version), message, next());
    }

    private PackageHistory history() throws Exception {
        Repository repository = repo.git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve("HEAD"));
            return GitHistory.load(
                    repository,
                    head,
                    "pkg.spec",
                    MacroContext.builder().fedora(43).build());
        }
    }

    /** The generated entries as process-distgit prints them: joined by a blank line, then a line break. */
    private String changelog() throws Exception {
        return String.join("\n\n", history().changelog()) + "\n";
    }

    @Test
    void everyCommitTouchingThePackageCounts() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.commit("pkg.patch", "diff\n", "Add a patch", next());
        commitSpec("1.0", "Apply the patch");
        assertThat(history().headReleaseNumber()).isEqualTo(3);
        assertThat(changelog()).isEqualTo("""
                * Sat Jan 03 2026 Upstream Packager <up@example.org> - 1.0-3
                - Apply the patch

                * Fri Jan 02 2026 Upstream Packager <up@example.org> - 1.0-2
                - Add a patch

                * Thu Jan 01 2026 Upstream Packager <up@example.org> - 1.0-1
                - Initial import
                """);
    }

    @Test
    void anEmptyRebuildCommitCounts() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.commitIndex("Rebuilt for the mass rebuild", next());
        assertThat(history().headReleaseNumber()).isEqualTo(2);
        assertThat(changelog())
                .startsWith("* Fri Jan 02 2026 Upstream Packager <up@example.org> - 1.0-2\n"
                        + "- Rebuilt for the mass rebuild\n");
    }

    @Test
    void aVersionUpdateStartsAgainAtOne() throws Exception {
        commitSpec("1.0", "Initial import");
        commitSpec("1.0", "Fix");
        commitSpec("1.1", "Update to 1.1");
        assertThat(history().headReleaseNumber()).isEqualTo(1);
        assertThat(changelog()).contains("- 1.1-1\n- Update to 1.1").contains("- 1.0-2\n- Fix");
    }

    @Test
    void theVersionIsReadThroughMacrosAndConditionals() throws Exception {
        repo.commit(
                "pkg.spec",
                "%global major 2\n%if 0%{?fedora} >= 40\n%global minor 5\n%else\n%global minor 0\n%endif\n"
                        + "Name: pkg\nEpoch: 1\nVersion: %{major}.%{minor}\nRelease: %autorelease\n"
                        + "%changelog\n%autochangelog\n",
                "Initial import",
                next());
        assertThat(changelog()).contains("> - 1:2.5-1\n");
    }

    @Test
    void commitsBeforeTheSpecExistedDoNotCount() throws Exception {
        repo.commit("README.md", "pkg\n", "Initial empty repository", next());
        commitSpec("1.0", "Initial import");
        assertThat(history().headReleaseNumber()).isEqualTo(1);
        assertThat(changelog()).doesNotContain("Initial empty repository");
    }

    @Test
    void bumpReleaseAndSkipChangelogWork() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.commitIndex("Carry over the old release\n\n[bump release: 20]\n[skip changelog]", next());
        commitSpec("1.0", "Fix");
        assertThat(history().headReleaseNumber()).isEqualTo(21);
        assertThat(changelog()).contains("- 1.0-21\n- Fix").doesNotContain("Carry over");
    }

    @Test
    void theChangelogFileEndsTheGeneratedEntries() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.commit(
                "changelog", "* Mon Jan 01 2024 Old Packager <old@example.org> - 0.9-1\n- Old\n", "Convert", next());
        commitSpec("1.0", "Fix");
        assertThat(changelog()).isEqualTo("""
                * Sat Jan 03 2026 Upstream Packager <up@example.org> - 1.0-3
                - Fix

                * Mon Jan 01 2024 Old Packager <old@example.org> - 0.9-1
                - Old

                """);
    }

    @Test
    void aChangelogFileDeletedLaterIsNotCopied() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.commit("changelog", "- Old\n", "Convert", next());
        commitSpec("1.0", "Fix");
        repo.git.rm().addFilepattern("changelog").call();
        repo.commitIndex("Drop the changelog file", next());
        assertThat(changelog()).isEqualTo("""
                * Sun Jan 04 2026 Upstream Packager <up@example.org> - 1.0-4
                - Drop the changelog file

                * Sat Jan 03 2026 Upstream Packager <up@example.org> - 1.0-3
                - Fix
                """);
    }

    @Test
    void aMergeKeepingOneSidesTreeFollowsThatSide() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.checkout("side", true);
        commitSpec("1.0", "Side change");
        repo.checkout("rawhide", false);
        commitSpec("1.0", "Main change");
        repo.merge("side", MergeStrategy.OURS, "Merge side, keeping ours", next());
        assertThat(history().headReleaseNumber()).isEqualTo(3);
        assertThat(changelog())
                .startsWith("* Sat Jan 03 2026 Upstream Packager <up@example.org> - 1.0-2\n- Main change\n")
                .doesNotContain("Merge side")
                .doesNotContain("Side change")
                .doesNotContain("unresolvable");
    }

    @Test
    void aMergeOfTwoDifferentTreesIsUnresolvable() throws Exception {
        commitSpec("1.0", "Initial import");
        repo.checkout("side", true);
        repo.commit("side.patch", "side\n", "Side patch", next());
        repo.checkout("rawhide", false);
        repo.commit("main.patch", "main\n", "Main patch", next());
        repo.merge("side", MergeStrategy.RECURSIVE, "Merge side", next());
        assertThat(history().headReleaseNumber()).isEqualTo(3);
        assertThat(changelog())
                .isEqualTo("* Sun Jan 04 2026 Upstream Packager <up@example.org> - 1.0-3\n"
                        + "- RPMAUTOSPEC: unresolvable merge\n");
    }

    @Test
    void eachEntryShowsItsOwnCommitsAutoreleaseOptions() throws Exception {
        repo.commit("pkg.spec", spec("2.0~rc1", "%autorelease -p -e rc1"), "Update to 2.0 rc1", next());
        repo.commit(
                "pkg.spec",
                spec("2.0~rc1", "%{autorelease -p -e %{pre}}").replace("Name:", "%global pre rc1\nName:"),
                "Fix",
                next());
        repo.commit("pkg.spec", spec("2.0~rc1"), "Drop the prerelease flags", next());
        assertThat(changelog())
                .contains("- 2.0~rc1-3\n- Drop the prerelease flags")
                .contains("- 2.0~rc1-0.2.rc1\n- Fix")
                .contains("- 2.0~rc1-0.1.rc1\n- Update to 2.0 rc1");
    }

    @Test
    void aSpecWhoseVersionCannotBeDeterminedContinuesTheCount() throws Exception {
        commitSpec("1.0", "Initial import");
        commitSpec("%(cat VERSION)", "Read the version from a file");
        commitSpec("1.0", "Back to a literal version");
        assertThat(history().headReleaseNumber()).isEqualTo(3);
        assertThat(changelog()).contains("* Fri Jan 02 2026 Upstream Packager <up@example.org>\n- Read the version");
    }

    @Test
    void aBaseReleaseOffsetsEveryEntry() throws Exception {
        repo.commit("pkg.spec", spec("1.0", "%autorelease -b 5"), "Initial import", next());
        repo.commit("pkg.spec", spec("1.0", "%autorelease -b5"), "Fix", next());
        assertThat(changelog()).isEqualTo("""
                        * Fri Jan 02 2026 Upstream Packager <up@example.org> - 1.0-6
                        - Fix

                        * Thu Jan 01 2026 Upstream Packager <up@example.org> - 1.0-5
                        - Initial import
                        """);
    }

    @Test
    void snapshotInformationIsAppended() throws Exception {
        repo.commit(
                "pkg.spec", spec("1.0^20260101git1234abc", "%{autorelease -s 20260101git1234abc}"), "Snapshot", next());
        assertThat(changelog()).contains("- 1.0^20260101git1234abc-1.20260101git1234abc\n- Snapshot");
    }

    @Test
    void addingAnEpochStartsAgain() throws Exception {
        commitSpec("1.0", "Initial import");
        commitSpec("1.0", "Fix");
        repo.commit("pkg.spec", spec("1.0").replace("Version:", "Epoch: 1\nVersion:"), "Add an epoch", next());
        assertThat(history().headReleaseNumber()).isEqualTo(1);
        assertThat(changelog()).contains("- 1:1.0-1\n- Add an epoch").contains("- 1.0-2\n- Fix");
    }

    @Test
    void aDowngradeIsANewVersionToo() throws Exception {
        commitSpec("2.0", "Initial import");
        commitSpec("1.9", "Go back to 1.9");
        assertThat(history().headReleaseNumber()).isEqualTo(1);
    }

    @Test
    void aBumpInAnUpdateCommitSetsTheFirstRelease() throws Exception {
        commitSpec("1.0", "Initial import");
        commitSpec("2.0", "Update to 2.0\n\n[bump release: 5]");
        commitSpec("2.0", "Fix");
        assertThat(history().headReleaseNumber()).isEqualTo(6);
        assertThat(changelog()).contains("- 2.0-5\n- Update to 2.0\n").contains("- 2.0-6\n- Fix");
    }

    @Test
    void anEllipsisLineContinuesTheSubjectAndDashLinesAddBulletsContinuedByTheLinesAfterThem() throws Exception {
        commitSpec("1.0", "Update to 1.0, which fixes\n\n... CVE-2026-0001\n- also drop the old patch\nand its test");
        assertThat(changelog())
                .endsWith("- Update to 1.0, which fixes CVE-2026-0001\n- also drop the old patch and its test\n");
    }

    @Test
    void rpmDecidesWhatTheExpanderCannot() throws Exception {
        assumeTrue(RpmspecVersion.find().isPresent(), "rpmspec is not on the PATH (apt-get install rpm), skipping");
        repo.commit(
                "pkg.spec",
                "Name: pkg\nVersion: %(echo 1.5)\nRelease: %autorelease\nSummary: s\nLicense: MIT\n\n"
                        + "%description\nd\n\n%changelog\n%autochangelog\n",
                "Version from the shell",
                next());
        assertThat(changelog()).contains("- 1.5-1\n- Version from the shell");
    }
}
