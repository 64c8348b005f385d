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
                Path.of("c.cfg"), Path.of("r"), BuildConditionals.NONE, new TreeMap<>(), List.of(), false);
        assertThat(plain.rebuild(Path.of("hello-1-1.src.rpm")))
                .containsExactly("mock", "-r", "c.cfg", "--rebuild", "hello-1-1.src.rpm", "--resultdir", "r");
    }

    @Test
    void refusesWhatMockWouldReadAsSomethingElse() {
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("fedora-43-x86_64"),
                        Path.of("r"),
                        BuildConditionals.NONE,
                        new TreeMap<>(),
                        List.of(),
                        false))
                .hasMessageContaining("ends in .cfg");
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("c.cfg"),
                        Path.of("r"),
                        BuildConditionals.NONE,
                        new TreeMap<>(Map.of("a b", "1")),
                        List.of(),
                        false))
                .hasMessageContaining("not a macro definition");
        assertThatThrownBy(() -> new MockCommands(
                        Path.of("c.cfg"),
                        Path.of("r"),
                        BuildConditionals.NONE,
                        new TreeMap<>(),
                        List.of("--enable-network"),
                        false))
                .hasMessageContaining("not a repository");
    }
}
