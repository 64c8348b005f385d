package dev.keel.audit.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which RPM License tags a build reports: each invalid text once, never the component's own again. */
class ComponentBuildTest {

    private static BuiltPackage rpm(String file, String license, Optional<String> sourceRpm) {
        return new BuiltPackage(
                file,
                file.substring(0, file.indexOf('-')),
                Optional.empty(),
                "1",
                "1",
                sourceRpm.isEmpty() ? "src" : "x86_64",
                Optional.of(LicenseCheck.check(license)),
                Optional.empty(),
                "00".repeat(32),
                "pkg:rpm/x/" + file,
                sourceRpm);
    }

    private static final ComponentBuild BUILD = new ComponentBuild(
            "tool",
            rpm("tool-1-1.src.rpm", "GPLv2+", Optional.empty()),
            List.of(
                    rpm("tool-1-1.x86_64.rpm", "GPLv2+", Optional.of("tool-1-1.src.rpm")),
                    rpm("libtool-1-1.x86_64.rpm", "LGPLv2+", Optional.of("tool-1-1.src.rpm")),
                    rpm("docs-1-1.x86_64.rpm", "MIT", Optional.of("tool-1-1.src.rpm"))));

    @Test
    void eachInvalidTextIsReportedOnceWithTheFilesThatStateIt() {
        Map<LicenseCheck.LicenseExpression, List<String>> invalid = BUILD.invalidLicenses(Optional.empty());

        assertThat(invalid.keySet())
                .extracting(LicenseCheck.LicenseExpression::text)
                .containsExactly("GPLv2+", "LGPLv2+");
        assertThat(invalid.get(LicenseCheck.check("GPLv2+")))
                .containsExactly("tool-1-1.src.rpm", "tool-1-1.x86_64.rpm");
    }

    @Test
    void theComponentsOwnInvalidLicenseIsNotReportedAgain() {
        assertThat(BUILD.invalidLicenses(Optional.of("GPLv2+")).keySet())
                .extracting(LicenseCheck.LicenseExpression::text)
                .containsExactly("LGPLv2+");
    }
}
