package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field names Keel writes, against the specifications: in-toto attestation v1 (statement.md,
 * resource_descriptor.md), SLSA provenance v1 (the BuildDefinition, RunDetails and Builder tables)
 * and DSSE (envelope.md). A field of Keel's own is an extension, {@code keel_<name>}, as SLSA asks.
 */
class StatementSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void theEnvelopeStatementAndPredicateHaveTheSpecificationsFieldNames() throws Exception {
        TestProject project = TestProject.create(dir, "p").render();
        Statement statement = project.statement("curl");
        Path key = TestKeys.write(dir.resolve("keys"), "ed", TestKeys.ed25519());
        Path file = EnvelopeFiles.write(dir.resolve("out"), "curl", statement, List.of(PemKeys.signingKey(key)));

        JsonNode envelope = JSON.readTree(file.toFile());
        assertThat(names(envelope)).containsExactly("payload", "payloadType", "signatures");
        assertThat(envelope.get("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
        assertThat(names(envelope.get("signatures").get(0))).containsExactly("keyid", "sig");

        JsonNode root =
                JSON.readTree(Base64.getDecoder().decode(envelope.get("payload").asText()));
        assertThat(names(root)).containsExactly("_type", "subject", "predicateType", "predicate");
        assertThat(root.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(root.get("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");

        JsonNode predicate = root.get("predicate");
        assertThat(names(predicate)).containsExactly("buildDefinition", "runDetails");
        JsonNode definition = predicate.get("buildDefinition");
        assertThat(names(definition))
                .containsExactly("buildType", "externalParameters", "internalParameters", "resolvedDependencies");
        assertThat(names(predicate.get("runDetails")))
                .isSubsetOf("builder", "metadata", "byproducts")
                .contains("builder");
        assertThat(names(predicate.get("runDetails").get("builder")))
                .isSubsetOf("id", "builderDependencies", "version")
                .contains("id");

        Set<String> descriptorFields =
                Set.of("name", "uri", "digest", "content", "downloadLocation", "mediaType", "annotations");
        List<JsonNode> descriptors = new ArrayList<>();
        root.get("subject").forEach(descriptors::add);
        definition.get("resolvedDependencies").forEach(descriptors::add);
        for (JsonNode descriptor : descriptors) {
            assertThat(names(descriptor)).isSubsetOf(descriptorFields);
            assertThat(descriptor.has("uri") || descriptor.has("digest") || descriptor.has("content"))
                    .as("a ResourceDescriptor has uri, digest or content: %s", descriptor)
                    .isTrue();
            names(descriptor.path("digest"))
                    .forEach(algorithm -> assertThat(algorithm).isIn("sha256", "sha512", "md5", "gitCommit"));
            descriptor
                    .path("digest")
                    .forEach(value -> assertThat(value.asText()).matches("[0-9a-f]+"));
            names(descriptor.path("annotations"))
                    .forEach(field -> assertThat(field).startsWith("keel_"));
        }
        root.get("subject").forEach(subject -> assertThat(subject.has("digest")).isTrue());
    }
}
