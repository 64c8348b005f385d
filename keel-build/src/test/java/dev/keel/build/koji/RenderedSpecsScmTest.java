package dev.keel.build.koji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.outcome.FailureException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RenderedSpecsScm} on real git repositories: the SCM URL Koji gets, and what is refused. */
class RenderedSpecsScmTest {

    private static final String REPO = "git+https://git.example.org/distro/rendered.git";

    @TempDir
    Path dir;

    private Path project;
    private Path specs;
    private Git git;

    @BeforeEach
    void repository() throws Exception {
        project = dir.resolve("project");
        specs = project.resolve("out/specs");
        Files.createDirectories(specs.resolve("c/curl"));
        Files.writeString(specs.resolve("c/curl/curl.spec"), "Name: curl\n");
        Files.createDirectories(specs.resolve("z/zlib"));
        Files.writeString(specs.resolve("z/zlib/zlib.spec"), "Name: zlib\n");
        git = Git.init().setDirectory(project.toFile()).call();
    }

    private String commit(String message) throws Exception {
        git.add().addFilepattern(".").setUpdate(false).call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit()
                .setMessage(message)
                .setAuthor("Keel Test", "keel@example.org")
                .setCommitter("Keel Test", "keel@example.org")
                .setSign(false)
                .call()
                .getName();
    }

    private static String failure(Throwable e) {
        assertThat(e).isInstanceOf(FailureException.class);
        return ((FailureException) e).failure().message() + " | "
                + ((FailureException) e).failure().hint();
    }

    @Test
    void theUrlNamesTheComponentsRenderedDirectoryAtHead() throws Exception {
        String head = commit("Render");
        try (RenderedSpecsScm scm = RenderedSpecsScm.open(REPO, specs)) {
            assertThat(scm.commit()).isEqualTo(head);
            assertThat(scm.url("curl")).isEqualTo(REPO + "?out/specs/c/curl#" + head);
        }
    }

    @Test
    void anAbbreviatedCommitIsResolvedToItsFullIdAndChecked() throws Exception {
        String first = commit("Render");
        Files.writeString(specs.resolve("z/zlib/zlib.spec"), "Name: zlib\nVersion: 2\n");
        commit("Update zlib");
        try (RenderedSpecsScm scm = RenderedSpecsScm.open(REPO + "#" + first.substring(0, 10), specs)) {
            assertThat(scm.url("curl")).isEqualTo(REPO + "?out/specs/c/curl#" + first);
            assertThatThrownBy(() -> scm.url("zlib"))
                    .satisfies(e -> assertThat(failure(e))
                            .contains("zlib's rendered spec differs from commit " + first.substring(0, 12))
                            .contains("out/specs/z/zlib/zlib.spec, modify"));
        }
    }

    @Test
    void uncommittedUntrackedAndDeletedFilesAreRefused() throws Exception {
        commit("Render");
        Files.writeString(specs.resolve("c/curl/new.patch"), "x");
        Files.delete(specs.resolve("z/zlib/zlib.spec"));
        try (RenderedSpecsScm scm = RenderedSpecsScm.open(REPO, specs)) {
            assertThatThrownBy(() -> scm.url("curl"))
                    .satisfies(e -> assertThat(failure(e)).contains("new.patch, add"));
            assertThatThrownBy(() -> scm.url("zlib"))
                    .satisfies(e -> assertThat(failure(e)).contains("zlib.spec, delete"));
            assertThatThrownBy(() -> scm.url("wget"))
                    .satisfies(e -> assertThat(failure(e)).contains("wget has no rendered spec in commit"));
        }
    }

    @Test
    void whatKojiCannotCheckOutIsRefusedWithoutEchoingSecrets() throws Exception {
        assertThatThrownBy(() -> RenderedSpecsScm.open(REPO, specs))
                .satisfies(e -> assertThat(failure(e)).contains("has no commit yet"));
        commit("Render");
        for (String hostile : new String[] {
            "https://git.example.org/x.git",
            "git+https://git.example.org/x.git?path",
            "git+https://git.example.org/x.git#main",
            "git+https://git.example.org/x.git#HEAD~1",
            "git+https://git.example.org/x.git#" + "a".repeat(41),
            "git+https://git.example.org/x git",
            "git+https://user:hunter2@git.example.org/x.git",
            "git+https://git.example.org/x.git\n#abc",
            "file:///etc/passwd",
        }) {
            assertThatThrownBy(() -> RenderedSpecsScm.open(hostile, specs))
                    .as(hostile)
                    .satisfies(e -> assertThat(failure(e))
                            .doesNotContain("hunter2")
                            .doesNotContain("\n")
                            .containsAnyOf("not a git repository address Koji takes", "give a commit id"));
        }
        assertThatThrownBy(() -> RenderedSpecsScm.open(REPO + "#0000000", specs))
                .satisfies(e -> assertThat(failure(e)).contains("commit 0000000 of --from-scm is not in the local"));
    }

    @Test
    void renderedSpecsOutsideAGitWorkTreeAreRefused() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/specs"));
        assertThatThrownBy(() -> RenderedSpecsScm.open(REPO, elsewhere))
                .satisfies(e -> assertThat(failure(e)).contains("are not in a git work tree"));
        assertThatThrownBy(() -> RenderedSpecsScm.open(REPO, dir.resolve("missing")))
                .satisfies(e -> assertThat(failure(e)).contains("there are no rendered specs"));
    }

    @Test
    void aSymbolicLinkToRenderedSpecsElsewhereIsJudgedByWhereTheyAre() throws Exception {
        commit("Render");
        Path outside = Files.createDirectories(dir.resolve("outside/specs"));
        Path link = Files.createSymbolicLink(project.resolve("linked"), outside);
        assertThatThrownBy(() -> RenderedSpecsScm.open(REPO, link))
                .satisfies(e -> assertThat(failure(e)).contains("are not in a git work tree"));
    }
}
