package dev.keel.build.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Keel says when the RPM tools are missing: exactly which Debian packages to install. */
class HostToolTest {

    @TempDir
    Path dir;

    @AfterEach
    void restorePath() {
        System.clearProperty(ToolRunner.PATH_PROPERTY);
    }

    @Test
    void namesEveryMissingToolAndTheDebianPackagesOnce() throws Exception {
        System.setProperty(ToolRunner.PATH_PROPERTY, dir.toString());
        assertThat(HostTool.missing(
                        List.of(HostTool.RPMBUILD, HostTool.RPM, HostTool.CREATEREPO, HostTool.REPOCLOSURE)))
                .contains("rpmbuild, rpm, createrepo_c and dnf repoclosure are not installed: apt-get install -y rpm"
                        + " createrepo-c dnf-plugins-core");
        assertThat(HostTool.missing(List.of(HostTool.DNF))).contains("dnf is not installed: apt-get install -y dnf");
    }

    @Test
    void aToolInTheSearchPathIsFound() throws Exception {
        Path rpm = Files.writeString(dir.resolve("rpm"), "#!/bin/sh\n");
        rpm.toFile().setExecutable(true);
        Files.writeString(dir.resolve("rpmbuild"), "not executable");
        System.setProperty(ToolRunner.PATH_PROPERTY, dir.toString());
        assertThat(HostTool.missing(List.of(HostTool.RPM))).isEmpty();
        assertThat(HostTool.missing(List.of(HostTool.RPMBUILD))).isPresent();
    }
}
