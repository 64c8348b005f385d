package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel component update}'s command line: output, exit codes and the check gate. */
class UpdateCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() throws Exception {
        Files.createDirectories(dir.resolve("local/tool"));
        Files.writeString(dir.resolve("local/tool/tool.spec"), "Name: tool\nVersion: 1\n");
        Files.writeString(dir.resolve("azldev.toml"), """
                [components.tool]
                spec = { type = "local", path = "local/tool/tool.spec" }
                """);
    }

    private CliRunner keel(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "-C";
        all[1] = dir.toString();
        all[2] = "component";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return CliRunner.run(all);
    }

    @Test
    void writesLocksAndGatesOnStaleOnes() throws Exception {
        CliRunner first = keel("update", "-a", "-O", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"component\" : \"tool\"").contains("\"change\" : \"added\"");
        assertThat(Files.readString(dir.resolve("locks/tool.lock"))).contains("input-fingerprint = \"sha256:");

        assertThat(keel("update", "-a", "--check-only").exitCode()).isZero();
        Files.writeString(dir.resolve("local/tool/tool.spec"), "Name: tool\nVersion: 2\n");
        CliRunner stale = keel("update", "-a", "--check-only");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.out()).contains("tool").contains("updated");

        assertThat(keel("update", "--bump", "tool").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("locks/tool.lock"))).contains("manual-bump = 1");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(keel("update").exitCode()).isEqualTo(2);
        CliRunner jobs = keel("update", "-a", "-j", "0");
        assertThat(jobs.exitCode()).isEqualTo(2);
        assertThat(jobs.err()).contains("--jobs must be at least 1");
    }
}
