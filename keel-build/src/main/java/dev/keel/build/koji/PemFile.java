package dev.keel.build.koji;

import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The certificates and private keys of a PEM file: X.509 certificates, and PKCS#1 ({@code RSA
 * PRIVATE KEY}), SEC 1 ({@code EC PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}) keys. Other blocks
 * are ignored. Messages name the file and the problem, never its contents.
 *
 * @param certificates in file order
 * @param keys in file order
 */
record PemFile(List<X509Certificate> certificates, List<PrivateKey> keys) {

    /** Far above any certificate chain and key; bounds what a wrong path makes Keel read. */
    static final int MAX_BYTES = 1024 * 1024;

    static PemFile read(Path file, String role, Location configuredAt) throws FailureException {
        String text = new String(readBounded(file, role, configuredAt), StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (block instanceof X509CertificateHolder holder) {
                    certificates.add(certificateConverter.getCertificate(holder));
                } else if (block instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (block instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw failure(
                            file,
                            role + " has a passphrase-protected private key, which Keel cannot read",
                            "give Keel a copy of the key without a passphrase (e.g. openssl pkey -in KEY -out"
                                    + " NEW), readable only by you",
                            configuredAt);
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            if (e instanceof FailureException failure) {
                throw failure;
            }
            throw failure(
                    file,
                    role + " is not a valid PEM file of certificates and keys",
                    "check that the file holds PEM blocks (-----BEGIN CERTIFICATE----- ...)",
                    configuredAt);
        }
        return new PemFile(certificates, keys);
    }

    private static byte[] readBounded(Path file, String role, Location configuredAt) throws FailureException {
        if (!Files.isRegularFile(file)) {
            throw failure(
                    file,
                    role + " not found (or not a regular file)",
                    "check the path in the Koji profile",
                    configuredAt);
        }
        Optional<byte[]> bytes;
        try {
            bytes = SmallFile.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw failure(
                    file,
                    "cannot read " + role,
                    "check that the file is readable by the user running Keel",
                    configuredAt);
        }
        return bytes.orElseThrow(() -> failure(
                file,
                role + " is larger than " + MAX_BYTES / 1024 + " KiB",
                "check the path in the Koji profile",
                configuredAt));
    }

    static FailureException failure(Path file, String message, String hint, Location configuredAt) {
        Failure failure = Failure.of(Failure.Kind.CONFIGURATION, message)
                .at(Location.of(file))
                .withHint(hint);
        if (configuredAt != null && configuredAt.file() != null) {
            failure = failure.withDetail("configured at", configuredAt.toString());
        }
        return new FailureException(failure);
    }
}
