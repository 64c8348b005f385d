package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.io.KeelCache;
import dev.keel.core.render.RenderedTree;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render process killed with SIGKILL in the middle of its work: after recovery every component
 * directory is exactly its old render or its new one, never a mix, never missing. And a render
 * started while another writes the same tree waits for it (its recovery would otherwise undo the
 * other's replacements in progress).
 */
class KilledRenderTest {

    private static final int COMPONENTS = 200;

    @TempDir
    Path dir;

    private void writeProject(String version) throws IOException {
        StringBuilder config = new StringBuilder();
        String payload = "x".repeat(256 * 1024);
        for (int i = 0; i < COMPONENTS; i++) {
            String name = String.format("c%03d", i);
            config.append("[components.")
                    .append(name)
                    .append("]\n")
                    .append("spec = { type = \"local\", path = \"local/")
                    .append(name)
                    .append('/')
                    .append(name)
                    .append(".spec\" }\n");
            Path specDir = Files.createDirectories(dir.resolve("project/local/" + name));
            Files.writeString(
                    specDir.resolve(name + ".spec"),
                    "Name: " + name + "\nVersion: " + version + "\nRelease: 1\nSource0: data.txt\n");
            Files.writeString(specDir.resolve("data.txt"), version + payload);
        }
        Files.writeString(dir.resolve("project/azldev.toml"), config);
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file);
                files.put(root.relativize(file).toString(), content.substring(0, Math.min(80, content.length())));
            }
        }
        return files;
    }

    /** Whether the tree still holds the old render; a file vanishing under the walk means it is changing. */
    private static boolean unchangedSoFar(Path out, Map<String, String> oldTree) {
        try {
            return snapshot(out).equals(oldTree);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static Map<String, String> component(Map<String, String> tree, String name) {
        Map<String, String> files = new TreeMap<>();
        String prefix = "c" + File.separator + name + File.separator;
        tree.forEach((path, content) -> {
            if (path.startsWith(prefix)) {
                files.put(path, content);
            }
        });
        return files;
    }

    @Test
    void everyDirectoryIsOldOrNewAfterAKill() throws Exception {
        String previous = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        try {
            Path project = dir.resolve("project");
            writeProject("1");
            Path out = dir.resolve("out");
            CliRunner first =
                    CliRunner.run("-C", project.toString(), "component", "render", "-a", "-o", out.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            Map<String, String> oldTree = snapshot(out);
            writeProject("2");
            Path expected = dir.resolve("expected");
            CliRunner.run("-C", project.toString(), "component", "render", "-a", "-o", expected.toString());
            Map<String, String> newTree = snapshot(expected);

            List<String> command = KeelProcesses.command(
                    dir.resolve("cache-child"),
                    List.of("-C", project.toString(), "component", "render", "-a", "-j", "1", "-o", out.toString()));
            Process child = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (child.isAlive() && System.nanoTime() < deadline && unchangedSoFar(out, oldTree)) {
                Thread.sleep(2);
            }
            boolean killedMidway = child.isAlive();
            child.destroyForcibly().waitFor();
            assertThat(killedMidway)
                    .as("the render was still running when killed")
                    .isTrue();

            new RenderedTree(out).recover();
            Map<String, String> recovered = snapshot(out);
            int oldCount = 0;
            int newCount = 0;
            for (int i = 0; i < COMPONENTS; i++) {
                String name = String.format("c%03d", i);
                Map<String, String> files = component(recovered, name);
                boolean isOld = files.equals(component(oldTree, name));
                boolean isNew = files.equals(component(newTree, name));
                assertThat(isOld || isNew)
                        .as(name + " is its old or its new render")
                        .isTrue();
                oldCount += isOld ? 1 : 0;
                newCount += isNew ? 1 : 0;
            }
            assertThat(newCount).isPositive();
            assertThat(oldCount).isPositive();
        } finally {
            if (previous == null) {
                System.clearProperty(KeelCache.PROPERTY);
            } else {
                System.setProperty(KeelCache.PROPERTY, previous);
            }
        }
    }

    @Test
    void aRenderStartedWhileAnotherWritesTheSameTreeWaitsForItAndBothSucceed() throws Exception {
        Path project = dir.resolve("project");
        writeProject("1");
        Path out = dir.resolve("out");
        List<String> render =
                List.of("-C", project.toString(), "component", "render", "-a", "-j", "1", "-o", out.toString());
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Process first = new ProcessBuilder(KeelProcesses.command(dir.resolve("cache"), render))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("first").toFile())
                .start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (first.isAlive() && System.nanoTime() < deadline && !Files.isDirectory(out.resolve("c"))) {
            Thread.sleep(2);
        }
        Process second = new ProcessBuilder(KeelProcesses.command(dir.resolve("cache"), render))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("second").toFile())
                .start();
        assertThat(first.waitFor()).as(Files.readString(logs.resolve("first"))).isZero();
        assertThat(second.waitFor())
                .as(Files.readString(logs.resolve("second")))
                .isZero();
        Map<String, String> rendered = snapshot(out);
        for (int i = 0; i < COMPONENTS; i++) {
            assertThat(component(rendered, String.format("c%03d", i))).hasSize(2);
        }
    }
}
