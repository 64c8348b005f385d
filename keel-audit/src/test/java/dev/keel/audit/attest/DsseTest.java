package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DSSE's pre-authentication encoding and signatures, against the protocol's own test vector. */
class DsseTest {

    @TempDir
    Path dir;

    @Test
    void paeIsTheProtocolsTestVector() {
        assertThat(new String(
                        Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] pae = Dsse.pae("t/é", new byte[0]);
        assertThat(pae).isEqualTo("DSSEv1 4 t/é 0 ".getBytes(StandardCharsets.UTF_8));
    }

    /** The ECDSA P-256 signature of DSSE's protocol.md: raw {@code r || s}, as DSSE's reference code writes it. */
    @Test
    void theProtocolsTestVectorSignatureVerifies() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(
                new BigInteger("46950820868899156662930047687818585632848591499744589407958293238635476079160"),
                new BigInteger("5640078356564379163099075877009565129882514886557779369047442380624545832820"));
        VerifyingKey key = new VerifyingKey(
                KeyFactory.getInstance("EC")
                        .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class))),
                KeyAlgorithm.ECDSA_P256);
        byte[] signature = Base64.getDecoder()
                .decode("A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(key.verifies(pae, signature)).isTrue();
        pae[pae.length - 1] ^= 1;
        assertThat(key.verifies(pae, signature))
                .as("one bit of the body changed")
                .isFalse();
    }

    @Test
    void ed25519AndEcdsaSignaturesVerifyAndATamperedOneDoesNot() throws Exception {
        for (KeyPair pair : List.of(TestKeys.ed25519(), TestKeys.ecdsa("secp256r1"))) {
            Path file = TestKeys.write(dir, pair.getPublic().getAlgorithm(), pair);
            SigningKey signing = PemKeys.signingKey(file);
            VerifyingKey verifying = PemKeys.verifyingKey(TestKeys.publicKeyOf(file));
            DsseEnvelope envelope =
                    DsseEnvelope.of(Dsse.IN_TOTO_PAYLOAD_TYPE, "{}".getBytes(StandardCharsets.UTF_8), List.of(signing));
            byte[] signature =
                    Base64.getDecoder().decode(envelope.signatures().get(0).sig());
            byte[] pae = Dsse.pae(envelope.payloadType(), Base64.getDecoder().decode(envelope.payload()));

            assertThat(verifying.verifies(pae, signature)).as("%s", signing).isTrue();
            assertThat(verifying.verifies(
                            Dsse.pae("application/json", "{}".getBytes(StandardCharsets.UTF_8)), signature))
                    .as("another payload type: PAE binds it")
                    .isFalse();
            signature[signature.length / 2] ^= 1;
            assertThat(verifying.verifies(pae, signature)).as("a flipped bit").isFalse();
            assertThat(verifying.verifies(pae, new byte[0]))
                    .as("an empty signature")
                    .isFalse();
        }
    }

    @Test
    void ed25519SignaturesAreDeterministic() throws Exception {
        SigningKey key = PemKeys.signingKey(TestKeys.write(dir, "ed", TestKeys.ed25519()));
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(DsseEnvelope.of(Dsse.IN_TOTO_PAYLOAD_TYPE, body, List.of(key)))
                .isEqualTo(DsseEnvelope.of(Dsse.IN_TOTO_PAYLOAD_TYPE, body, List.of(key)));
    }

    @Test
    void base64IsReadStandardOrUrlSafePaddedOrNot() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01};
        assertThat(DsseEnvelope.decodeBase64("+/8B")).isEqualTo(bytes);
        assertThat(DsseEnvelope.decodeBase64("-_8B")).isEqualTo(bytes);
        assertThat(DsseEnvelope.decodeBase64("aGk=")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(DsseEnvelope.decodeBase64("aGk")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
    }
}
