package dev.keel.audit.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The first checks of an attestation, before anything of its payload is believed: the file is a
 * DSSE envelope (a JSON object with a text payload in base64, a text payload type and an array of
 * signatures), and one of its signatures verifies with the key over DSSE's PAE of the payload type
 * and payload.
 */
final class EnvelopeCheck {

    /** Far above any attestation; bounds what a wrong path makes Keel read. */
    static final long MAX_BYTES = 64L << 20;

    /**
     * A payload whose signature verified.
     *
     * @param type the payload type it was signed with, not yet checked
     * @param body the payload
     */
    record SignedPayload(String type, byte[] body) {}

    private final VerifyingKey key;

    /** @param key the public key the attestation must be signed with */
    EnvelopeCheck(VerifyingKey key) {
        this.key = key;
    }

    /** The signed payload of the attestation {@code file}, once its envelope and a signature check. */
    Optional<SignedPayload> signedPayload(Path file, CheckLog log) {
        return envelope(file, log)
                .flatMap(envelope ->
                        payload(envelope, log).flatMap(payload -> signed(payload, envelope.get("signatures"), log)));
    }

    /** The file's JSON, once it has the fields DSSE requires. */
    private static Optional<JsonNode> envelope(Path file, CheckLog log) {
        JsonNode envelope;
        try {
            envelope = AttestationJson.tree(read(file));
        } catch (JsonProcessingException e) {
            return log.failed("envelope", "not JSON: " + AttestationJson.problem(e));
        } catch (IOException e) {
            return log.failed("envelope", FileErrors.cannotRead("the attestation", e));
        }
        Optional<String> shape = shapeProblem(envelope);
        if (shape.isPresent()) {
            return log.failed("envelope", "not a DSSE envelope: " + shape.get());
        }
        return Optional.of(envelope);
    }

    /** The envelope's payload, decoded. */
    private static Optional<SignedPayload> payload(JsonNode envelope, CheckLog log) {
        byte[] payload;
        try {
            payload = DsseEnvelope.decodeBase64(envelope.get("payload").asText());
        } catch (IllegalArgumentException e) {
            return log.failed("envelope", "the payload is not base64");
        }
        log.ok("envelope", "a DSSE envelope of " + payload.length + " payload bytes");
        return Optional.of(new SignedPayload(envelope.get("payloadType").asText(), payload));
    }

    /** The payload, once one of the {@code signatures} verifies it. */
    private Optional<SignedPayload> signed(SignedPayload payload, JsonNode signatures, CheckLog log) {
        Optional<Integer> signedBy = signature(payload, signatures);
        if (signedBy.isEmpty()) {
            return log.failed(
                    "signature",
                    signatures.isEmpty()
                            ? "the envelope has no signature"
                            : "no signature verifies with the given " + key + " (" + signatures.size() + " signature"
                                    + (signatures.size() == 1 ? "" : "s") + ")");
        }
        log.ok(
                "signature",
                "signature " + (signedBy.get() + 1) + " of " + signatures.size() + " verifies with the given " + key);
        return Optional.of(payload);
    }

    /** The index of the first signature that verifies with the key, if any. */
    private Optional<Integer> signature(SignedPayload payload, JsonNode signatures) {
        byte[] pae = Dsse.pae(payload.type(), payload.body());
        for (int i = 0; i < signatures.size(); i++) {
            try {
                byte[] signature =
                        DsseEnvelope.decodeBase64(signatures.get(i).get("sig").asText());
                if (key.verifies(pae, signature)) {
                    return Optional.of(i);
                }
            } catch (IllegalArgumentException e) {
                // not base64: this signature verifies nothing
            }
        }
        return Optional.empty();
    }

    /** What makes the JSON no DSSE envelope, if anything: the fields DSSE requires, with their types. */
    private static Optional<String> shapeProblem(JsonNode envelope) {
        if (!envelope.isObject()) {
            return Optional.of("not a JSON object");
        }
        for (String field : List.of("payload", "payloadType")) {
            if (!envelope.path(field).isTextual()) {
                return Optional.of("no text field " + field);
            }
        }
        if (!envelope.path("signatures").isArray()) {
            return Optional.of("no array field signatures");
        }
        for (JsonNode signature : envelope.get("signatures")) {
            if (!signature.isObject() || !signature.path("sig").isTextual()) {
                return Optional.of("a signature without a text field sig");
            }
        }
        return Optional.empty();
    }

    private static byte[] read(Path file) throws IOException {
        InputFiles.requireRegular(file);
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("the attestation is " + size + " bytes, more than " + (MAX_BYTES >> 20) + " MiB");
        }
        return Files.readAllBytes(file);
    }
}
