package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.audit.attest.EnvelopeCheck.SignedPayload;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An envelope's shape is checked field by field, a file too large is not read, and a signature
 * that is not base64 is passed over for the next; what passes is the payload with its type, as
 * signed.
 */
class EnvelopeCheckTest {

    private static final byte[] BODY = "{\"_type\": \"x\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private SigningKey key;
    private EnvelopeCheck envelopes;

    @BeforeEach
    void keys() throws Exception {
        Path keyFile = TestKeys.write(dir.resolve("keys"), "ed", TestKeys.ed25519());
        key = PemKeys.signingKey(keyFile);
        envelopes = new EnvelopeCheck(PemKeys.verifyingKey(TestKeys.publicKeyOf(keyFile)));
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("envelope.json"), json);
    }

    /** The first check's detail of the envelope {@code json}, which does not pass. */
    private String problem(String json) throws Exception {
        CheckLog log = new CheckLog();
        assertThat(envelopes.signedPayload(write(json), log)).isEmpty();
        assertThat(log.checks()).hasSize(1);
        return log.checks().get(0).detail();
    }

    @Test
    void aSignedEnvelopeGivesItsPayloadAndType() throws Exception {
        Path file = dir.resolve("signed.json");
        Files.write(
                file, DsseEnvelope.of("application/x-test", BODY, List.of(key)).toJson());
        CheckLog log = new CheckLog();
        Optional<SignedPayload> payload = envelopes.signedPayload(file, log);
        assertThat(payload).hasValueSatisfying(signed -> {
            assertThat(signed.type()).isEqualTo("application/x-test");
            assertThat(signed.body()).isEqualTo(BODY);
        });
        assertThat(log.checks())
                .containsExactly(
                        new Check("envelope", "", Status.OK, "a DSSE envelope of " + BODY.length + " payload bytes"),
                        new Check(
                                "signature",
                                "",
                                Status.OK,
                                "signature 1 of 1 verifies with the given Ed25519 public key"));
    }

    @Test
    void eachMissingOrMistypedFieldIsNamed() throws Exception {
        assertThat(problem("[]")).isEqualTo("not a DSSE envelope: not a JSON object");
        assertThat(problem("{\"payloadType\": \"x\", \"signatures\": []}"))
                .isEqualTo("not a DSSE envelope: no text field payload");
        assertThat(problem("{\"payload\": \"e30=\", \"payloadType\": 1, \"signatures\": []}"))
                .isEqualTo("not a DSSE envelope: no text field payloadType");
        assertThat(problem("{\"payload\": \"e30=\", \"payloadType\": \"x\", \"signatures\": {}}"))
                .isEqualTo("not a DSSE envelope: no array field signatures");
        assertThat(problem("{\"payload\": \"e30=\", \"payloadType\": \"x\", \"signatures\": [{\"sig\": 1}]}"))
                .isEqualTo("not a DSSE envelope: a signature without a text field sig");
        assertThat(problem("{\"payload\": \"e30=\", \"payloadType\": \"x\", \"signatures\": [\"AA==\"]}"))
                .isEqualTo("not a DSSE envelope: a signature without a text field sig");
    }

    @Test
    void aFileLargerThanAnyAttestationIsNotRead() throws Exception {
        Path large = dir.resolve("large.json");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(EnvelopeCheck.MAX_BYTES + 1);
        }
        CheckLog log = new CheckLog();
        assertThat(envelopes.signedPayload(large, log)).isEmpty();
        assertThat(log.checks())
                .containsExactly(new Check(
                        "envelope",
                        "",
                        Status.FAILED,
                        "cannot read the attestation: the attestation is " + (EnvelopeCheck.MAX_BYTES + 1)
                                + " bytes, more than 64 MiB"));
    }

    @Test
    void aSignatureThatIsNotBase64IsPassedOver() throws Exception {
        String sig =
                DsseEnvelope.of("x", BODY, List.of(key)).signatures().get(0).sig();
        String payload = Base64.getEncoder().encodeToString(BODY);
        Path file = write("{\"payload\": \"" + payload
                + "\", \"payloadType\": \"x\", \"signatures\": [{\"sig\": \"%%\"}," + " {\"sig\": \"" + sig + "\"}]}");
        CheckLog log = new CheckLog();
        assertThat(envelopes.signedPayload(file, log)).isPresent();
        assertThat(log.checks().get(1).detail())
                .isEqualTo("signature 2 of 2 verifies with the given Ed25519 public key");
        Files.writeString(
                file,
                "{\"payload\": \"" + payload + "\", \"payloadType\": \"x\", \"signatures\": [{\"sig\": \"%%\"}]}");
        CheckLog unsigned = new CheckLog();
        assertThat(envelopes.signedPayload(file, unsigned)).isEmpty();
        assertThat(unsigned.checks().get(1))
                .isEqualTo(new Check(
                        "signature",
                        "",
                        Status.FAILED,
                        "no signature verifies with the given Ed25519 public key (1 signature)"));
    }
}
