package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.repo.BuildRecord;
import dev.keel.build.repo.OutputRepository;
import dev.keel.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a component's last build published, as attestations and SBOMs read it from the cache's
 * records: the files while they are as published, else why not, file by file; a record or an
 * output directory that leads elsewhere is refused without reading what it leads to.
 */
class BuildRecordsTest {

    @TempDir
    Path dir;

    private Path out;
    private BuildRecords records;

    @BeforeEach
    void records() {
        out = dir.resolve("out");
        records = new BuildRecords(dir.resolve("cache"), out);
    }

    private BuildRecord.Artifact artifact(String path, String content) throws IOException {
        Path file = out.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new BuildRecord.Artifact(path, OutputRepository.sha256(file), "hello", "");
    }

    /** A record of {@code path} with the digest of {@code file}: what it names is the file the build wrote. */
    private static BuildRecord.Artifact naming(String path, Path file) throws IOException {
        return new BuildRecord.Artifact(path, OutputRepository.sha256(file), "hello", "");
    }

    private static BuildRecord record(BuildRecord.Artifact srpm, BuildRecord.Artifact... rpms) {
        return new BuildRecord("fingerprint", srpm, List.of(rpms), List.of());
    }

    /** A file outside the output directory: were it read, it would match the record that names it. */
    private Path outside() throws IOException {
        return Files.writeString(dir.resolve("secret.rpm"), "outside");
    }

    @Test
    void theFilesAreTheRecordsSourceRpmFirstAndAChangedOrMissingOneIsNamed() throws IOException {
        BuildRecord.Artifact srpm = artifact("srpms/hello-1-1.src.rpm", "source");
        BuildRecord.Artifact rpm = artifact("rpms/hello-1-1.x86_64.rpm", "binary");
        records.write("hello", record(srpm, rpm));

        BuildRecord read = records.read("hello").orElseThrow();
        assertThat(records.problems(read)).isEmpty();
        assertThat(records.intact(read)).isTrue();
        assertThat(records.files(read)).containsExactly(out.resolve(srpm.path()), out.resolve(rpm.path()));
        assertThat(records.read("other")).as("never built").isEmpty();

        Files.writeString(out.resolve(rpm.path()), "changed since");
        Files.delete(out.resolve(srpm.path()));
        assertThat(records.problems(read))
                .containsExactly(
                        "srpms/hello-1-1.src.rpm is missing from the output directory",
                        "rpms/hello-1-1.x86_64.rpm was changed since the build published it (another SHA-256)");
        assertThat(records.intact(read)).isFalse();

        FileTrees.delete(out);
        assertThat(records.problems(read))
                .containsExactly(
                        "srpms/hello-1-1.src.rpm is missing: the output directory is gone",
                        "rpms/hello-1-1.x86_64.rpm is missing: the output directory is gone");
    }

    @Test
    void aSourceOnlyPublicationIsNoCompleteBuild() throws IOException {
        BuildRecord.Artifact srpm = artifact("srpms/hello-1-1.src.rpm", "source");
        records.write("hello", new BuildRecord(null, srpm, List.of(), List.of()));

        assertThat(records.read("hello")).isEmpty();
    }

    @Test
    void aRecordWithoutASourceRpmOrAPathIsDamaged() throws IOException {
        BuildRecord.Artifact rpm = artifact("rpms/hello-1-1.x86_64.rpm", "binary");
        assertThat(records.problems(record(null, rpm))).containsExactly("its build record names no source RPM");
        assertThat(records.problems(record(new BuildRecord.Artifact(null, "00", "hello", ""))))
                .containsExactly("its build record names a file without a path or a digest");
    }

    @Test
    void aPathOutOfTheOutputDirectoryIsNeverRead() throws IOException {
        Path secret = outside();
        BuildRecord.Artifact rpm = artifact("rpms/hello-1-1.x86_64.rpm", "binary");
        Files.createDirectories(out);

        assertThat(records.problems(record(naming("../secret.rpm", secret), rpm)))
                .containsExactly("../secret.rpm leads out of the output directory, so it is not read");
        assertThat(records.problems(record(naming(secret.toString(), secret), rpm)))
                .containsExactly(secret + " leads out of the output directory, so it is not read");
        assertThat(records.problems(record(naming("srpms/../../secret.rpm", secret), rpm)))
                .containsExactly("srpms/../../secret.rpm leads out of the output directory, so it is not read");
        assertThat(records.problems(record(naming(".", secret), rpm)))
                .containsExactly(". leads out of the output directory, so it is not read");
        assertThat(records.problems(record(naming("srpms/a\0b.src.rpm", secret), rpm)))
                .containsExactly("srpms/a\0b.src.rpm leads out of the output directory, so it is not read");
    }

    @Test
    void aLinkIsNeverFollowed() throws IOException {
        Path secret = outside();
        Files.createDirectories(out.resolve("srpms"));
        Files.createSymbolicLink(out.resolve("srpms/hello-1-1.src.rpm"), secret);
        assertThat(records.problems(record(naming("srpms/hello-1-1.src.rpm", secret))))
                .containsExactly(
                        "srpms/hello-1-1.src.rpm leads out of the output directory through a link, so it is not read");

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(secret, elsewhere.resolve("hello-1-1.x86_64.rpm"));
        Files.createSymbolicLink(out.resolve("rpms"), elsewhere);
        BuildRecord.Artifact srpm = artifact("srpms/hello-1-2.src.rpm", "source");
        assertThat(records.problems(record(srpm, naming("rpms/hello-1-1.x86_64.rpm", secret))))
                .containsExactly("rpms/hello-1-1.x86_64.rpm leads out of the output directory through a link, so it"
                        + " is not read");

        Files.createSymbolicLink(out.resolve("srpms/inside.src.rpm"), out.resolve(srpm.path()));
        assertThat(records.problems(record(naming("srpms/inside.src.rpm", out.resolve(srpm.path())))))
                .containsExactly("srpms/inside.src.rpm is a symbolic link, not the file the build published (Keel"
                        + " does not follow it)");
    }

    @Test
    void aFileReplacedByADirectoryIsNamed() throws IOException {
        BuildRecord.Artifact srpm = artifact("srpms/hello-1-1.src.rpm", "source");
        Files.delete(out.resolve(srpm.path()));
        Files.createDirectories(out.resolve(srpm.path()).resolve("inside"));

        assertThat(records.problems(record(srpm)))
                .containsExactly("srpms/hello-1-1.src.rpm is a directory, not the file the build published");
    }
}
