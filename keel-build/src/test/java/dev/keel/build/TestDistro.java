package dev.keel.build;

import dev.keel.build.graph.BuildGraph;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.render.LocalSpecs;
import dev.keel.core.render.SourcePreparer;
import dev.keel.core.source.DownloadLimits;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.LookasideCache;
import dev.keel.core.source.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small distro of hand-written local specs, every name with {@code keeltest} so a leak onto the
 * host can be searched for: {@code keeltest-lib} (a C library and its {@code -devel}),
 * {@code keeltest-prog} (a program that compiles against the header and links the library),
 * {@code keeltest-report} (noarch, runs the program during its build) and {@code keeltest-data}
 * (noarch, no dependency). Or ({@link #writeCycle}) a dependency cycle that a bootstrap breaks.
 */
final class TestDistro {

    static final String LIB = "keeltest-lib";
    static final String PROG = "keeltest-prog";
    static final String REPORT = "keeltest-report";
    static final String DATA = "keeltest-data";
    static final String ALPHA = "keeltest-alpha";
    static final String BETA = "keeltest-beta";
    static final String GAMMA = "keeltest-gamma";

    private static final String PROJECT = """
            includes = ["components.toml"]
            [project]
            default-distro = { name = "testdistro", version = "1" }
            [distros.testdistro]
            default-version = "1"
            [distros.testdistro.versions.1]
            release-ver = "1"
            [distros.testdistro.versions.1.default-component-config]
            release = { calculation = "manual" }
            build = { defines = { dist = ".kt1", vendor = "Keel Test" } }
            """;

    private final Path root;

    private TestDistro(Path root) {
        this.root = root;
    }

    /** Writes the distro's project into {@code root}. */
    static TestDistro write(Path root) throws IOException {
        TestDistro distro = new TestDistro(root);
        distro.file("azldev.toml", PROJECT);
        StringBuilder components = new StringBuilder();
        for (String name : List.of(LIB, PROG, REPORT, DATA)) {
            components.append(component(name));
        }
        distro.file("components.toml", components.toString());
        distro.file("local/" + LIB + "/keeltestlib.h", "int keeltest_answer(void);\n");
        distro.library(42);
        distro.file("local/" + LIB + "/" + LIB + ".spec", """
                Name:           keeltest-lib
                Version:        1.0
                Release:        1%{?dist}
                Summary:        A tiny C library of Keel's tests
                License:        MIT
                Source0:        keeltestlib.c
                Source1:        keeltestlib.h
                BuildRequires:  gcc

                %description
                A tiny C library.

                %package devel
                Summary:        The header and link of keeltest-lib
                Requires:       %{name}%{?_isa} = %{version}-%{release}

                %description devel
                The header and link of keeltest-lib.

                %prep
                %setup -q -c -T
                cp -p %{SOURCE0} %{SOURCE1} .

                %build
                gcc %{optflags} -fPIC -shared -Wl,-soname,libkeeltestlib.so.1 -o libkeeltestlib.so.1.0 keeltestlib.c

                %install
                install -Dpm 0755 libkeeltestlib.so.1.0 %{buildroot}%{_libdir}/libkeeltestlib.so.1.0
                ln -s libkeeltestlib.so.1.0 %{buildroot}%{_libdir}/libkeeltestlib.so.1
                ln -s libkeeltestlib.so.1 %{buildroot}%{_libdir}/libkeeltestlib.so
                install -Dpm 0644 keeltestlib.h %{buildroot}%{_includedir}/keeltestlib.h

                %files
                %{_libdir}/libkeeltestlib.so.1*

                %files devel
                %{_libdir}/libkeeltestlib.so
                %{_includedir}/keeltestlib.h

                %changelog
                * Tue Mar 03 2026 Keel Test <test@example.org> - 1.0-1
                - First release
                """);
        distro.file("local/" + PROG + "/keeltest-prog.c", """
                #include <stdio.h>
                #include <keeltestlib.h>
                int main(void) { printf("the answer is %d\\n", keeltest_answer()); return 0; }
                """);
        distro.file("local/" + PROG + "/" + PROG + ".spec", """
                Name:           keeltest-prog
                Version:        2.0
                Release:        1%{?dist}
                Summary:        A program of Keel's tests that links keeltest-lib
                License:        MIT
                Source0:        keeltest-prog.c
                BuildRequires:  gcc
                BuildRequires:  keeltest-lib-devel >= 1.0

                %description
                Prints the answer.

                %prep
                %setup -q -c -T
                cp -p %{SOURCE0} .

                %build
                gcc %{optflags} -o keeltest-prog keeltest-prog.c -lkeeltestlib

                %install
                install -Dpm 0755 keeltest-prog %{buildroot}%{_bindir}/keeltest-prog

                %files
                %{_bindir}/keeltest-prog

                %changelog
                * Wed Mar 04 2026 Keel Test <test@example.org> - 2.0-1
                - First release
                """);
        distro.file("local/" + REPORT + "/" + REPORT + ".spec", """
                Name:           keeltest-report
                Version:        3.0
                Release:        1%{?dist}
                Summary:        Data that keeltest-prog computes at build time
                License:        MIT
                BuildArch:      noarch
                BuildRequires:  keeltest-prog
                BuildRequires:  /usr/bin/keeltest-prog

                %description
                The answer, as the program says it.

                %prep

                %build
                keeltest-prog > answer.txt

                %install
                install -Dpm 0644 answer.txt %{buildroot}%{_datadir}/keeltest-report/answer.txt

                %files
                %{_datadir}/keeltest-report/answer.txt

                %changelog
                * Thu Mar 05 2026 Keel Test <test@example.org> - 3.0-1
                - First release
                """);
        distro.file("local/" + DATA + "/keeltest-data.txt", "plain data\n");
        distro.file("local/" + DATA + "/" + DATA + ".spec", """
                Name:           keeltest-data
                Version:        1.5
                Release:        1%{?dist}
                Summary:        A noarch data package of Keel's tests
                License:        MIT
                BuildArch:      noarch
                Source0:        keeltest-data.txt

                %description
                Plain data.

                %prep

                %build

                %install
                install -Dpm 0644 %{SOURCE0} %{buildroot}%{_datadir}/keeltest-data/keeltest-data.txt

                %files
                %{_datadir}/keeltest-data/keeltest-data.txt

                %changelog
                * Fri Mar 06 2026 Keel Test <test@example.org> - 1.5-1
                - First release
                """);
        return distro;
    }

    /**
     * Writes a project of two noarch components that need each other: {@code keeltest-alpha}
     * BuildRequires {@code keeltest-beta}, and its build fails unless the beta it gets is the
     * stage-1 build; {@code keeltest-beta} BuildRequires {@code keeltest-alpha} unless built
     * {@code --without a_dep}, which its {@code build.bootstrap} asks for stage 1. The final beta's
     * build fails unless alpha is installed. {@code keeltest-gamma} needs both, and the final beta.
     */
    static TestDistro writeCycle(Path root) throws IOException {
        TestDistro distro = new TestDistro(root);
        distro.file("azldev.toml", PROJECT);
        distro.file(
                "components.toml",
                component(ALPHA) + component(BETA) + "build = { bootstrap = { without = [\"a_dep\"] } }\n"
                        + component(GAMMA));
        distro.file("local/" + ALPHA + "/" + ALPHA + ".spec", """
                Name:           keeltest-alpha
                Version:        1.0
                Release:        1%{?dist}
                Summary:        Half of a dependency cycle of Keel's tests
                License:        MIT
                BuildArch:      noarch
                BuildRequires:  keeltest-beta

                %description
                Needs keeltest-beta to build.

                %prep

                %build
                test "$(cat /usr/share/keeltest-beta/beta.txt)" = stage1
                echo alpha > alpha.txt

                %install
                install -Dpm 0644 alpha.txt %{buildroot}%{_datadir}/keeltest-alpha/alpha.txt

                %files
                %{_datadir}/keeltest-alpha/alpha.txt

                %changelog
                * Sat Mar 07 2026 Keel Test <test@example.org> - 1.0-1
                - First release
                """);
        distro.file("local/" + BETA + "/" + BETA + ".spec", """
                %bcond a_dep 1
                Name:           keeltest-beta
                Version:        1.0
                Release:        1%{?dist}
                Summary:        The other half of a dependency cycle of Keel's tests
                License:        MIT
                BuildArch:      noarch
                %if %{with a_dep}
                BuildRequires:  keeltest-alpha
                %endif

                %description
                Needs keeltest-alpha to build, unless built --without a_dep.

                %prep

                %build
                %if %{with a_dep}
                test -f /usr/share/keeltest-alpha/alpha.txt
                echo final > beta.txt
                %else
                echo stage1 > beta.txt
                %endif

                %install
                install -Dpm 0644 beta.txt %{buildroot}%{_datadir}/keeltest-beta/beta.txt

                %files
                %{_datadir}/keeltest-beta/beta.txt

                %changelog
                * Sun Mar 08 2026 Keel Test <test@example.org> - 1.0-1
                - First release
                """);
        distro.file("local/" + GAMMA + "/" + GAMMA + ".spec", """
                Name:           keeltest-gamma
                Version:        1.0
                Release:        1%{?dist}
                Summary:        Needs both halves of a dependency cycle of Keel's tests
                License:        MIT
                BuildArch:      noarch
                BuildRequires:  keeltest-alpha
                BuildRequires:  keeltest-beta

                %description
                Needs the final keeltest-beta to build.

                %prep

                %build
                test "$(cat /usr/share/keeltest-beta/beta.txt)" = final

                %install
                install -Dpm 0644 /usr/share/keeltest-alpha/alpha.txt %{buildroot}%{_datadir}/keeltest-gamma/alpha.txt

                %files
                %{_datadir}/keeltest-gamma/alpha.txt

                %changelog
                * Mon Mar 09 2026 Keel Test <test@example.org> - 1.0-1
                - First release
                """);
        return distro;
    }

    private static String component(String name) {
        return "[components." + name + "]\nspec = { type = \"local\", path = \"local/" + name + "/" + name
                + ".spec\" }\n";
    }

    /** Rewrites the library's source so that it answers {@code answer}. */
    void library(int answer) throws IOException {
        file(
                "local/" + LIB + "/keeltestlib.c",
                "#include \"keeltestlib.h\"\nint keeltest_answer(void) { return " + answer + "; }\n");
    }

    /** Rewrites the library's source so that it does not compile. */
    void breakLibrary() throws IOException {
        file("local/" + LIB + "/keeltestlib.c", "#include \"keeltestlib.h\"\nint keeltest_answer(void) { return }\n");
    }

    Path root() {
        return root;
    }

    Project load() {
        return new ProjectLoader(false).load(root.resolve("azldev.toml"));
    }

    /** The distro's graph, as the dependency graph would find it. */
    static BuildGraph graph() {
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        dependsOn.put(DATA, new TreeSet<>());
        dependsOn.put(LIB, new TreeSet<>());
        dependsOn.put(PROG, new TreeSet<>(List.of(LIB)));
        dependsOn.put(REPORT, new TreeSet<>(List.of(PROG)));
        return new BuildGraph(
                dependsOn,
                List.of(),
                List.of(),
                List.of(List.of(DATA, LIB), List.of(PROG), List.of(REPORT)),
                List.of(LIB, PROG, REPORT));
    }

    /** keel-core's source preparation for these local specs, with a lookaside cache in {@code cache}. */
    SourceProvider sources(Path cache) {
        return (component, output) -> {
            Project project = load();
            SourcePreparer preparer = new SourcePreparer(
                    project,
                    new LocalSpecs(),
                    new LookasideCache(
                            cache, new FetchPolicy(false, DownloadLimits.DEFAULT, new RetryPolicy(1, Duration.ZERO))));
            return preparer.prepare(
                    project.components().get(component.name()),
                    output,
                    new SourcePreparer.Options(false, false, false));
        };
    }

    private void file(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
