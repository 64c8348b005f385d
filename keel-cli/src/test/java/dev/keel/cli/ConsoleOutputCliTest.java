package dev.keel.cli;

import static dev.keel.cli.ErrorMessagesCliTest.SPEC;
import static dev.keel.cli.ErrorMessagesCliTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What commands print besides their result: -q (errors and the requested output only), -v (every
 * configuration warning, per-component timings), configuration warnings said once, plurals, and
 * control characters from specs, names and keys escaped.
 */
class ConsoleOutputCliTest {

    private static final String ESC = "\u001b";

    @RegisterExtension
    final TempCache cache = new TempCache();

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = dir.resolve("project");
        write(project.resolve("azldev.toml"), """
                [components.greeter]
                spec = { type = "local", path = "specs/greeter/greeter.spec" }
                unknown-key = 1

                [[components.greeter.overlays]]
                type = "spec-add-tag"
                tag = "Provides"
                value = "greeting"
                description = "red \\u001b[31m text"
                """);
        write(project.resolve("specs/greeter/greeter.spec"), SPEC);
    }

    private CliRunner render(String... options) {
        String[] args = new String[options.length + 8];
        System.arraycopy(
                new String[] {
                    "-C",
                    project.toString(),
                    "--permissive-config",
                    "component",
                    "render",
                    "-a",
                    "-o",
                    dir.resolve("out").toString()
                },
                0,
                args,
                0,
                8);
        System.arraycopy(options, 0, args, 8, options.length);
        return CliRunner.run(args);
    }

    @Test
    void aWarningIsSaidOnceWithItsCountAndSingular() {
        CliRunner result = render();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEqualTo("""
                        keel: the configuration has 1 warning; 'keel config check' shows them
                        1 component: 1 ok
                        """);
    }

    @Test
    void quietPrintsOnlyTheRequestedOutput() {
        CliRunner result = render("-q");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("component  status  changed  detail\ngreeter    ok");
        // -q is global: also before the command name
        CliRunner again = CliRunner.run(
                "-q",
                "-C",
                project.toString(),
                "--permissive-config",
                "component",
                "render",
                "-a",
                "-o",
                dir.resolve("out2").toString());
        assertThat(again.err()).isEmpty();
    }

    @Test
    void quietStillPrintsErrors() {
        CliRunner result =
                CliRunner.run("-q", "spec", "query", dir.resolve("missing.spec").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: no such file or directory\n");
    }

    @Test
    void verboseShowsEveryWarningAndWhatEachComponentTook() {
        CliRunner result = render("-v");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).matches("""
                        warning: unknown key 'unknown-key' in component 'greeter'
                          --> azldev.toml:3:1
                           = key: components.greeter.unknown-key
                           = hint: [^\\n]*
                        keel: greeter: ok in \\d+ ms
                        1 component: 1 ok
                        """);
    }

    @Test
    void quietAndVerboseTogetherAreAUsageError() {
        CliRunner result = CliRunner.run("-q", "-v", "spec", "stats", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: -q/--quiet and -v/--verbose exclude each other\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void configCheckPrintsTheWarningsAndCountsInWords() {
        CliRunner result = CliRunner.run("-q", "-C", project.toString(), "--permissive-config", "config", "check");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("warning: unknown key 'unknown-key'")
                .endsWith("\nok: 1 file, 1 component, 0 lock files, 1 warning\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void controlCharactersOfASpecAreEscapedInTheTable() throws IOException {
        Path spec = write(dir.resolve("x.spec"), SPEC.replace("Name: greeter", "Name: a" + ESC + "[2Jb"));
        CliRunner result = CliRunner.run("spec", "query", spec.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("name           a\\e[2Jb\n").doesNotContain(ESC);
        CliRunner json = CliRunner.run("spec", "query", "-O", "json", spec.toString());
        assertThat(json.out()).contains("\"name\" : \"a\\u001B[2Jb\"");
    }

    @Test
    void controlCharactersOfAConfigurationValueAreEscapedByComponentShow() {
        CliRunner result =
                CliRunner.run("-C", project.toString(), "--permissive-config", "component", "show", "greeter");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"red \\e[31m text\"").doesNotContain(ESC);
    }

    @Test
    void controlCharactersOfAnOverlayDescriptionAreEscapedInADiff() throws IOException {
        Path spec = write(dir.resolve("src/greeter.spec"), SPEC);
        Path overlays = write(dir.resolve("o.toml"), """
                [[overlays]]
                type = "spec-add-tag"
                tag = "Provides"
                value = "greeting"
                description = "red \\u001b[31m text"
                """);
        CliRunner result = CliRunner.run(
                "overlay", "apply", "--spec", spec.toString(), "--overlays", overlays.toString(), "--diff");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"red \\e[31m text\"").doesNotContain(ESC);
        CliRunner provenance = CliRunner.run(
                "overlay", "apply", "--spec", spec.toString(), "--overlays", overlays.toString(), "--provenance");
        assertThat(provenance.out()).doesNotContain(ESC);
    }

    @Test
    void aSingleWrittenFileIsOneFile() throws IOException {
        Path spec = write(dir.resolve("src/greeter.spec"), SPEC);
        Path overlays = write(dir.resolve("o.toml"), """
                [[overlays]]
                type = "spec-add-tag"
                tag = "Provides"
                value = "greeting"
                """);
        Path out = dir.resolve("out");
        CliRunner result = CliRunner.run(
                "overlay", "apply", "--spec", spec.toString(), "--overlays", overlays.toString(), "-o", out.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("wrote 1 file to " + out + "\n");
    }
}
