package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.io.KeelCache;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs Keel would write or replace may not be, contain or lie inside what it must not touch. */
class OutputGuardTest {

    @TempDir
    Path dir;

    private Project project;
    private String previousCache;

    @BeforeEach
    void project() throws IOException {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        Path root = Files.createDirectories(dir.resolve("work/project"));
        Files.writeString(root.resolve("azldev.toml"), "[project]\nwork-dir = \"build/work\"\n");
        project = new ProjectLoader(false).load(root.resolve("azldev.toml"));
    }

    @AfterEach
    void restore() {
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    private String refusal(Path output) {
        FailureException thrown = catchThrowableOfType(
                FailureException.class, () -> OutputGuard.of(project).check(output, "-o"));
        assertThat(thrown).as("refused: " + output).isNotNull();
        return thrown.failure().message();
    }

    @Test
    void theProjectAndWhatContainsItAreRefused() {
        assertThat(refusal(project.root())).endsWith("is or contains the project " + project.root());
        assertThat(refusal(dir.resolve("work"))).endsWith("is or contains the project " + project.root());
    }

    @Test
    void aDirectoryOfTheProjectIsRefusedButKeelsOwnAreFine() throws IOException {
        assertThat(refusal(project.root().resolve("base")))
                .endsWith("lies inside the project, outside its rendered-specs, work and output directories");
        OutputGuard.of(project).check(project.root().resolve("build/work/curl"), "-o");
        OutputGuard.of(project).check(project.root().resolve("specs"), "-o");
        OutputGuard.of(project).check(dir.resolve("elsewhere"), "-o");
    }

    @Test
    void theCacheIsRefused() {
        assertThat(refusal(dir.resolve("cache"))).contains("Keel's cache");
        assertThat(refusal(dir.resolve("cache/git"))).contains("Keel's cache");
    }

    @Test
    void theCurrentDirectoryAndItsParentsAreRefused() {
        Path here = Path.of("").toAbsolutePath();
        assertThat(refusal(here)).endsWith("is the current directory or one of its parents");
        assertThat(refusal(here.getParent())).endsWith("is the current directory or one of its parents");
        assertThat(refusal(Path.of("/"))).endsWith("is the current directory or one of its parents");
    }

    @Test
    void aSymbolicLinkCannotSmuggleTheOutputIntoTheProject() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("innocent"), project.root());
        assertThat(refusal(link.resolve("base"))).contains("lies inside the project");
        assertThat(refusal(link)).contains("is or contains the project");
    }
}
