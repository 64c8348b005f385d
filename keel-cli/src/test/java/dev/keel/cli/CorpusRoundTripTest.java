package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Conformance: every Fedora rawhide spec prints back byte-for-byte through {@code keel spec stats}. */
class CorpusRoundTripTest {

    @Test
    void everyRawhideSpecRoundTrips() throws Exception {
        Path corpus = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus", "fedora-rawhide-specs");
        assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath() + "; skipping");
        CliRunner result = CliRunner.run("spec", "stats", "-O", "json", corpus.toString());
        JsonNode stats = new ObjectMapper().readTree(result.out());
        assertThat(stats.get("failedFiles")).isEmpty();
        assertThat(stats.get("roundTripFailures").asInt()).isZero();
        assertThat(stats.get("files").asInt()).isEqualTo(23_184);
        assertThat(stats.get("bytes").asLong()).isEqualTo(183_014_476L);
        assertThat(result.exitCode()).isZero();
    }
}
