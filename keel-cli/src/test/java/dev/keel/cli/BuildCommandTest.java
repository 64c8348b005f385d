package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.repo.RepoCheck;
import dev.keel.build.tool.HostTool;
import dev.keel.build.tool.ToolRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel component build}, {@code keel repo check} and {@code keel package list} on a
 * project of local specs: a C library, a noarch package and one that does not build.
 */
class BuildCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final TempCache cache = new TempCache();

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = dir.resolve("project");
        write("azldev.toml", """
                [project]
                default-distro = { name = "testdistro", version = "1" }
                [distros.testdistro.versions.1]
                release-ver = "1"
                [distros.testdistro.versions.1.default-component-config]
                release = { calculation = "manual" }
                build = { defines = { dist = ".kt1" } }

                [default-package-config.publish]
                rpm-channel = "base"

                [package-groups.sdk]
                packages = ["keelcli-lib-devel"]
                default-package-config.publish.rpm-channel = "sdk"

                [components.keelcli-data]
                spec = { type = "local", path = "local/keelcli-data/keelcli-data.spec" }

                [components.keelcli-lib]
                spec = { type = "local", path = "local/keelcli-lib/keelcli-lib.spec" }

                [components.keelcli-broken]
                spec = { type = "local", path = "local/keelcli-broken/keelcli-broken.spec" }
                """);
        write(
                "local/keelcli-data/keelcli-data.spec",
                spec("keelcli-data", "BuildArch: noarch", "true", """
                install -Dpm 0644 /dev/null %{buildroot}%{_datadir}/keelcli-data/data
                """, "%{_datadir}/keelcli-data/data"));
        write("local/keelcli-lib/keelcli.c", "int keelcli(void) { return 1; }\n");
        write(
                "local/keelcli-lib/keelcli-lib.spec",
                spec(
                                "keelcli-lib",
                                "Source0: keelcli.c\nBuildRequires: gcc",
                                "gcc %{optflags} -fPIC -shared -Wl,-soname,libkeelcli.so.1 -o libkeelcli.so.1 %{SOURCE0}",
                                """
                        install -Dpm 0755 libkeelcli.so.1 %{buildroot}%{_libdir}/libkeelcli.so.1
                        ln -s libkeelcli.so.1 %{buildroot}%{_libdir}/libkeelcli.so
                        """,
                                "%{_libdir}/libkeelcli.so.1")
                        .replace(
                                "%changelog",
                                "%package devel\nSummary: Link\nRequires: %{name}%{?_isa} = %{version}-%{release}\n"
                                        + "%description devel\nLink.\n%files devel\n%{_libdir}/libkeelcli.so\n\n%changelog"));
        write(
                "local/keelcli-broken/keelcli-broken.spec",
                spec(
                        "keelcli-broken",
                        "BuildArch: noarch",
                        "echo 'error: keelcli-broken does not build' >&2; exit 1",
                        "",
                        ""));
    }

    @AfterEach
    void restoreToolPath() {
        System.clearProperty(ToolRunner.PATH_PROPERTY);
    }

    private static String spec(String name, String preamble, String build, String install, String files) {
        return """
                Name: %s
                Version: 1.0
                Release: 1%%{?dist}
                Summary: A package of Keel's CLI tests
                License: MIT
                %s

                %%description
                A test.

                %%prep

                %%build
                %s

                %%install
                %s

                %%files
                %s

                %%changelog
                * Tue Mar 03 2026 Keel Test <test@example.org> - 1.0-1
                - Test
                """.formatted(name, preamble, build, install, files);
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliRunner keel(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private static JsonNode json(CliRunner result) throws IOException {
        return new ObjectMapper().readTree(result.out());
    }

    private static void assumeBuilds(HostTool... more) {
        Optional<String> why = LocalBackend.unavailable(List.of(more));
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds RPMs)");
    }

    @Test
    void withoutTheRpmToolsTheBuildSaysExactlyWhatToInstall() {
        System.setProperty(ToolRunner.PATH_PROPERTY, dir.resolve("empty").toString());
        CliRunner result = keel("component", "build", "-a");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: cannot build: rpm, rpmbuild, unshare and mount are not installed: apt-get install -y"
                        + " rpm util-linux mount\n");
        CliRunner check = keel("repo", "check", "--repo", dir.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err())
                .endsWith("error: cannot check the repository: dnf, dnf repoclosure and rpm are not installed:"
                        + " apt-get install -y dnf dnf-plugins-core rpm\n");
    }

    @Test
    void conflictingOptionsAreUsageErrors() {
        for (List<String> args : List.of(
                List.of("--srpm-only", "--local-repo-with-publish", "repo"),
                List.of("--backend", "chroot"),
                List.of("--preserve-buildenv", "sometimes"),
                List.of("--local-repo", "r", "--local-repo-with-publish", "r"))) {
            List<String> all = new ArrayList<>(List.of("component", "build", "-a"));
            all.addAll(args);
            CliRunner result = keel(all.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s", args).isEqualTo(2);
            assertThat(result.err()).as("%s", args).startsWith("error: ");
        }
    }

    @Test
    void buildsPublishesByChannelRebuildsNothingUnchangedAndChecksTheRepository() throws Exception {
        assumeBuilds(HostTool.CREATEREPO);
        Path repo = dir.resolve("repo");
        CliRunner first = keel(
                "component",
                "build",
                "-a",
                "-k",
                "-j",
                "2",
                "--local-repo-with-publish",
                repo.toString(),
                "-O",
                "json");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        JsonNode rows = json(first);
        assertThat(rows).hasSize(3);
        JsonNode broken = rows.get(0);
        assertThat(broken.get("component").asText()).isEqualTo("keelcli-broken");
        assertThat(broken.get("status").asText()).isEqualTo("failed");
        assertThat(broken.get("log").asText()).isEqualTo("build/logs/keelcli-broken.log");
        assertThat(broken.get("failure").get("location").asText()).isEqualTo("build/logs/keelcli-broken.log");
        assertThat(broken.get("failure").get("details").get("error 1").asText())
                .isEqualTo("error: keelcli-broken does not build");
        JsonNode lib = rows.get(2);
        assertThat(lib.get("status").asText()).isEqualTo("built");
        assertThat(lib.get("srpm").asText()).isEqualTo("out/srpms/keelcli-lib-1.0-1.kt1.src.rpm");
        assertThat(lib.get("rpms"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "out/rpms/base/keelcli-lib-1.0-1.kt1.x86_64.rpm",
                        "out/rpms/sdk/keelcli-lib-devel-1.0-1.kt1.x86_64.rpm");
        assertThat(lib.get("blockedBy")).isEmpty();
        assertThat(lib.get("seconds").isNumber()).isTrue();

        CliRunner second = keel("component", "build", "keelcli-lib", "keelcli-data", "-O", "json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(json(second)).extracting(row -> row.get("status").asText()).containsOnly("unchanged");

        CliRunner failing = keel("component", "build", "keelcli-broken");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out())
                .startsWith("component       status  rpms  seconds  detail\nkeelcli-broken  failed  0");
        assertThat(failing.err())
                .contains("error: keelcli-broken: rpmbuild --rebuild failed (exit status 1)\n"
                        + "  --> build/logs/keelcli-broken.log\n"
                        + "   = error 1: error: keelcli-broken does not build\n");

        CliRunner table = keel("component", "build", "keelcli-data", "--rebuild");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).startsWith("component     status  rpms  seconds  detail\nkeelcli-data  built   1");
        assertThat(table.err()).contains("1 component: 1 built");

        RpmTools.assumeRepoCheck();
        CliRunner check = keel("repo", "check", "--repo", repo.toString(), "--install", "keelcli-data", "-O", "json");
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(1);
        JsonNode report = json(check);
        assertThat(report.get("unresolved").get(0).get("package").asText()).isEqualTo("keelcli-lib-1.0-1.kt1.x86_64");
        assertThat(report.get("install").get("installed"))
                .extracting(JsonNode::asText)
                .containsExactly("keelcli-data-1.0-1.kt1.noarch");
    }

    @Test
    void buildsInTheGraphsOrderAndBreaksACycleWithItsBootstrapBuild() throws Exception {
        assumeBuilds();
        write("azldev.toml", """
                [project]
                default-distro = { name = "testdistro", version = "1" }
                [distros.testdistro.versions.1]
                release-ver = "1"
                [distros.testdistro.versions.1.default-component-config]
                release = { calculation = "manual" }
                build = { defines = { dist = ".kt1" } }

                [components.keelcli-alpha]
                spec = { type = "local", path = "local/keelcli-alpha/keelcli-alpha.spec" }

                [components.keelcli-beta]
                spec = { type = "local", path = "local/keelcli-beta/keelcli-beta.spec" }
                build = { bootstrap = { without = ["a_dep"] } }
                """);
        write(
                "local/keelcli-alpha/keelcli-alpha.spec",
                spec(
                        "keelcli-alpha",
                        "BuildArch: noarch\nBuildRequires: keelcli-beta",
                        "test \"$(cat /usr/share/keelcli-beta/beta.txt)\" = stage1",
                        "install -Dpm 0644 /dev/null %{buildroot}%{_datadir}/keelcli-alpha/alpha.txt",
                        "%{_datadir}/keelcli-alpha/alpha.txt"));
        write(
                "local/keelcli-beta/keelcli-beta.spec",
                "%bcond a_dep 1\n"
                        + spec(
                                "keelcli-beta",
                                "BuildArch: noarch\n%if %{with a_dep}\nBuildRequires: keelcli-alpha\n%endif",
                                "%if %{with a_dep}\ntest -f /usr/share/keelcli-alpha/alpha.txt\necho final > beta.txt\n"
                                        + "%else\necho stage1 > beta.txt\n%endif",
                                "install -Dpm 0644 beta.txt %{buildroot}%{_datadir}/keelcli-beta/beta.txt",
                                "%{_datadir}/keelcli-beta/beta.txt"));

        CliRunner graph = keel("component", "graph", "-a", "-O", "json");
        assertThat(graph.exitCode()).as(graph.err()).isEqualTo(1);
        assertThat(graph.err()).contains("no rendered specs");
        CliRunner first = keel("component", "build", "-a", "-O", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(json(first).findValuesAsText("component"))
                .containsExactly("keelcli-alpha", "keelcli-beta", "keelcli-beta@stage1");
        assertThat(json(first).findValuesAsText("status")).containsExactly("built", "built", "built");
        assertThat(first.err()).endsWith("2 components and 1 stage-1 build: 3 built\n");
        assertThat(project.resolve("out/bootstrap/keelcli-beta")).isDirectory();
        CliRunner second = keel("component", "build", "-a", "-O", "json");
        assertThat(json(second).findValuesAsText("status")).containsOnly("unchanged");
    }

    @Test
    void aLocalRepoWithoutMetadataIsRefusedBeforeAnyBuild() {
        assumeBuilds();
        Path notARepo = dir.resolve("not-a-repo");
        CliRunner result = keel("component", "build", "-a", "--local-repo", notARepo.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .endsWith("error: --local-repo " + notARepo + " is not an RPM repository (no repodata/repomd.xml)\n"
                        + "   = hint: create its metadata with: createrepo_c " + notARepo + "\n");
        assertThat(project.resolve("build/logs")).doesNotExist();
    }

    @Test
    void listsPackagesWithTheirChannels() throws Exception {
        CliRunner all = keel("package", "list", "-a", "-O", "json");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).isEqualTo("""
                [
                  {
                    "packageName" : "keelcli-lib-devel",
                    "type" : "rpm",
                    "group" : "sdk",
                    "component" : "",
                    "publishChannel" : "sdk"
                  }
                ]
                """);
        Path map = Files.writeString(dir.resolve("map.json"), """
                [{"packageName": "keelcli-lib", "sourcePackageName": "keelcli-lib"},
                 {"packageName": "keelcli-lib-devel", "sourcePackageName": "keelcli-lib"}]
                """);
        CliRunner mapped = keel("package", "list", "--rpm-file", map.toString());
        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
        assertThat(mapped.out()).isEqualTo("""
                package            type  group  component    channel
                keelcli-lib        rpm          keelcli-lib  base
                keelcli-lib        srpm         keelcli-lib
                keelcli-lib-devel  rpm   sdk    keelcli-lib  sdk
                """);
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"packageName\": \"x\"}]");
        CliRunner refused = keel("package", "list", "--rpm-file", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("error: the RPM source map entry 0 needs a non-empty packageName and sourcePackageName\n");
        assertThat(keel("package", "list").exitCode()).isEqualTo(2);
        assertThat(keel("package", "list", "-a", "--rpm-file", map.toString()).exitCode())
                .isEqualTo(2);
    }

    /** Skips, saying what to install, when repo check's tools are missing. */
    private static final class RpmTools {
        static void assumeRepoCheck() {
            Optional<String> missing = HostTool.missing(RepoCheck.tools());
            assumeTrue(missing.isEmpty(), () -> missing.orElse("") + " (this test checks a repository)");
        }
    }
}
