package dev.keel.audit.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Checks SBOM documents against the official schemas: CycloneDX 1.6 with CycloneDX's library (which
 * carries the schemas), SPDX 2.3 with the JSON schema SPDX's tools-java validates with and the SPDX
 * library's own verification of the document it reads back. Shared with keel-cli's tests.
 */
public final class SbomValidation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SbomValidation() {}

    /** The text of a CycloneDX patch's diff (its header, then the unified diff). */
    public static String patchText(JsonNode patch) {
        return new String(
                Base64.getDecoder()
                        .decode(patch.path("diff").path("text").path("content").asText()),
                StandardCharsets.UTF_8);
    }

    /** What the CycloneDX 1.6 schema finds wrong with the document (empty when valid). */
    public static List<String> cycloneDxProblems(byte[] document) {
        try {
            List<String> problems = new ArrayList<>();
            for (ParseException problem : new JsonParser().validate(document, Version.VERSION_16)) {
                problems.add(problem.getMessage());
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the SPDX 2.3 schema and the SPDX library find wrong with the document (empty when valid). */
    public static List<String> spdxProblems(byte[] document) {
        List<String> problems = new ArrayList<>();
        try (InputStream schemaText = SbomValidation.class.getResourceAsStream("/resources/spdx-schema-v2.3.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                    .getSchema(schemaText);
            JsonNode node = JSON.readTree(document);
            for (ValidationMessage message : schema.validate(node)) {
                problems.add("schema: " + message.getMessage());
            }
            LicenseCheck.listVersion(); // the SPDX library is ready
            SpdxDocument read = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON)
                    .deSerialize(new ByteArrayInputStream(document), false);
            // a deprecated listed identifier is still a valid one (LicenseCheck takes it): the library warns
            read.verify().stream()
                    .filter(problem -> !problem.contains(" is deprecated."))
                    .forEach(problem -> problems.add("verify: " + problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSPDXAnalysisException e) {
            problems.add("read: " + e.getMessage());
        }
        return problems;
    }

    /** The document as a JSON tree. */
    public static JsonNode tree(byte[] document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
