package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rpmautospec's entry format (changelog.py): the expected texts of the wrapping cases are copied
 * from azldev's render of mariadb-connector-c and cmocka for Azure Linux 4.
 */
class GeneratedChangelogEntryTest {

    private static Commit commit(String message) {
        return new Commit(
                "c",
                List.of(),
                "Michal Schorm",
                "mschorm@redhat.com",
                Instant.parse("2023-04-19T10:00:00Z"),
                message,
                true,
                null,
                "t");
    }

    @Test
    void aLongBulletWrapsAt75ColumnsBreakingAUrlThatFitsNoLine() {
        assertThat(GeneratedChangelogEntry.of(
                        commit("Fix RPM syntax: '%patchN' has been deprecated https://lists.fedoraproject.org/archives/"
                                + "list/devel@lists.fedoraproject.org/thread/VBFDPQHAHF3WG6WBZR2L5GSWMW6CVTJS/"),
                        "3.3.4-4"))
                .isEqualTo("""
                        * Wed Apr 19 2023 Michal Schorm <mschorm@redhat.com> - 3.3.4-4
                        - Fix RPM syntax: '%%patchN' has been deprecated https://lists.fedoraprojec
                          t.org/archives/list/devel@lists.fedoraproject.org/thread/VBFDPQHAHF3WG6WB
                          ZR2L5GSWMW6CVTJS/""");
    }

    @Test
    void wrappingBreaksAfterAHyphenAndMovesAWordThatDoesNotFit() {
        assertThat(ChangelogWrap.fill("- Fix flatpak builds see <https://docs.fedoraproject.org/en-US/flatpak/"
                        + "troubleshooting/#_uncompressed_manual_pages>"))
                .isEqualTo("- Fix flatpak builds see <https://docs.fedoraproject.org/en-\n"
                        + "  US/flatpak/troubleshooting/#_uncompressed_manual_pages>");
        assertThat(ChangelogWrap.fill(
                        "- Second attempt - Rebuilt for https://fedoraproject.org/wiki/Fedora_33_Mass_Rebuild"))
                .isEqualTo("- Second attempt - Rebuilt for\n  https://fedoraproject.org/wiki/Fedora_33_Mass_Rebuild");
        assertThat(ChangelogWrap.fill(
                        "- Add explicit confict between mariadb-connector-c-devel and community-mysql-devel"
                                + " packages"))
                .isEqualTo("- Add explicit confict between mariadb-connector-c-devel and community-\n"
                        + "  mysql-devel packages");
    }

    @Test
    void aBulletOfExactly75ColumnsStaysOnOneLineAndTabsAndOddSpacesAreNormalized() {
        String line = "- " + "x".repeat(73);
        assertThat(ChangelogWrap.fill(line)).isEqualTo(line);
        // one column more: the word moves to the next line, where it is still too long and is cut
        assertThat(ChangelogWrap.fill(line + "y")).isEqualTo("-\n  " + "x".repeat(73) + "\n  y");
        assertThat(ChangelogWrap.fill("- a\tb\u000bc")).isEqualTo("- a     b c");
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        String emoji = "\uD83C\uDF89".repeat(73);
        assertThat(ChangelogWrap.fill("- " + emoji)).isEqualTo("- " + emoji);
    }

    @Test
    void theSubjectRunsToTheFirstBlankLineAndLosesALeadingDash() {
        assertThat(GeneratedChangelogEntry.items(
                        "- Rebase to 3.1.2 version\nDisabling the ED25519 plugin\n\nbody is dropped"))
                .containsExactly("Rebase to 3.1.2 version Disabling the ED25519 plugin");
    }

    @Test
    void bodyBulletsCollectTheirContinuationLinesUpToABlankLine() {
        assertThat(GeneratedChangelogEntry.items("Update\n\n- first\n  continued\n-second\n\n- after the blank line"))
                .containsExactly("Update", "first continued", "second");
    }

    @Test
    void anEllipsisParagraphContinuesTheSubjectUntilADashLine() {
        assertThat(GeneratedChangelogEntry.items("Update to 2.0 which\n\n... fixes\nCVE-1\n- and a bullet"))
                .containsExactly("Update to 2.0 which fixes CVE-1", "and a bullet");
        assertThat(GeneratedChangelogEntry.items("Update\n\n…… more")).containsExactly("Update more");
    }

    @Test
    void percentSignsAreDoubledSoRpmPrintsThemAsWritten() {
        assertThat(GeneratedChangelogEntry.items("Use %%cmake, not %make"))
                .containsExactly("Use %%%%cmake, not %%make");
    }

    @Test
    void aBodyThatIsNotABulletListAddsNothingAndCarriageReturnsAreStripped() {
        assertThat(GeneratedChangelogEntry.items("Fix the build\r\n\r\nThis explains why.\r\n- not reached\r\n"))
                .containsExactly("Fix the build");
    }

    @Test
    void anUnknownVersionLeavesTheEvrOut() {
        assertThat(GeneratedChangelogEntry.error(commit("x"), null, "unresolvable merge"))
                .isEqualTo("* Wed Apr 19 2023 Michal Schorm <mschorm@redhat.com>\n- RPMAUTOSPEC: unresolvable merge");
    }
}
