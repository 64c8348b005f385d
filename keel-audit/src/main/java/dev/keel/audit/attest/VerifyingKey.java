package dev.keel.audit.attest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** A public key that checks attestation signatures. */
public final class VerifyingKey {

    /** The length of a P-256 signature as IEEE P1363's {@code r || s}. */
    private static final int P1363_P256_LENGTH = 64;

    private final PublicKey key;
    private final KeyAlgorithm algorithm;

    VerifyingKey(PublicKey key, KeyAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Whether {@code signature} signs {@code message}. An ECDSA signature may be DER (what Keel,
     * sigstore and cosign write) or the 64 bytes of {@code r || s} (DSSE's test vector); a
     * malformed one does not verify.
     */
    boolean verifies(byte[] message, byte[] signature) {
        try {
            if (verifies(algorithm.verifier(key), message, signature)) {
                return true;
            }
            return algorithm == KeyAlgorithm.ECDSA_P256
                    && signature.length == P1363_P256_LENGTH
                    && verifies(algorithm.rawEcdsaVerifier(key), message, signature);
        } catch (GeneralSecurityException e) {
            // the key was checked when it was read: the JDK cannot refuse it here
            throw new IllegalStateException("the JDK cannot verify with this " + algorithm + " key", e);
        }
    }

    private static boolean verifies(Signature engine, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        engine.update(message);
        try {
            return engine.verify(signature);
        } catch (SignatureException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return algorithm + " public key";
    }
}
