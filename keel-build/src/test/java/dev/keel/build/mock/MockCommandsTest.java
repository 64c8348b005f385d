package dev.keel.build.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.build.backend.BuildConditionals;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The exact argument arrays of mock's source-RPM and binary builds. */
class MockCommandsTest {

    private static final MockCommands COMMANDS = new MockCommands(
            Path.of("/w/azl4-x86_64.cfg"),
            Path.of("/w/result"),
            "keel1",
            new BuildConditionals(List.of("bootstrap"), List.of("tests", "docs")),
            new TreeMap<>(Map.of("vendor", "Keel Example", "dist", ".kx1")),
            List.of("file:///w/local-repo", "https://example.test/repo"),
            true);

    @Test
    void buildsTheSourceRpmFromTheSpecAndItsSources() {
        assertThat(COMMANDS.buildSrpm(Path.of("/w/src/hello.spec"), Path.of("/w/src")))
                .containsExactly(
                        "mock",
                        "-r",
                        "/w/azl4-x86_64.cfg",
                        "--buildsrpm",
                        "--spec",
                        "/w/src/hello.spec",
                        "--sources",
                        "/w/src",
                        "--resultdir",
                        "/w/result",
                        "--uniqueext",
                        "keel1",
                        "--with",
                        "bootstrap",
                        "--without",
                        "tests",
                        "--without",
                        "docs",
                        "--define",
                        "dist .kx1",
                        "--define",
                        "vendor Keel Example",
                        "--addrepo",
                        "file:///w/local-repo",
                        "--addrepo",
                        "https://example.test/repo",
                        "--nocheck");
    }

    @Test
    void rebuildsTheSourceRpmWithTheSameOptions() {
        MockCommands plain = new MockCommands(
                Path.of("c.cfg"), Path.of("r"), "keel2", BuildConditionals.NONE, new TreeMap<>(), List.of(), false);
        assertThat(plain.rebuild(Path.of("hello-1-1.src.rpm")))
                .containsExactly(
                        "mock",
                        "-r",
                        "c.cfg",
                        "--rebuild",
                        "hello-1-1.src.rpm",
                        "--resultdir",
                        "r",
                        "--uniqueext",
                        "keel2");
    }

    @Test
    void refusesWhatMockWouldReadAsSomethingElse() {
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("fedora-43-x86_64"),
                        Path.of("r"),
                        "keel1",
                        BuildConditionals.NONE,
                        new TreeMap<>(),
                        List.of(),
                        false))
                .hasMessageContaining("ends in .cfg");
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("c.cfg"),
                        Path.of("r"),
                        "keel1",
                        BuildConditionals.NONE,
                        new TreeMap<>(Map.of("a b", "1")),
                        List.of(),
                        false))
                .hasMessageContaining("not a macro definition");
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("c.cfg"),
                        Path.of("r"),
                        "keel1",
                        BuildConditionals.NONE,
                        new TreeMap<>(),
                        List.of("--enable-network"),
                        false))
                .hasMessageContaining("not a repository");
    }

    @Test
    void noPathOrRootNameCanBecomeAnOption() {
        MockCommands plain = new MockCommands(
                Path.of("c.cfg"), Path.of("r"), "keel1", BuildConditionals.NONE, new TreeMap<>(), List.of(), false);
        assertThatThrownBy(() -> plain.rebuild(Path.of("--enable-network")))
                .hasMessage("mock would read the path '--enable-network' as an option");
        assertThatThrownBy(() -> plain.buildSrpm(Path.of("a.spec"), Path.of("-r x")))
                .hasMessage("mock would read the path '-r x' as an option");
        assertThat(plain.buildSrpm(Path.of("/w/-r x/--with y.spec"), Path.of("/w/-r x")))
                .as("an absolute path is one argument, whatever it holds")
                .containsSubsequence("--spec", "/w/-r x/--with y.spec", "--sources", "/w/-r x");
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("c.cfg"),
                        Path.of("--resultdir"),
                        "keel1",
                        BuildConditionals.NONE,
                        new TreeMap<>(),
                        List.of(),
                        false))
                .hasMessageContaining("as an option");
        for (String ext : List.of("-x", "a/b", "", "a b")) {
            assertThatThrownBy(() -> new MockCommands(
                            Path.of("c.cfg"),
                            Path.of("r"),
                            ext,
                            BuildConditionals.NONE,
                            new TreeMap<>(),
                            List.of(),
                            false))
                    .hasMessage("not a build root extension: '" + ext + "'");
        }
    }
}
