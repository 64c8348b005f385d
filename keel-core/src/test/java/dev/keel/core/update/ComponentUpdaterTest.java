package dev.keel.core.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.Project;
import dev.keel.core.io.FileTrees;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.source.DistGitProjects;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.MirrorCache;
import dev.keel.core.source.UpstreamRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code component update} against real upstream git repositories. */
class ComponentUpdaterTest {

    @TempDir
    Path dir;

    private UpstreamRepo hello;
    private RevCommit first;
    private RevCommit second;

    @BeforeEach
    void createUpstream() throws Exception {
        hello = new UpstreamRepo(dir.resolve("upstream/hello.git"), "f43");
        first = hello.commit(
                "hello.spec", "Name: hello\nVersion: 1\n", "Initial", Instant.parse("2026-01-10T10:00:00Z"));
        second = hello.commit(
                "hello.spec", "Name: hello\nVersion: 2\n", "Update", Instant.parse("2026-02-10T10:00:00Z"));
        Files.createDirectories(dir.resolve("project/local/tool"));
        Files.writeString(dir.resolve("project/local/tool/tool.spec"), "Name: tool\nVersion: 1\n");
    }

    @AfterEach
    void close() {
        hello.close();
    }

    private Project project(String hello) throws Exception {
        return DistGitProjects.load(dir.resolve("project"), dir.resolve("upstream"), """
                [components.tool]
                spec = { type = "local", path = "local/tool/tool.spec" }
                [components.hello]
                """ + hello);
    }

    private ComponentUpdater.Report update(Project project, boolean bump, boolean checkOnly) throws Exception {
        LockStore locks = new LockStore(project.lockDir());
        DistGitSource source =
                new DistGitSource(project, new MirrorCache(dir.resolve("cache"), FetchPolicy.DEFAULT), locks);
        return new ComponentUpdater(project, source, locks, 2)
                .update(project.components().values(), true, bump, checkOnly, result -> {});
    }

    private LockFile lock(Project project, String name) throws Exception {
        return new LockStore(project.lockDir()).read(name).orElseThrow();
    }

    private static ComponentUpdater.Change change(ComponentUpdater.Report report, String name) {
        return report.results().stream()
                .filter(r -> r.component().equals(name))
                .findFirst()
                .orElseThrow()
                .change();
    }

