package dev.keel.build.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.outcome.FailureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing builds into the output directory: by channel, whole, and never over what is not Keel's. */
class OutputRepositoryTest {

    @TempDir
    Path dir;

    private Path out;
    private OutputRepository repository;

    @BeforeEach
    void setUp() {
        out = dir.resolve("out");
        repository = new OutputRepository(out);
    }

    private Path built(String name, String content) throws Exception {
        Path file = dir.resolve("build").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void placesSourcesAndBinariesByChannel() throws Exception {
        BuildRecord record = repository.publish(
                "sha256:1",
                new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", "sources"),
                List.of(
                        new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b"), "x", "base"),
                        new OutputRepository.Output(built("x-devel-1-1.x86_64.rpm", "d"), "x-devel", ""),
                        new OutputRepository.Output(built("x-doc-1-1.noarch.rpm", "o"), "x-doc", "none")),
                null);
        assertThat(files())
                .containsExactly(
                        "rpms/base/x-1-1.x86_64.rpm",
                        "rpms/x-devel-1-1.x86_64.rpm",
                        "rpms/x-doc-1-1.noarch.rpm",
                        "srpms/x-1-1.src.rpm");
        assertThat(record.srpm().path()).isEqualTo("srpms/x-1-1.src.rpm");
        assertThat(record.rpms()).extracting(BuildRecord.Artifact::channel).containsExactly("base", "", "none");
    }

    @Test
    void aNewBuildReplacesThePreviousOneAndRemovesOnlyItsOwnOldFiles() throws Exception {
        BuildRecord first = repository.publish(
                "sha256:1",
                new OutputRepository.Output(built("x-1-1.src.rpm", "s1"), "x", ""),
                List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b1"), "x", "")),
                null);
        Files.writeString(out.resolve("rpms/someone-elses.rpm"), "keep");
        repository.publish(
                "sha256:2",
                new OutputRepository.Output(built("x-1-2.src.rpm", "s2"), "x", ""),
                List.of(new OutputRepository.Output(built("x-1-2.x86_64.rpm", "b2"), "x", "")),
                first);
        assertThat(files()).containsExactly("rpms/someone-elses.rpm", "rpms/x-1-2.x86_64.rpm", "srpms/x-1-2.src.rpm");
    }

    @Test
    void aDifferentFileKeelDidNotWriteIsNeverOverwritten() throws Exception {
        Files.createDirectories(out.resolve("rpms"));
        Files.writeString(out.resolve("rpms/x-1-1.x86_64.rpm"), "not Keel's");
        assertThatThrownBy(() -> repository.publish(
                        "sha256:1",
                        new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                        List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b"), "x", "")),
                        null))
                .isInstanceOf(FailureException.class)
                .hasMessage("cannot publish rpms/x-1-1.x86_64.rpm: a different file is there, which Keel did not write"
                        + " for this component");
        assertThat(Files.readString(out.resolve("rpms/x-1-1.x86_64.rpm"))).isEqualTo("not Keel's");
        assertThat(out.resolve("srpms/x-1-1.src.rpm"))
                .as("nothing of the build is published")
                .doesNotExist();
    }

    @Test
    void anIdenticalFileIsTakenOver() throws Exception {
        Files.createDirectories(out.resolve("srpms"));
        Files.writeString(out.resolve("srpms/x-1-1.src.rpm"), "s");
        BuildRecord record = repository.publish(
                "sha256:1", new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""), List.of(), null);
        assertThat(record.srpm().path()).isEqualTo("srpms/x-1-1.src.rpm");
    }

    @Test
    void aChannelThatIsNotAPlainDirectoryNameIsRefused() throws Exception {
        for (String channel : List.of("..", ".", "a/b", "a\\b", "tab\there")) {
            assertThatThrownBy(() -> repository.publish(
                            "sha256:1",
                            new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                            List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b"), "x", channel)),
                            null))
                    .as(channel)
                    .hasMessageContaining("has the invalid publish channel");
        }
    }

