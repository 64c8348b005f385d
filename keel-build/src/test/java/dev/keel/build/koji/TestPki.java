package dev.keel.build.koji;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throwaway PKI made at test time: a CA, a server certificate for {@code 127.0.0.1} and {@code
 * localhost} signed by it, and client certificates signed by it, written as Koji expects them
 * ({@code serverca.pem}; a client file holding the certificate and then its key), plus a JDK
 * {@link HttpsServer} on loopback that requires a client certificate from this CA.
 */
public final class TestPki {

    /** How a client file writes its private key. */
    public enum KeyFormat {
        /** {@code RSA PRIVATE KEY} */
        RSA_PKCS1,
        /** {@code PRIVATE KEY} holding an RSA key */
        RSA_PKCS8,
        /** {@code EC PRIVATE KEY} */
        EC_SEC1,
        /** {@code PRIVATE KEY} holding an EC key */
        EC_PKCS8,
        /** {@code ENCRYPTED PRIVATE KEY} */
        ENCRYPTED_PKCS8,
        /** {@code RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED} */
        ENCRYPTED_PKCS1
    }

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private final String caName;
    private final KeyPair caKey;
    private final X509Certificate caCertificate;
    private final KeyPair serverKey;
    private final X509Certificate serverCertificate;

    private TestPki(String name) throws GeneralSecurityException, OperatorCreationException {
        caName = "CN=" + name + " CA";
        caKey = ecKey();
        caCertificate = certificate(caName, caKey, caName, caKey, Role.CA, valid());
        serverKey = ecKey();
        serverCertificate = certificate("CN=localhost", serverKey, caName, caKey, Role.SERVER, valid());
    }

    public static TestPki create(String name) {
        try {
            return new TestPki(name);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the CA certificate, as Koji's {@code serverca}. */
    public Path writeServerCa(Path file) throws IOException {
        return writePem(file, caCertificate);
    }

    /** Writes a new client certificate for {@code user} and its key in {@code format}, as Koji's {@code cert}. */
    public Path writeClient(Path file, String user, KeyFormat format) throws IOException {
        return writeClient(file, user, format, valid());
    }

    /** A client certificate that expired a day ago. */
    Path writeExpiredClient(Path file, String user) throws IOException {
        Instant now = Instant.now();
        return writeClient(file, user, KeyFormat.EC_SEC1, new Instant[] {
            now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))
        });
    }

    private Path writeClient(Path file, String user, KeyFormat format, Instant[] validity) throws IOException {
        try {
            boolean rsa = format == KeyFormat.RSA_PKCS1
                    || format == KeyFormat.RSA_PKCS8
                    || format == KeyFormat.ENCRYPTED_PKCS1;
            KeyPair key = rsa ? rsaKey() : ecKey();
            X509Certificate certificate = certificate("CN=" + user, key, caName, caKey, Role.CLIENT, validity);
            char[] passphrase = "secret".toCharArray();
            Object keyBlock = switch (format) {
                case RSA_PKCS1 -> key.getPrivate();
                case EC_SEC1 -> sec1(key);
                case RSA_PKCS8, EC_PKCS8 -> new JcaPKCS8Generator(key.getPrivate(), null);
                case ENCRYPTED_PKCS8 ->
                    new JcaPKCS8Generator(
                            key.getPrivate(),
                            new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                    .setProvider(BC)
                                    .setPassword(passphrase)
                                    .build());
                case ENCRYPTED_PKCS1 -> null;
            };
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(certificate);
                if (keyBlock == null) {
                    writer.writeObject(
                            key.getPrivate(),
                            new JcePEMEncryptorBuilder("AES-128-CBC")
                                    .setProvider(BC)
                                    .build(passphrase));
                } else if (keyBlock instanceof JcaPKCS8Generator generator) {
                    writer.writeObject(generator);
                } else {
                    writer.writeObject(keyBlock);
                }
            }
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts an HTTPS server on {@code 127.0.0.1} that answers {@code ok} to a client presenting a
     * certificate of this CA, and refuses the handshake otherwise.
     */
    Server startServer() throws IOException {
        SSLContext context = serverContext();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new Server(server);
    }

    /** A running server; closing it stops it. */
    record Server(HttpsServer server) implements AutoCloseable {
        URI uri() {
            return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/kojihub");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    public SSLContext serverContext() {
        try {
            char[] password = "server".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "server", serverKey.getPrivate(), password, new X509Certificate[] {serverCertificate, caCertificate
                    });
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", caCertificate);
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Role {
        CA,
        SERVER,
        CLIENT
    }

    private static Instant[] valid() {
        Instant now = Instant.now();
        return new Instant[] {now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))};
    }

    private static X509Certificate certificate(
            String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, Role role, Instant[] validity)
            throws GeneralSecurityException, OperatorCreationException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(validity[0]),
                    Date.from(validity[1]),
                    new X500Name(subject),
                    subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(role == Role.CA));
            switch (role) {
                case CA ->
                    builder.addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case SERVER -> {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")
                    }));
                    builder.addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                }
                case CLIENT ->
                    builder.addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An {@code EC PRIVATE KEY} block as openssl writes it, the curve inside: BouncyCastle writes
     * the JDK's key without it, which no reader accepts.
     */
    private static PemObject sec1(KeyPair key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey withCurve = new ECPrivateKey(
                256,
                inner.getKey(),
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()).getPublicKeyData(),
                info.getPrivateKeyAlgorithm().getParameters());
        return new PemObject("EC PRIVATE KEY", withCurve.getEncoded());
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path writePem(Path file, Object block) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(block);
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    }
}