    @Test
    void writesLocksThenFindsThemCurrentWithoutRewritingThem() throws Exception {
        Project project = project("");
        ComponentUpdater.Report report = update(project, false, false);
        assertThat(report.failed()).isFalse();
        assertThat(change(report, "hello")).isEqualTo(ComponentUpdater.Change.ADDED);
        LockFile lock = lock(project, "hello");
        assertThat(lock.upstreamCommit()).isEqualTo(second.getName());
        assertThat(lock.importCommit()).isEqualTo(second.getName());
        assertThat(lock.inputFingerprint()).startsWith("sha256:");
        assertThat(lock.resolutionInputHash()).startsWith("sha256:");
        LockFile tool = lock(project, "tool");
        assertThat(tool.upstreamCommit()).isNull();
        assertThat(tool.importCommit()).isNull();

        Path file = project.lockDir().resolve("hello.lock");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        ComponentUpdater.Report again = update(project, false, false);
        assertThat(again.changed()).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void aBranchHeadComponentFollowsUpstreamAndKeepsItsImportCommit() throws Exception {
        Project project = project("");
        update(project, false, false);
        RevCommit third = hello.commit(
                "hello.spec", "Name: hello\nVersion: 3\n", "Update to 3", Instant.parse("2026-03-10T10:00:00Z"));
        ComponentUpdater.Report report = update(project, false, false);
        assertThat(change(report, "hello")).isEqualTo(ComponentUpdater.Change.UPDATED);
        assertThat(lock(project, "hello").upstreamCommit()).isEqualTo(third.getName());
        assertThat(lock(project, "hello").importCommit()).isEqualTo(second.getName());
    }

    @Test
    void aPinnedComponentStaysPutAndAChangedPinIsReResolved() throws Exception {
        Project pinned =
                project("spec = { upstream-commit = \"" + first.getName().substring(0, 10) + "\" }");
        update(pinned, false, false);
        assertThat(lock(pinned, "hello").upstreamCommit()).isEqualTo(first.getName());
        hello.commit("hello.spec", "Name: hello\nVersion: 3\n", "Update to 3", Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(change(update(pinned, false, false), "hello")).isEqualTo(ComponentUpdater.Change.CURRENT);
        Project repinned = project("spec = { upstream-commit = \"" + second.getName() + "\" }");
        assertThat(change(update(repinned, false, false), "hello")).isEqualTo(ComponentUpdater.Change.UPDATED);
        assertThat(lock(repinned, "hello").upstreamCommit()).isEqualTo(second.getName());
    }

    @Test
    void buildInputsChangeTheFingerprintAndDocumentationDoesNot() throws Exception {
        Project plain = project("spec = { upstream-commit = \"" + second.getName() + "\" }");
        update(plain, false, false);
        String fingerprint = lock(plain, "hello").inputFingerprint();
        Project documented = project(
                "spec = { upstream-commit = \"" + second.getName() + "\" }\n"
                        + "[[components.hello.overlays]]\ndescription = \"Explain\"\ntype = \"spec-add-tag\"\ntag = \"Vendor\"\nvalue = \"Keel\"");
        update(documented, false, false);
        String withOverlay = lock(documented, "hello").inputFingerprint();
        assertThat(withOverlay).isNotEqualTo(fingerprint);
        Project redocumented = project(
                "spec = { upstream-commit = \"" + second.getName() + "\" }\n"
                        + "[[components.hello.overlays]]\ndescription = \"Explain better\"\ntype = \"spec-add-tag\"\ntag = \"Vendor\"\nvalue = \"Keel\"");
        assertThat(change(update(redocumented, false, false), "hello")).isEqualTo(ComponentUpdater.Change.CURRENT);
    }

    @Test
    void aLocalComponentsFingerprintFollowsItsFiles() throws Exception {
        Project project = project("");
        update(project, false, false);
        String before = lock(project, "tool").inputFingerprint();
        Files.writeString(dir.resolve("project/local/tool/tool.conf"), "x\n");
        assertThat(change(update(project, false, false), "tool")).isEqualTo(ComponentUpdater.Change.UPDATED);
        assertThat(lock(project, "tool").inputFingerprint()).isNotEqualTo(before);
    }

    @Test
    void bumpRaisesManualBumpWithoutTheNetwork() throws Exception {
        Project project = project("");
        update(project, false, false);
        FileTrees.delete(dir.resolve("upstream"));
        FileTrees.delete(dir.resolve("cache"));
        ComponentUpdater.Report report = update(project, true, false);
        assertThat(report.failed()).as(report.results().toString()).isFalse();
        assertThat(change(report, "hello")).isEqualTo(ComponentUpdater.Change.BUMPED);
        assertThat(lock(project, "hello").manualBump()).isEqualTo(1);
        assertThat(lock(project, "hello").upstreamCommit()).isEqualTo(second.getName());
    }

    @Test
    void checkOnlyWritesNothingAndAllPrunesOrphans() throws Exception {
        Project project = project("");
        ComponentUpdater.Report checked = update(project, false, true);
        assertThat(checked.changed()).isTrue();
        assertThat(new LockStore(project.lockDir()).names()).isEmpty();
        update(project, false, false);
        new LockStore(project.lockDir()).write("gone", lock(project, "tool"));
        ComponentUpdater.Report report = update(project, false, false);
        assertThat(change(report, "gone")).isEqualTo(ComponentUpdater.Change.PRUNED);
        assertThat(new LockStore(project.lockDir()).names()).containsExactly("hello", "tool");
    }

    @Test
    void oneFailureWritesNothing() throws Exception {
        Project project = project("spec = { upstream-commit = \"deadbeefdeadbeef\" }");
        ComponentUpdater.Report report = update(project, false, false);
        assertThat(report.failed()).isTrue();
        Outcome failed = report.results().stream()
                .map(ComponentUpdater.Result::outcome)
                .filter(Outcome::isFailed)
                .findFirst()
                .orElseThrow();
        assertThat(((Outcome.Failed) failed).failure().message()).contains("deadbeefdeadbeef");
        assertThat(new LockStore(project.lockDir()).names()).isEmpty();
    }
}