    @Test
    void aChannelDirectoryThatLinksOutIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(out.resolve("rpms"));
        Files.createSymbolicLink(out.resolve("rpms/base"), elsewhere);
        assertThatThrownBy(() -> repository.publish(
                        "sha256:1",
                        new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                        List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b"), "x", "base")),
                        null))
                .hasMessageContaining("it is a link out of");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void nothingIsCreatedThroughALinkOutAboveTheChannelDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("rpms"), elsewhere);
        assertThatThrownBy(() -> repository.publish(
                        "sha256:1",
                        new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                        List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b"), "x", "base")),
                        null))
                .hasMessageContaining("it is a link out of");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).as("no channel directory created outside").isEmpty();
        }
    }

    @Test
    void aStage1BuildIsKeptApartFromThePublishedBuildAndReplacesOnlyItsOwnFiles() throws Exception {
        BuildRecord published = repository.publish(
                "sha256:final",
                new OutputRepository.Output(built("x-1-1.src.rpm", "final s"), "x", ""),
                List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "final b"), "x", "base")),
                null);
        BuildRecord first = repository.keepStage1(
                "x",
                "sha256:stage1",
                new OutputRepository.Output(built("x-1-1.src.rpm", "stage1 s"), "x", "ignored"),
                List.of(
                        new OutputRepository.Output(built("x-1-1.x86_64.rpm", "stage1 b"), "x", "base"),
                        new OutputRepository.Output(built("x-extra-1-1.x86_64.rpm", "e"), "x-extra", "")),
                null);
        assertThat(first.artifacts())
                .extracting(BuildRecord.Artifact::path, BuildRecord.Artifact::channel)
                .containsExactly(
                        Tuple.tuple("bootstrap/x/x-1-1.src.rpm", ""),
                        Tuple.tuple("bootstrap/x/x-1-1.x86_64.rpm", ""),
                        Tuple.tuple("bootstrap/x/x-extra-1-1.x86_64.rpm", ""));
        assertThat(Files.readString(out.resolve("rpms/base/x-1-1.x86_64.rpm"))).isEqualTo("final b");

        repository.keepStage1(
                "x",
                "sha256:stage1b",
                new OutputRepository.Output(built("x-1-2.src.rpm", "stage1 s2"), "x", ""),
                List.of(new OutputRepository.Output(built("x-1-2.x86_64.rpm", "stage1 b2"), "x", "")),
                first);
        assertThat(files())
                .containsExactly(
                        "bootstrap/x/x-1-2.src.rpm",
                        "bootstrap/x/x-1-2.x86_64.rpm",
                        "rpms/base/x-1-1.x86_64.rpm",
                        "srpms/x-1-1.src.rpm");
        assertThat(published.rpms()).hasSize(1);
    }

    @Test
    void aStage1BuildNeverReplacesAFileKeelDidNotWrite() throws Exception {
        Files.createDirectories(out.resolve("bootstrap/x"));
        Files.writeString(out.resolve("bootstrap/x/x-1-1.src.rpm"), "someone else's");
        assertThatThrownBy(() -> repository.keepStage1(
                        "x",
                        "sha256:1",
                        new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                        List.of(),
                        null))
                .hasMessageContaining("a different file is there");
        assertThat(Files.readString(out.resolve("bootstrap/x/x-1-1.src.rpm"))).isEqualTo("someone else's");
    }

    @Test
    void aStage1BuildStaysInsideItsDirectory() throws Exception {
        for (String component : List.of("", ".", "..", "../x", "a/b", "a\\b", "new\nline")) {
            assertThatThrownBy(() -> repository.keepStage1(
                            component,
                            "sha256:1",
                            new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                            List.of(),
                            null))
                    .as(component)
                    .isInstanceOf(FailureException.class)
                    .hasMessageContaining("invalid component name");
        }
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("bootstrap"), elsewhere);
        assertThatThrownBy(() -> repository.keepStage1(
                        "x",
                        "sha256:1",
                        new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                        List.of(),
                        null))
                .hasMessageContaining("it is a link out of");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aSourceOnlyBuildLeavesTheBinariesAlone() throws Exception {
        BuildRecord first = repository.publish(
                "sha256:1",
                new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""),
                List.of(new OutputRepository.Output(built("x-1-1.x86_64.rpm", "b"), "x", "")),
                null);
        repository.publishSource(new OutputRepository.Output(built("x-1-1.src.rpm", "s"), "x", ""), first);
        assertThat(files()).containsExactly("rpms/x-1-1.x86_64.rpm", "srpms/x-1-1.src.rpm");
    }
}
