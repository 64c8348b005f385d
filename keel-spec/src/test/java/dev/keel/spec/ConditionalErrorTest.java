package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Spec#conditionalError()}: the conditional error rpm stops at, or none. Each case is also
 * given to rpm 4.18's {@code rpmspec} when it is on the PATH, which must refuse exactly the specs
 * with an error, at the same line.
 */
class ConditionalErrorTest {

    private static final String PREAMBLE = "Name: demo\nVersion: 1\nRelease: 1\nSummary: d\nLicense: MIT\n";

    @TempDir
    Path dir;

    /** Spec text after the preamble (which ends on line 5), the expected line and message, or 0 and null. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "unclosed-in-preamble", "%if 1\nBuildRequires: x\n%description\nDemo.\n", 6, "unclosed %if"),
                Arguments.of(
                        "innermost-unclosed",
                        "%if 1\n%ifarch x86_64\nBuildRequires: x\n%description\nDemo.\n",
                        7,
                        "unclosed %ifarch"),
                Arguments.of(
                        "unclosed-in-changelog",
                        "%description\nDemo.\n%changelog\n%if 1\n* Mon Jan 01 2024 A - 1\n",
                        9,
                        "unclosed %if"),
                Arguments.of("endif-without-if", "%description\nDemo.\n%endif\n", 8, "%endif with no %if"),
                Arguments.of("else-without-if", "%else\n%description\nDemo.\n", 6, "%else with no %if"),
                Arguments.of(
                        "elif-without-if", "%description\nDemo.\n%if 0\n%endif\n%elif 1\n", 10, "%elif with no %if"),
                Arguments.of(
                        "else-after-else",
                        "%description\nDemo.\n%if 0\n%else\n%else\n%endif\n",
                        10,
                        "%else after %else"),
                Arguments.of(
                        "misplaced-before-unclosed",
                        "%description\nDemo.\n%endif\n%if 0\n%files\n",
                        8,
                        "%endif with no %if"),
                Arguments.of("balanced", "%if 1\nBuildRequires: x\n%endif\n%description\nDemo.\n", 0, null),
                Arguments.of(
                        "if-inside-a-definition-body",
                        "%global foo() \\\n%if 1\\\nx\\\n%endif\n%description\nDemo.\n",
                        0,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheErrorRpmStopsAt(String name, String body, int line, String message) throws Exception {
        Spec spec = Spec.parse(PREAMBLE + body);

        if (message == null) {
            assertThat(spec.conditionalError()).isEmpty();
        } else {
            assertThat(spec.conditionalError()).contains(Diagnostic.error(line, message));
        }
        rpmspecAgrees(name, PREAMBLE + body, line);
    }

    /** rpmspec refuses the spec at that line (0: accepts it); nothing to check without rpmspec. */
    private void rpmspecAgrees(String name, String text, int line) throws IOException, InterruptedException {
        if (!onPath("rpmspec")) {
            System.out.println("ConditionalErrorTest: rpmspec is not on the PATH (apt-get install rpm),"
                    + " not comparing " + name + " with rpm");
            return;
        }
        Path spec = dir.resolve(name + ".spec");
        Files.writeString(spec, text);
        Path errors = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(List.of("rpmspec", "-q", "--srpm", "--qf", "%{name}\n", spec.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rpmspec finished").isTrue();
        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        if (line == 0) {
            assertThat(process.exitValue()).as(stderr).isZero();
        } else {
            assertThat(process.exitValue()).as(stderr).isNotZero();
            assertThat(stderr).contains("line " + line + ": ");
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
