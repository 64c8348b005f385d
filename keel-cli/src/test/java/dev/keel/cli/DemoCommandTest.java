package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.backend.LocalBackend;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolRunner;
import dev.keel.core.io.KeelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel demo} end to end: real git repositories, real render, real check, the real RPM
 * tools where they are installed (what to install where they are not), commands rerun as printed.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersTheExampleDistroFromItsGeneratedUpstreamAndPassesTheGate() throws Exception {
        CliRunner first = CliRunner.run("demo", "--dir", dir.toString());
        assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
        assertThat(first.out())
                .contains("Its upstream dist-git is "
                        + dir.resolve("upstream/git").toUri() + "$pkg,")
                .contains("h/hello/hello.spec")
                .contains("g/greeter/greeter.sh")
                .contains("n/notice/notice.spec")
                .contains("    release_number = 3;")
                .contains("- Do not embed an rpath")
                .doesNotContain("Rebuild against the new toolchain");
        String libwidget = Files.readString(dir.resolve("project/specs/l/libwidget/libwidget.spec"));
        assertThat(libwidget)
                .startsWith("## START: Set by rpmautospec")
                .doesNotContain("%autochangelog")
                .doesNotContain("%package        static")
                .contains("rm %{buildroot}%{_libdir}/libwidget.a\n")
                .doesNotContain("0002-widget-no-rpath.patch")
                .contains("* Wed Feb 11 2026 Jane Packager <jane@example.org> - 1:4.2.0-2\n- Do not embed an rpath\n")
                .contains("* Wed Oct 15 2025 Mass Rebuild Bot <rebuild@example.org> - 1:4.1.0-2\n"
                        + "- Rebuilt for the mass rebuild\n");
        assertThat(Files.readString(dir.resolve("project/specs/n/notice/notice.spec")))
                .contains("BuildRequires:  libwidget-devel");
        assertThat(Files.readString(dir.resolve("project/specs/g/greeter/greeter.spec")))
                .contains("BuildRequires:  notice")
                .contains("notice %{SOURCE1} > banner.txt");
        String hello = Files.readString(dir.resolve("project/specs/h/hello/hello.spec"));
        assertThat(hello).contains("Provides: greeting(keel-example)").contains("-fstack-clash-protection");
        assertThat(Files.readString(dir.resolve("project/specs/h/hello/hello.conf")))
                .contains("greeting = Hello from Keel");

        assertThat(first.out()).contains("  hello-2.1.tar.xz");
        assertThat(Files.readString(dir.resolve("prepared/hello/sources"))).startsWith("SHA512 (hello-2.1.tar.xz) = ");
        assertThat(Files.readString(dir.resolve("prepared/hello/hello.spec")))
                .contains("Provides: greeting(keel-example)");

        if (buildsHere()) {
            assertThat(first.out())
                    .contains("libwidget  built   3")
                    .contains("greeter-1.1-1.kx1.noarch  installed")
                    .contains("  rpms/libwidget-devel-4.2.0-3.kx1.x86_64.rpm");
        } else {
            System.out.println("keel: the demo's build step was skipped here: " + first.out());
            assertThat(first.out()).contains("== Building the RPMs: skipped, ");
        }

        byte[] before = Files.readAllBytes(dir.resolve("project/specs/l/libwidget/libwidget.spec"));
        CliRunner second = CliRunner.run("demo", "--dir", dir.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("project/specs/l/libwidget/libwidget.spec")))
                .isEqualTo(before);
    }

    @Test
    void withoutTheRpmToolsItRendersAndSaysWhatToInstall() {
        System.setProperty(ToolRunner.PATH_PROPERTY, dir.resolve("no-tools").toString());
        try {
            CliRunner demo = CliRunner.run("demo", "--dir", dir.toString());
            assertThat(demo.exitCode()).as(demo.err()).isZero();
            assertThat(demo.out())
                    .contains("n/notice/notice.spec")
                    .contains("== Building the RPMs: skipped, rpm, rpmbuild, unshare, mount, createrepo_c, dnf and"
                            + " dnf repoclosure are not installed: apt-get install -y rpm util-linux mount"
                            + " createrepo-c dnf dnf-plugins-core\n")
                    .contains("   The example's specs also need: apt-get install -y gcc libc6-dev make patch python3\n")
                    .doesNotContain("component build");
        } finally {
            System.clearProperty(ToolRunner.PATH_PROPERTY);
        }
    }

    /** Whether the demo's build step runs on this host (the RPM tools, root). */
    private static boolean buildsHere() {
        return LocalBackend.unavailable(List.of(HostTool.CREATEREPO, HostTool.DNF, HostTool.REPOCLOSURE))
                .isEmpty();
    }

    @Test
    void theCommandsItPrintsCanBeRerunAsPrintedAfterItExits() throws Exception {
        CliRunner demo = CliRunner.run("demo", "--dir", dir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        List<String> printed = demo.out()
                .lines()
                .filter(line -> line.startsWith("== keel "))
                .map(line -> line.substring("== keel ".length()))
                .toList();
        assertThat(printed).hasSize(buildsHere() ? 7 : 4).anyMatch(line -> line.endsWith("render -a --check-only"));
        String previous = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("another-cache").toString());
        try {
            for (String command : printed) {
                CliRunner rerun = CliRunner.run(command.split(" "));
                assertThat(rerun.exitCode())
                        .as(command + "\n" + rerun.err() + rerun.out())
                        .isZero();
            }
        } finally {
            if (previous == null) {
                System.clearProperty(KeelCache.PROPERTY);
            } else {
                System.setProperty(KeelCache.PROPERTY, previous);
            }
        }
        assertThat(dir.resolve("another-cache/lookaside/sha512")).isDirectory();
    }
}
