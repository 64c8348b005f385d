package dev.keel.audit.attest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key pairs made with the JDK, and PEM files of them as openssl writes them. */
final class TestKeys {

    private TestKeys() {}

    static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static KeyPair ecdsa(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A PEM block of {@code der}, 64 base64 characters a line. */
    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** Writes the pair's PKCS#8 private key and X.509 public key; returns the private key's file. */
    static Path write(Path dir, String name, KeyPair pair) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(name + ".pub.pem"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path file = dir.resolve(name + ".pem");
        Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return file;
    }

    static Path publicKeyOf(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(
                privateKeyFile.getFileName().toString().replace(".pem", ".pub.pem"));
    }
}
