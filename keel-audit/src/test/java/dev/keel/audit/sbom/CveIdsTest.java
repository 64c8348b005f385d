package dev.keel.audit.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CveIdsTest {

    @Test
    void idsAreFoundInAnyCaseAndUpperCased() {
        assertThat(CveIds.in("Fix cve-2024-12345 and CVE-2023-0001 (see CVE-2024-12345)"))
                .containsExactly("CVE-2023-0001", "CVE-2024-12345");
        assertThat(CveIds.in("0001-CVE-2025-31498-fix.patch")).containsExactly("CVE-2025-31498");
    }

    @Test
    void stringsThatOnlyLookLikeIdsAreNot() {
        assertThat(CveIds.in("CVE-24-1234 CVE-2024-123 CVE-1998-1234 XCVE-2024-1234 CVE-2024-12345678901234567890"
                        + " CVE-2024-1234a2 CVE_2024_1234"))
                .isEmpty();
    }

    @Test
    void aMegabyteOfTextDoesNotHang() {
        String text = "CVE-2024-".repeat(100_000) + "CVE-2024-99999";
        assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> assertThat(CveIds.in(text)).containsExactly("CVE-2024-99999"));
    }
}
