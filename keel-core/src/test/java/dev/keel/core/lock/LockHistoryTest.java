package dev.keel.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.autospec.ProjectChange;
import dev.keel.core.source.UpstreamRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockHistoryTest {

    private static final String AZLDEV_HEADER = "# Managed by azldev component update. Do not edit manually.\n";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private UpstreamRepo project;
    private int day;

    @BeforeEach
    void createProject() throws Exception {
        project = new UpstreamRepo(dir.resolve("project"), "main");
    }

    @AfterEach
    void close() {
        project.close();
    }

    private static String fingerprint(char digit) {
        return "sha256:" + String.valueOf(digit).repeat(64);
    }

    private static String lock(String header, char fingerprint, String upstreamCommit) {
        return header + "version = 1\nupstream-commit = \"" + upstreamCommit + "\"\ninput-fingerprint = \""
                + fingerprint(fingerprint) + "\"\n";
    }

    private void commitLock(String content, String message) throws Exception {
        project.commit(
                "locks/a.lock",
                content,
                message,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day++));
    }

    private List<ProjectChange> changes(String current) throws Exception {
        try (LockHistory history = LockHistory.open(dir.resolve("project/locks"))) {
            return history.changes("a", current, COMMIT);
        }
    }

    @Test
    void everyFingerprintChangeIsAChangeAndOtherCommitsAreNot() throws Exception {
        commitLock(lock(LockStore.HEADER, '1', COMMIT), "Add a");
        project.commit("README.md", "hi\n", "Unrelated", Instant.parse("2026-02-01T00:00:00Z"));
        commitLock(lock(LockStore.HEADER, '2', COMMIT), "Change a");
        commitLock(lock(LockStore.HEADER + "# touched\n", '2', COMMIT), "Touch a's lock only");
        List<ProjectChange> changes = changes(fingerprint('2'));
        assertThat(changes).extracting(ProjectChange::subject).containsExactly("Add a", "Change a");
        assertThat(changes.get(1).upstreamCommit()).isEqualTo(COMMIT);
        assertThat(changes.get(1).authorName()).isEqualTo("Upstream Packager");
    }

    @Test
    void adoptingAnAzldevLockIsNotAChangeButAChangedCommitIs() throws Exception {
        commitLock(lock(AZLDEV_HEADER, '1', COMMIT), "Lock a with azldev");
        commitLock(lock(LockStore.HEADER, '2', COMMIT), "Adopt Keel");
        assertThat(changes(fingerprint('2'))).extracting(ProjectChange::subject).containsExactly("Lock a with azldev");
        commitLock(lock(LockStore.HEADER, '3', "1111111111111111111111111111111111111111"), "Update a");
        assertThat(changes(fingerprint('3')))
                .extracting(ProjectChange::subject)
                .containsExactly("Lock a with azldev", "Update a");
    }

    @Test
    void anUncommittedChangeComesLastDatedAtHead() throws Exception {
        commitLock(lock(LockStore.HEADER, '1', COMMIT), "Add a");
        List<ProjectChange> changes = changes(fingerprint('9'));
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).projectCommit()).isEqualTo("dirty");
        assertThat(changes.get(1).subject()).isEqualTo("Local changes (uncommitted)");
        assertThat(changes.get(1).time()).isEqualTo(changes.get(0).time());
    }

    @Test
    void noRepositoryOrNoCommittedLockMeansNoChanges() throws Exception {
        Files.createDirectories(dir.resolve("project/locks"));
        Files.writeString(dir.resolve("project/locks/a.lock"), lock(LockStore.HEADER, '1', COMMIT));
        assertThat(changes(fingerprint('5'))).isEmpty();
        Path loose = Files.createDirectories(dir.resolve("loose/locks"));
        Files.writeString(loose.resolve("a.lock"), lock(LockStore.HEADER, '1', COMMIT));
        try (LockHistory history = LockHistory.open(loose)) {
            assertThat(history.changes("a", fingerprint('5'), COMMIT)).isEmpty();
        }
    }
}
