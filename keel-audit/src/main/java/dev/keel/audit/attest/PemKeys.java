package dev.keel.audit.attest;

import dev.keel.core.config.Location;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the keys of attestations from PEM files (RFC 7468): a PKCS#8 {@code PRIVATE KEY} to sign,
 * an X.509 {@code PUBLIC KEY} (SubjectPublicKeyInfo) to verify, each Ed25519 or ECDSA P-256. The
 * PEM layer is a label and base64; the JDK's key factories decode the DER and say which algorithm
 * it is. Every other file gets an error that names the file, what it holds and how to make the
 * right one; no message ever shows the file's content.
 */
public final class PemKeys {

    /** Far above any PEM key; bounds what a wrong path makes Keel read. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,64})-----");

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

    /** The key factories tried in turn: the first that decodes the DER names the key's algorithm. */
    private static final List<String> FACTORIES = List.of("EdDSA", "EC", "RSA", "DSA", "XDH");

    private static final String MAKE_ONE = "make an Ed25519 key with: openssl genpkey -algorithm ed25519 -out KEY.pem";

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private PemKeys() {}

    /** One PEM block: its label and its base64 text, or null when it has no END line. */
    private record Block(String label, String body) {}

    /** The private key of a PKCS#8 PEM file, to sign with. */
    public static SigningKey signingKey(Path file) throws FailureException {
        List<Block> blocks = blocks(file, "the signing key");
        List<Block> keys = labelled(blocks, PRIVATE);
        if (keys.isEmpty()) {
            throw noSigningKey(file, blocks);
        }
        if (keys.size() > 1) {
            throw failure(file, "the signing key file holds " + keys.size() + " private keys", "give a file with one");
        }
        byte[] der = decode(file, keys.get(0));
        try {
            Key key = decodeKey(der, true);
            if (key == null) {
                throw failure(
                        file,
                        "the signing key does not parse as a PKCS#8 private key (is the file cut short?)",
                        MAKE_ONE);
            }
            return new SigningKey((PrivateKey) key, algorithm(file, key, "signing key"));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** The public key of a PEM file ({@code PUBLIC KEY}, X.509 SubjectPublicKeyInfo), to verify with. */
    public static VerifyingKey verifyingKey(Path file) throws FailureException {
        List<Block> blocks = blocks(file, "the public key");
        if (blocks.stream().anyMatch(block -> block.label().endsWith(PRIVATE))) {
            throw failure(
                    file,
                    "the public key file holds a private key, which verifying does not need and Keel does not read",
                    "give the public key: openssl pkey -in KEY.pem -pubout -out PUB.pem; keep the private key"
                            + " to yourself");
        }
        List<Block> keys = labelled(blocks, PUBLIC);
        if (keys.isEmpty()) {
            boolean certificate =
                    blocks.stream().anyMatch(block -> block.label().equals("CERTIFICATE"));
            throw failure(
                    file,
                    certificate
                            ? "the public key file holds a certificate, not a public key"
                            : "the public key file holds no PEM public key",
                    certificate
                            ? "give its public key: openssl x509 -in CERT.pem -pubkey -noout > PUB.pem"
                            : "expected -----BEGIN PUBLIC KEY-----, e.g. from openssl pkey -in KEY.pem -pubout");
        }
        if (keys.size() > 1) {
            throw failure(file, "the public key file holds " + keys.size() + " public keys", "give a file with one");
        }
        byte[] der = decode(file, keys.get(0));
        Key key = decodeKey(der, false);
        if (key == null) {
            throw failure(
                    file,
                    "the public key does not parse as an X.509 SubjectPublicKeyInfo (is the file cut short?)",
                    "make it with: openssl pkey -in KEY.pem -pubout -out PUB.pem");
        }
        return new VerifyingKey((PublicKey) key, algorithm(file, key, "public key"));
    }

    /** Why a file that should hold a PKCS#8 private key does not. */
    private static FailureException noSigningKey(Path file, List<Block> blocks) {
        List<String> labels = blocks.stream().map(Block::label).toList();
        if (labels.contains("ENCRYPTED " + PRIVATE)) {
            return failure(
                    file,
                    "the signing key is encrypted (a passphrase-protected PKCS#8 key), which Keel cannot read",
                    "give Keel a copy without a passphrase, readable only by you: openssl pkey -in KEY.pem -out"
                            + " PLAIN.pem");
        }
        if (labels.contains("EC " + PRIVATE)) {
            return failure(
                    file,
                    "the signing key is a SEC 1 EC key, not PKCS#8",
                    "convert it: openssl pkey -in KEY.pem -out KEY-pkcs8.pem");
        }
        if (labels.contains("RSA " + PRIVATE)) {
            return failure(file, "the signing key is an RSA key: Keel signs with Ed25519 or ECDSA P-256", MAKE_ONE);
        }
        Optional<String> other =
                labels.stream().filter(label -> label.endsWith(PRIVATE)).findFirst();
        if (other.isPresent()) {
            return failure(
                    file, "the signing key is not a PKCS#8 PEM key (its label is " + other.get() + ")", MAKE_ONE);
        }
        if (labels.contains(PUBLIC)) {
            return failure(
                    file,
                    "the signing key file holds a public key; signing needs the private key",
                    "give the PKCS#8 private key to keel attest --key; the public key is for keel attest verify");
        }
        return failure(file, "the signing key file holds no PEM private key", MAKE_ONE);
    }

    /** The PEM blocks of a small ASCII file. */
    private static List<Block> blocks(Path file, String role) throws FailureException {
        byte[] bytes = read(file, role);
        try {
            for (byte b : bytes) {
                if (b < 0) {
                    throw failure(file, role + " file is not a PEM file (it is not ASCII text)", MAKE_ONE);
                }
            }
            String text = new String(bytes, StandardCharsets.US_ASCII);
            List<Block> blocks = new ArrayList<>();
            Matcher begin = BEGIN.matcher(text);
            int from = 0;
            while (begin.find(from)) {
                String label = begin.group(1);
                int end = text.indexOf("-----END " + label + "-----", begin.end());
                blocks.add(new Block(label, end < 0 ? null : text.substring(begin.end(), end)));
                from = end < 0 ? begin.end() : end;
            }
            return blocks;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static List<Block> labelled(List<Block> blocks, String label) {
        return blocks.stream().filter(block -> block.label().equals(label)).toList();
    }

    private static byte[] read(Path file, String role) throws FailureException {
        try {
            InputFiles.requireRegular(file);
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw failure(
                        file,
                        role + " file is " + size + " bytes, more than any PEM key (" + MAX_BYTES / 1024 + " KiB)",
                        "is it the right file?");
            }
            return Files.readAllBytes(file);
        } catch (FailureException e) {
            throw e;
        } catch (IOException e) {
            throw failure(file, FileErrors.cannotRead(role + " file", e), "");
        }
    }

    /** The DER of a block: its base64, whitespace aside; nothing else may be in it. */
    private static byte[] decode(Path file, Block block) throws FailureException {
        if (block.body() == null) {
            throw failure(
                    file, "the PEM block " + block.label() + " has no END line (is the file cut short?)", MAKE_ONE);
        }
        String base64 = block.body().replaceAll("[ \\t\\r\\n]", "");
        if (!BASE64.matcher(base64).matches()) {
            throw failure(
                    file,
                    "the PEM block " + block.label() + " holds more than base64 (PEM headers, as an old-style"
                            + " encrypted key has?)",
                    "Keel reads unencrypted PKCS#8 keys: openssl pkey -in KEY.pem -out PLAIN.pem");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw failure(file, "the PEM block " + block.label() + " is not valid base64", MAKE_ONE);
        }
    }

    /** The key the DER holds, from the first key factory that decodes it, or null when none does. */
    private static Key decodeKey(byte[] der, boolean isPrivate) {
        for (String algorithm : FACTORIES) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                return isPrivate
                        ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                        : factory.generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm's key (or no key at all): try the next
            }
        }
        return null;
    }

    private static KeyAlgorithm algorithm(Path file, Key key, String role) throws FailureException {
        if (key instanceof EdECKey edwards) {
            String curve = edwards.getParams().getName();
            if (curve.equals("Ed25519")) {
                return KeyAlgorithm.ED25519;
            }
            throw failure(file, "the " + role + " is an " + curve + " key: Keel uses Ed25519 or ECDSA P-256", MAKE_ONE);
        }
        if (key instanceof ECKey ec) {
            if (isP256(ec.getParams())) {
                return KeyAlgorithm.ECDSA_P256;
            }
            throw failure(
                    file,
                    "the " + role + " is an ECDSA key on another curve than P-256",
                    "make a P-256 key with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out"
                            + " KEY.pem");
        }
        String kind = key instanceof RSAKey
                ? "an RSA key"
                : key instanceof DSAKey
                        ? "a DSA key"
                        : key instanceof XECKey ? "a key-agreement (X25519/X448) key" : "a key";
        throw failure(file, "the " + role + " is " + kind + ": Keel uses Ed25519 or ECDSA P-256", MAKE_ONE);
    }

    private static boolean isP256(ECParameterSpec params) {
        try {
            AlgorithmParameters standard = AlgorithmParameters.getInstance("EC");
            standard.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = standard.getParameterSpec(ECParameterSpec.class);
            return params.getCurve().equals(p256.getCurve())
                    && params.getGenerator().equals(p256.getGenerator())
                    && params.getOrder().equals(p256.getOrder())
                    && params.getCofactor() == p256.getCofactor();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no NIST P-256", e);
        }
    }

    private static FailureException failure(Path file, String message, String hint) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, message)
                .at(Location.of(file.toAbsolutePath().normalize()))
                .withHint(hint));
    }
}
