package dev.keel.build.koji;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of a Koji profile: an {@link SSLContext} that presents the client certificate of
 * the profile's {@code cert} file (the certificate, any chain, and its unencrypted private key, in
 * PEM) and trusts the hub's certificate only when one of {@code serverca}'s certificates signs it
 * (the JDK's trusted authorities when the profile names no {@code serverca}). With {@code
 * no_ssl_verify} the hub's certificate and name go unchecked, as koji does, and a warning says so.
 * File permissions are left to the user; messages never carry key material or file contents.
 *
 * @param sslContext for {@code HttpClient.Builder.sslContext}
 * @param warnings what the user should know (an expired certificate, verification off)
 */
public record KojiTls(SSLContext sslContext, List<String> warnings) {

    private static final char[] NO_PASSWORD = new char[0];

    public KojiTls {
        warnings = List.copyOf(warnings);
    }

    /** The TLS context of {@code profile}, judging certificate validity at {@code now}. */
    public static KojiTls of(KojiProfile profile, Instant now) throws FailureException {
        List<String> warnings = new ArrayList<>();
        KeyManager[] keys =
                profile.cert().isPresent() ? clientKey(profile.cert().get(), profile, now, warnings) : null;
        TrustManager[] trust;
        if (profile.noSslVerify()) {
            warnings.add("no_ssl_verify is set in profile '" + profile.name()
                    + "': the Koji hub's certificate is not checked, so anyone on the network path can pose as it");
            trust = new TrustManager[] {new TrustingEveryone()};
        } else {
            trust = trustedAuthorities(profile.serverca(), profile);
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, new SecureRandom());
            return new KojiTls(context, warnings);
        } catch (GeneralSecurityException e) {
            throw new FailureException(Failure.of(Failure.Kind.INTERNAL, "the JDK has no TLS implementation"));
        }
    }

    private static KeyManager[] clientKey(Path file, KojiProfile profile, Instant now, List<String> warnings)
            throws FailureException {
        String role = "Koji client certificate file";
        PemFile pem = PemFile.read(file, role, profile.locate("cert"));
        if (pem.keys().isEmpty()) {
            throw PemFile.failure(
                    file,
                    role + " has no private key",
                    "koji's cert file holds the client certificate followed by its private key (cat CERT KEY > FILE)",
                    profile.locate("cert"));
        }
        if (pem.keys().size() > 1) {
            throw PemFile.failure(
                    file,
                    role + " has more than one private key",
                    "keep only the client's key",
                    profile.locate("cert"));
        }
        PrivateKey key = pem.keys().get(0);
        Optional<X509Certificate> leaf = pem.certificates().stream()
                .filter(certificate -> belongsTo(key, certificate.getPublicKey()))
                .findFirst();
        if (leaf.isEmpty()) {
            throw PemFile.failure(
                    file,
                    pem.certificates().isEmpty()
                            ? role + " has no certificate"
                            : role + " has no certificate for its private key",
                    "koji's cert file holds the client certificate followed by its private key",
                    profile.locate("cert"));
        }
        validity(leaf.get(), now).ifPresent(warnings::add);
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf.get()));
        pem.certificates().stream().filter(c -> c != leaf.get()).forEach(chain::add);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw PemFile.failure(
                    file,
                    role + " has a key or certificate the JDK cannot use",
                    "use an RSA or EC key and an X.509 certificate",
                    profile.locate("cert"));
        }
    }

    /** Whether {@code key} signs what {@code publicKey} verifies: the key of that certificate. */
    private static boolean belongsTo(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "koji client key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<String> validity(X509Certificate certificate, Instant now) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return Optional.of("the Koji client certificate expired on "
                    + certificate.getNotAfter().toInstant()
                    + "; the hub will refuse it: renew it (e.g. fedora-cert -n or your Koji's procedure)");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return Optional.of("the Koji client certificate is not valid before "
                    + certificate.getNotBefore().toInstant() + "; check the clock");
        }
        return Optional.empty();
    }

    private static TrustManager[] trustedAuthorities(Optional<Path> serverca, KojiProfile profile)
            throws FailureException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (serverca.isEmpty()) {
                factory.init((KeyStore) null);
                return factory.getTrustManagers();
            }
            String role = "Koji server CA file";
            PemFile pem = PemFile.read(serverca.get(), role, profile.locate("serverca"));
            if (pem.certificates().isEmpty()) {
                throw PemFile.failure(
                        serverca.get(),
                        role + " has no certificate",
                        "serverca names the PEM certificates of the authorities that sign the hub's certificate",
                        profile.locate("serverca"));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < pem.certificates().size(); i++) {
                store.setCertificateEntry("ca-" + i, pem.certificates().get(i));
            }
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            if (e instanceof FailureException failure) {
                throw failure;
            }
            throw new FailureException(Failure.of(Failure.Kind.INTERNAL, "the JDK cannot build a trust store"));
        }
    }

    /** {@code no_ssl_verify}: accepts any server certificate for any host name. */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a Koji client does not accept TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
