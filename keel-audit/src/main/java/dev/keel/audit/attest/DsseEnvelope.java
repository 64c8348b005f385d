package dev.keel.audit.attest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * DSSE's JSON envelope (secure-systems-lab/dsse, envelope.md): the payload in standard base64, its
 * type, and signatures over {@link Dsse#pae}, each with an optional key id. Keel leaves the key id
 * empty, as cosign does for a key file: it is an unauthenticated hint that must not decide anything.
 *
 * @param payload the serialized body, base64
 * @param payloadType how to read the body
 * @param signatures the signatures; written even when empty, as the envelope requires
 */
@JsonPropertyOrder({"payload", "payloadType", "signatures"})
public record DsseEnvelope(String payload, String payloadType, List<Signature> signatures) {

    /**
     * One signature.
     *
     * @param keyid the key's id, or empty
     * @param sig the signature, base64
     */
    @JsonPropertyOrder({"keyid", "sig"})
    public record Signature(String keyid, String sig) {}

    public DsseEnvelope {
        signatures = List.copyOf(signatures);
    }

    /** An envelope of {@code body}, signed by {@code keys} (none: unsigned). */
    static DsseEnvelope of(String payloadType, byte[] body, List<SigningKey> keys) {
        byte[] pae = Dsse.pae(payloadType, body);
        List<Signature> signatures = new ArrayList<>();
        for (SigningKey key : keys) {
            signatures.add(new Signature("", Base64.getEncoder().encodeToString(key.sign(pae))));
        }
        return new DsseEnvelope(Base64.getEncoder().encodeToString(body), payloadType, signatures);
    }

    /** The envelope's file: indented JSON. */
    byte[] toJson() {
        return AttestationJson.pretty(this);
    }

    /**
     * Base64 as DSSE allows it, standard or URL-safe, padded or not.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    static byte[] decodeBase64(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    }
}
