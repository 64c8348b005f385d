package dev.keel.audit.attest;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * A private key that signs attestations. It is never shown: {@link #toString} names only its
 * algorithm.
 */
public final class SigningKey {

    private final PrivateKey key;
    private final KeyAlgorithm algorithm;

    SigningKey(PrivateKey key, KeyAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** The signature of {@code message}: Ed25519's 64 bytes, or ECDSA's DER encoding. */
    byte[] sign(byte[] message) {
        try {
            Signature signature = algorithm.signer(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            // the key was checked when it was read: the JDK cannot refuse it here
            throw new IllegalStateException("the JDK cannot sign with this " + algorithm + " key", e);
        }
    }

    @Override
    public String toString() {
        return algorithm + " private key";
    }
}
