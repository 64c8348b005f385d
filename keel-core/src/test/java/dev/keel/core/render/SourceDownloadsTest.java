package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.config.Project;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.DistGitProjects;
import dev.keel.core.source.LookasideEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a component's sources take from the network: the upstream manifest, then downloaded source-files. */
class SourceDownloadsTest {

    private static final String HASH = "ab".repeat(64);

    @TempDir
    Path dir;

    private Project project(String distroKeys, String component) throws Exception {
        return DistGitProjects.load(dir.resolve("project"), dir.resolve("upstream"), distroKeys, component);
    }

    private static SourceTree upstream(String sources) {
        return SourceTree.of(Map.of(
                "hello.spec", new SourceFile("Name: hello\n".getBytes(StandardCharsets.UTF_8), false),
                "sources", new SourceFile(sources.getBytes(StandardCharsets.UTF_8), false)));
    }

    private static List<SourceDownloads.Download> downloads(Project project, SourceTree upstream) throws Exception {
        return SourceDownloads.of(project, project.components().get("hello"), upstream);
    }

    @Test
    void listsTheManifestFromTheLookasideThenTheDownloadedSourceFiles() throws Exception {
        Project project =
                project("lookaside-base-uri = \"https://lookaside.example.org/$pkg/$filename\"", """
                [components.hello]
                source-files = [{ filename = "extra.txt", hash = "%s", hash-type = "SHA256", origin = { type = "download", uri = "https://files.example.org/extra.txt" } }]
                """.formatted(
                                "cd".repeat(32)));
        assertThat(downloads(project, upstream("SHA512 (hello-1.0.tar.gz) = " + HASH + "\n")))
                .containsExactly(
                        new SourceDownloads.Download(
                                "https://lookaside.example.org/$pkg/$filename",
                                new LookasideEntry("SHA512", "hello-1.0.tar.gz", HASH)),
                        new SourceDownloads.Download(
                                "https://files.example.org/extra.txt",
                                new LookasideEntry("SHA256", "extra.txt", "cd".repeat(32))));
    }

    @Test
    void withoutAManifestOrSourceFilesThereIsNothingToDownload() throws Exception {
        Project project = project("", "[components.hello]\n");
        SourceTree specOnly = SourceTree.of(
                Map.of("hello.spec", new SourceFile("Name: hello\n".getBytes(StandardCharsets.UTF_8), false)));
        assertThat(downloads(project, specOnly)).isEmpty();
    }

    @Test
    void aManifestWithoutALookasideIsAClearError() throws Exception {
        Project project = project("", "[components.hello]\n");
        assertThatThrownBy(() -> downloads(project, upstream("SHA512 (hello-1.0.tar.gz) = " + HASH + "\n")))
                .hasMessage("component hello lists lookaside files, but its distro has no lookaside-base-uri");
    }

    @Test
    void aManifestNamingAPathOutsideIsRefused() throws Exception {
        Project project =
                project("lookaside-base-uri = \"https://l.example.org/$pkg/$filename\"", "[components.hello]\n");
        assertThatThrownBy(() -> downloads(project, upstream("SHA512 (../x) = " + HASH + "\n")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("the sources file names '../x', which is not a plain file name");
    }

    @Test
    void aCustomOriginIsRefused() throws Exception {
        Project project = project("", """
                [components.hello]
                source-files = [{ filename = "gen.tar", hash = "%s", hash-type = "SHA256", origin = { type = "custom", script = "gen.sh" } }]
                """.formatted("cd".repeat(32)));
        SourceTree specOnly = SourceTree.of(
                Map.of("hello.spec", new SourceFile("Name: hello\n".getBytes(StandardCharsets.UTF_8), false)));
        Path config = dir.resolve("project/azldev.toml");
        int line = Files.readAllLines(config)
                        .indexOf(Files.readAllLines(config).stream()
                                .filter(text -> text.startsWith("source-files"))
                                .findFirst()
                                .orElseThrow())
                + 1;
        assertThatThrownBy(() -> downloads(project, specOnly))
                .hasMessage(
                        "source file gen.tar has a custom origin (a script run in mock), which Keel does not run yet")
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.failure().location().file()).isEqualTo(config);
                    assertThat(e.failure().location().line())
                            .as("the entry's line")
                            .isEqualTo(line);
                });
    }
}
