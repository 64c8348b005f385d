package dev.keel.audit.attest;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The signature algorithms of attestations: Ed25519 (RFC 8032, deterministic) and ECDSA over
 * NIST P-256 with SHA-256, whose signatures are ASN.1 DER {@code SEQUENCE {r, s}} as sigstore and
 * cosign write them.
 */
public enum KeyAlgorithm {
    ED25519("Ed25519", "Ed25519"),
    ECDSA_P256("ECDSA P-256", "SHA256withECDSA");

    private final String display;
    private final String jcaName;

    KeyAlgorithm(String display, String jcaName) {
        this.display = display;
        this.jcaName = jcaName;
    }

    /** The JDK's engine that signs with {@code key}. */
    Signature signer(PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaName);
        signature.initSign(key);
        return signature;
    }

    /** The JDK's engine that verifies with {@code key}. */
    Signature verifier(PublicKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaName);
        signature.initVerify(key);
        return signature;
    }

    /** The ECDSA engine for the raw {@code r || s} of IEEE P1363 (what DSSE's own test vector uses). */
    Signature rawEcdsaVerifier(PublicKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initVerify(key);
        return signature;
    }

    @Override
    public String toString() {
        return display;
    }
}
