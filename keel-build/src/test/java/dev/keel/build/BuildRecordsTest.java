package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.repo.BuildRecord;
import dev.keel.build.repo.OutputRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a component's last build published, as attestations read it from the cache's records. */
class BuildRecordsTest {

    @TempDir
    Path dir;

    private BuildRecord.Artifact artifact(Path out, String path, String content) throws IOException {
        Path file = out.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new BuildRecord.Artifact(path, OutputRepository.sha256(file), "hello", "");
    }

    @Test
    void publishedFilesAreTheRecordsFilesSourceRpmFirstWhileTheyAreIntact() throws IOException {
        Path out = dir.resolve("out");
        BuildRecords records = new BuildRecords(dir.resolve("cache"), out);
        BuildRecord.Artifact srpm = artifact(out, "srpms/hello-1-1.src.rpm", "source");
        BuildRecord.Artifact rpm = artifact(out, "rpms/hello-1-1.x86_64.rpm", "binary");
        records.write("hello", new BuildRecord("fingerprint", srpm, List.of(rpm), List.of()));

        assertThat(records.publishedFiles("hello"))
                .contains(List.of(out.resolve(srpm.path()), out.resolve(rpm.path())));
        assertThat(records.publishedFiles("other")).as("never built").isEmpty();

        Files.writeString(out.resolve(rpm.path()), "changed since");
        assertThat(records.publishedFiles("hello"))
                .as("a file changed since it was published")
                .isEmpty();
    }

    @Test
    void aSourceOnlyPublicationIsNoCompleteBuild() throws IOException {
        Path out = dir.resolve("out");
        BuildRecords records = new BuildRecords(dir.resolve("cache"), out);
        BuildRecord.Artifact srpm = artifact(out, "srpms/hello-1-1.src.rpm", "source");
        records.write("hello", new BuildRecord(null, srpm, List.of(), List.of()));

        assertThat(records.publishedFiles("hello")).isEmpty();
    }
}
