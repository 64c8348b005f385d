package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.outcome.FailureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys from PEM files: the two algorithms read, and every other file refused with an error that
 * names the file and what to do, never a stack trace and never the file's content.
 */
class PemKeysTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The signing key's failure, which must not show the file's base64. */
    private AbstractThrowableAssert<?, ? extends Throwable> refusedToSign(Path file) throws Exception {
        String content = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        return assertThatThrownBy(() -> PemKeys.signingKey(file))
                .isInstanceOf(FailureException.class)
                .satisfies(e -> assertThat(
                                ((FailureException) e).failure().location().file())
                        .isEqualTo(file.toAbsolutePath().normalize()))
                .satisfies(e -> assertSecret(
                        content,
                        e.getMessage() + ((FailureException) e).failure().hint()));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refusedToVerify(Path file) throws Exception {
        String content = Files.readString(file, StandardCharsets.ISO_8859_1);
        return assertThatThrownBy(() -> PemKeys.verifyingKey(file))
                .isInstanceOf(FailureException.class)
                .satisfies(e -> assertSecret(
                        content,
                        e.getMessage() + ((FailureException) e).failure().hint()));
    }

    /** No line of base64 from the file (16 characters or more) is in the message. */
    private static void assertSecret(String content, String message) {
        content.lines()
                .filter(line -> line.length() >= 16 && !line.startsWith("-----"))
                .forEach(line -> assertThat(message).doesNotContain(line.substring(0, 16)));
    }

    @Test
    void ed25519AndP256KeysAreRead() throws Exception {
        Path ed = TestKeys.write(dir, "ed", TestKeys.ed25519());
        Path ec = TestKeys.write(dir, "ec", TestKeys.ecdsa("secp256r1"));
        assertThat(PemKeys.signingKey(ed).algorithm()).isEqualTo(KeyAlgorithm.ED25519);
        assertThat(PemKeys.verifyingKey(TestKeys.publicKeyOf(ed)).algorithm()).isEqualTo(KeyAlgorithm.ED25519);
        assertThat(PemKeys.signingKey(ec).algorithm()).isEqualTo(KeyAlgorithm.ECDSA_P256);
        assertThat(PemKeys.verifyingKey(TestKeys.publicKeyOf(ec)).algorithm()).isEqualTo(KeyAlgorithm.ECDSA_P256);
        assertThat(PemKeys.signingKey(ed).toString()).isEqualTo("Ed25519 private key");
    }

    @Test
    void aKeyAmongOtherTextAndCrlfLinesIsRead() throws Exception {
        KeyPair pair = TestKeys.ed25519();
        Path file = file(
                "key.pem",
                "Bag Attributes\r\n"
                        + TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                                .replace("\n", "\r\n"));
        assertThat(PemKeys.signingKey(file).algorithm()).isEqualTo(KeyAlgorithm.ED25519);
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        refusedToSign(TestKeys.write(dir, "rsa", TestKeys.rsa())).hasMessageContaining("is an RSA key");
        refusedToVerify(TestKeys.publicKeyOf(TestKeys.write(dir, "rsa", TestKeys.rsa())))
                .hasMessageContaining("is an RSA key");
        refusedToSign(TestKeys.write(dir, "p384", TestKeys.ecdsa("secp384r1")))
                .hasMessageContaining("an ECDSA key on another curve than P-256");
        refusedToSign(TestKeys.write(
                        dir, "ed448", KeyPairGenerator.getInstance("Ed448").generateKeyPair()))
                .hasMessageContaining("is an Ed448 key");
        refusedToSign(TestKeys.write(
                        dir, "x25519", KeyPairGenerator.getInstance("X25519").generateKeyPair()))
                .hasMessageContaining("a key-agreement (X25519/X448) key");
    }

    @Test
    void keysThatAreNotPkcs8AreRefusedWithTheWayToConvertThem() throws Exception {
        byte[] der = TestKeys.ecdsa("secp256r1").getPrivate().getEncoded();
        refusedToSign(file("sec1.pem", TestKeys.pem("EC PRIVATE KEY", der)))
                .hasMessageContaining("a SEC 1 EC key, not PKCS#8")
                .satisfies(
                        e -> assertThat(((FailureException) e).failure().hint()).contains("openssl pkey"));
        refusedToSign(file("pkcs1.pem", TestKeys.pem("RSA PRIVATE KEY", der))).hasMessageContaining("an RSA key");
        refusedToSign(file("ssh.pem", TestKeys.pem("OPENSSH PRIVATE KEY", der)))
                .hasMessageContaining("not a PKCS#8 PEM key (its label is OPENSSH PRIVATE KEY)");
    }

    @Test
    void anEncryptedKeyIsRefused() throws Exception {
        byte[] der = TestKeys.ed25519().getPrivate().getEncoded();
        String algorithm = "PBEWithSHA1AndDESede";
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(
                Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec("secret".toCharArray())),
                new PBEParameterSpec(new byte[8], 1000));
        byte[] encrypted = new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(der)).getEncoded();
        refusedToSign(file("encrypted.pem", TestKeys.pem("ENCRYPTED PRIVATE KEY", encrypted)))
                .hasMessageContaining("is encrypted (a passphrase-protected PKCS#8 key)");
        String legacy = "-----BEGIN PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
                + Base64.getEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        refusedToSign(file("legacy.pem", legacy)).hasMessageContaining("holds more than base64");
    }

    @Test
    void truncatedKeysAreRefused() throws Exception {
        String pem = TestKeys.pem(
                "PRIVATE KEY", TestKeys.ecdsa("secp256r1").getPrivate().getEncoded());
        refusedToSign(file("cut.pem", pem.substring(0, pem.length() / 2))).hasMessageContaining("has no END line");
        String body = Base64.getEncoder()
                .encodeToString(TestKeys.ecdsa("secp256r1").getPrivate().getEncoded())
                .substring(0, 40);
        refusedToSign(file("short.pem", "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n"))
                .hasMessageContaining("does not parse as a PKCS#8 private key");
        refusedToSign(file("bad64.pem", "-----BEGIN PRIVATE KEY-----\nabc=def\n-----END PRIVATE KEY-----\n"))
                .hasMessageContaining("holds more than base64");
        refusedToSign(file("bad64b.pem", "-----BEGIN PRIVATE KEY-----\nabcde\n-----END PRIVATE KEY-----\n"))
                .hasMessageContaining("is not valid base64");
    }

    @Test
    void theWrongHalfOfAPairIsRefused() throws Exception {
        Path key = TestKeys.write(dir, "ed", TestKeys.ed25519());
        refusedToSign(TestKeys.publicKeyOf(key))
                .hasMessageContaining("holds a public key; signing needs the private key");
        refusedToVerify(key)
                .hasMessageContaining("holds a private key, which verifying does not need and Keel does not read");
        refusedToVerify(file("cert.pem", TestKeys.pem("CERTIFICATE", new byte[64])))
                .hasMessageContaining("holds a certificate, not a public key");
    }

    @Test
    void filesThatHoldNoKeyAreRefused() throws Exception {
        refusedToSign(file("empty.pem", "")).hasMessageContaining("holds no PEM private key");
        refusedToVerify(file("empty.pub", "")).hasMessageContaining("holds no PEM public key");
        Path binary = dir.resolve("key.der");
        Files.write(binary, TestKeys.ed25519().getPrivate().getEncoded());
        refusedToSign(binary).hasMessageContaining("is not a PEM file (it is not ASCII text)");
        Path large = dir.resolve("large.pem");
        Files.write(large, new byte[PemKeys.MAX_BYTES + 1]);
        refusedToSign(large).hasMessageContaining("more than any PEM key");
        refusedToSign(dir).hasMessageContaining("is a directory");
        refusedToSign(dir.resolve("missing.pem")).hasMessageContaining("no such file");
        KeyPair pair = TestKeys.ed25519();
        String one = TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        refusedToSign(file("two.pem", one + one)).hasMessageContaining("holds 2 private keys");
    }
}
