package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel spec query --expand} on a spec rpm refuses for its conditionals: exit 1, a located error, no output. */
class SpecQueryConditionalsTest {

    private static final String PREAMBLE = "Name: demo\nVersion: 1\nRelease: 1\nSummary: d\nLicense: MIT\n";
    private static final String HINT =
            "   = hint: every %if needs its %endif, and %elif, %else and %endif need an open %if"
                    + " (without --expand, 'keel spec query' lists each such line)\n";

    @TempDir
    Path dir;

    private Path spec(String body) throws Exception {
        Path file = dir.resolve("demo.spec");
        Files.writeString(file, PREAMBLE + body);
        return file;
    }

    private static void assertRefused(Path file, String message, int line, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "spec";
        args[1] = "query";
        args[2] = "--expand";
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = file.toString();

        CliRunner result = CliRunner.run(args);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("error: rpm rejects the spec: " + message + "\n  --> " + file + ":" + line + ":1\n" + HINT);
    }

    @Test
    void anUnclosedIfIsAnErrorAtItsLine() throws Exception {
        assertRefused(spec("%if 0%{?fedora}\nBuildRequires: x\n\n%description\nDemo.\n"), "unclosed %if", 6);
    }

    @Test
    void theInnermostUnclosedBlockIsNamedAsRpmNamesIt() throws Exception {
        assertRefused(spec("%if 1\n%ifarch x86_64\nBuildRequires: x\n%description\nDemo.\n"), "unclosed %ifarch", 7);
    }

    @Test
    void anUnclosedIfAfterThePreambleIsAnErrorToo() throws Exception {
        assertRefused(spec("%description\nDemo.\n%files\n%if %{with docs}\n/usr/share/doc/demo\n"), "unclosed %if", 9);
    }

    @Test
    void anEndifOrElseWithoutIfIsAnError() throws Exception {
        assertRefused(spec("%description\nDemo.\n%endif\n"), "%endif with no %if", 8);
        assertRefused(spec("%else\n%description\nDemo.\n"), "%else with no %if", 6);
        assertRefused(spec("%description\nDemo.\n%if 0\n%else\n%else\n%endif\n"), "%else after %else", 10);
    }

    @Test
    void jsonOutputFailsTheSameWay() throws Exception {
        assertRefused(spec("%if 1\n%description\nDemo.\n"), "unclosed %if", 6, "-O", "json");
    }

    @Test
    void withoutExpandTheStructureIsShownWithTheProblem() throws Exception {
        Path file = spec("%if 1\n%description\nDemo.\n");

        CliRunner result = CliRunner.run("spec", "query", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("error +6 +unclosed %if");
    }

    @Test
    void aBalancedSpecStillExpands() throws Exception {
        CliRunner result = CliRunner.run(
                "spec",
                "query",
                "--expand",
                spec("%if 1\nBuildRequires: x\n%endif\n%description\nDemo.\n").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).containsPattern("name +demo");
    }
}
