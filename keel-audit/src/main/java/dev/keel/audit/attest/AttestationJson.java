package dev.keel.audit.attest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of attestations: fields in the order the records declare, map entries sorted by key,
 * so the same statement is the same bytes; read strictly (a key given twice is an error, not the
 * last one winning), ignoring the fields the specifications let producers add.
 */
final class AttestationJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private AttestationJson() {}

    /** Compact bytes: what a payload is. */
    static byte[] compact(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an attestation record does not serialize", e);
        }
    }

    /** Indented text ending with a newline: what a file holds. */
    static byte[] pretty(Object value) {
        try {
            return (MAPPER.writer(PRETTY).writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an attestation record does not serialize", e);
        }
    }

    /** The tree of a JSON document. */
    static JsonNode tree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** A record read from a tree. */
    static <T> T read(JsonNode tree, Class<T> type) throws IOException {
        return MAPPER.treeToValue(tree, type);
    }

    /**
     * Where the JSON breaks, and only that: the parser's message quotes the text, which is not
     * shown (a key given as an attestation by mistake must not reach the terminal).
     */
    static String problem(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null
                ? "it does not parse"
                : "it does not parse at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
