package dev.keel.build.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build requirements the host must provide: checked where an honest check exists. */
class HostRequirementsTest {

    @TempDir
    Path dir;

    @Test
    void filesAndPkgConfigAreCheckedOtherKindsAreNot() throws Exception {
        ToolRunner runner = new ToolRunner(dir.resolve("home"));
        assumeTrue(
                ToolRunner.find("pkg-config").isPresent(), "pkg-config is not installed: apt-get install -y pkgconf");
        String known = runner.capture(ToolCommand.of(Duration.ofMinutes(1), List.of("pkg-config", "--list-all")), null)
                .output()
                .lines()
                .map(line -> line.split("\\s+")[0])
                .findFirst()
                .orElse("");
        assumeTrue(!known.isEmpty(), "the host has no pkg-config file to look for");
        List<HostRequirements.Check> checks = HostRequirements.check(
                List.of(
                        "/bin/sh",
                        "/usr/bin/keeltest-absent",
                        "/usr/../etc/hostname",
                        "pkgconfig(" + known + ")",
                        "pkgconfig(" + known + ") >= 99999",
                        "pkgconfig(-keeltest)",
                        "sh",
                        "keeltest-package >= 2",
                        "(a or b)"),
                runner,
                dir.resolve("check.log"));
        assertThat(checks)
                .extracting(HostRequirements.Check::verdict)
                .containsExactly(
                        HostRequirements.Verdict.PRESENT,
                        HostRequirements.Verdict.MISSING,
                        HostRequirements.Verdict.MISSING,
                        HostRequirements.Verdict.PRESENT,
                        HostRequirements.Verdict.MISSING,
                        HostRequirements.Verdict.MISSING,
                        HostRequirements.Verdict.UNCHECKED,
                        HostRequirements.Verdict.UNCHECKED,
                        HostRequirements.Verdict.UNCHECKED);
        assertThat(checks.get(6).how()).isEqualTo("a program of that name is installed");
        assertThat(checks.get(7).how()).isEqualTo("no rpm database on this host says who provides it");
    }
}
