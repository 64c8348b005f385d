package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.outcome.FailureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelopes are written whole into the directory, and never through what is in the way. */
class EnvelopeFilesTest {

    @TempDir
    Path dir;

    private static final Statement STATEMENT = new Statement(
            Statement.TYPE,
            List.of(ResourceDescriptor.file("specs/x/x/x.spec", "00".repeat(32))),
            Statement.PREDICATE_TYPE,
            new Provenance(
                    new Provenance.BuildDefinition(Provenance.BUILD_TYPE, null, null, null),
                    new Provenance.RunDetails(new Provenance.Builder(Provenance.BUILDER_ID_PREFIX + "1", null))));

    @Test
    void anEnvelopeReplacesTheOldOneAndLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("out");
        Path file = EnvelopeFiles.write(out, "x", STATEMENT, List.of());
        assertThat(file).isEqualTo(out.resolve("x.intoto.json"));
        Files.writeString(file, "old");
        EnvelopeFiles.write(out, "x", STATEMENT, List.of());
        assertThat(Files.readString(file)).startsWith("{\n  \"payload\" : ");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aLinkOrDirectoryWhereTheEnvelopeGoesIsRefusedAndItsTargetUntouched() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.createSymbolicLink(out.resolve("x.intoto.json"), victim);
        assertThatThrownBy(() -> EnvelopeFiles.write(out, "x", STATEMENT, List.of()))
                .isInstanceOf(FailureException.class)
                .hasMessage("a link, directory or special file is where the attestation goes, and Keel writes no file"
                        + " through it");
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(out.resolve("x.intoto.json"))).isTrue();

        Files.createDirectory(out.resolve("y.intoto.json"));
        assertThatThrownBy(() -> EnvelopeFiles.write(out, "y", STATEMENT, List.of()))
                .isInstanceOf(FailureException.class);
    }
}
