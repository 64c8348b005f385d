package dev.keel.build.koji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.build.koji.TestPki.KeyFormat;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real HTTPS hub on loopback that requires a client certificate, called with a Koji profile's TLS. */
class KojiTlsTest {

    private static TestPki pki;
    private static TestPki otherPki;

    @TempDir
    Path home;

    @BeforeAll
    static void pkis() {
        pki = TestPki.create("koji");
        otherPki = TestPki.create("impostor");
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyFormat.class,
            names = {"RSA_PKCS1", "RSA_PKCS8", "EC_SEC1", "EC_PKCS8"})
    void aClientWithTheKojiCertificateIsServed(KeyFormat format) throws Exception {
        pki.writeServerCa(home.resolve(".koji/serverca.pem"));
        pki.writeClient(home.resolve(".koji/client.pem"), "alice", format);
        KojiTls tls = tls("cert = ~/.koji/client.pem\nserverca = ~/.koji/serverca.pem\n");
        assertThat(tls.warnings()).isEmpty();
        try (TestPki.Server server = pki.startServer()) {
            assertThat(call(tls, server.uri())).isEqualTo("200 ok");
        }
    }

    @Test
    void aClientWithoutCertificateIsRefused() throws Exception {
        pki.writeServerCa(home.resolve(".koji/serverca.pem"));
        KojiTls tls = tls("serverca = ~/.koji/serverca.pem\n");
        try (TestPki.Server server = pki.startServer()) {
            assertThatThrownBy(() -> call(tls, server.uri())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aServerCertificateThatServercaDoesNotSignIsRefused() throws Exception {
        pki.writeServerCa(home.resolve(".koji/serverca.pem"));
        otherPki.writeClient(home.resolve(".koji/client.pem"), "alice", KeyFormat.EC_SEC1);
        KojiTls tls = tls("cert = ~/.koji/client.pem\nserverca = ~/.koji/serverca.pem\n");
        try (TestPki.Server impostor = otherPki.startServer()) {
            assertThatThrownBy(() -> call(tls, impostor.uri())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void noSslVerifyAcceptsAnyServerAndSaysSo() throws Exception {
        pki.writeServerCa(home.resolve(".koji/serverca.pem"));
        otherPki.writeClient(home.resolve(".koji/client.pem"), "alice", KeyFormat.EC_SEC1);
        KojiTls tls = tls("cert = ~/.koji/client.pem\nserverca = ~/.koji/serverca.pem\nno_ssl_verify = true\n");
        assertThat(tls.warnings()).singleElement().asString().contains("no_ssl_verify", "not checked");
        try (TestPki.Server impostor = otherPki.startServer()) {
            assertThat(call(tls, impostor.uri())).isEqualTo("200 ok");
        }
    }

    @Test
    void anExpiredCertificateIsAWarning() throws Exception {
        pki.writeExpiredClient(home.resolve(".koji/client.pem"), "alice");
        KojiTls tls = tls("cert = ~/.koji/client.pem\n");
        assertThat(tls.warnings()).singleElement().asString().contains("expired");
        KojiTls early = KojiTls.of(profile("cert = ~/.koji/client.pem\n"), Instant.EPOCH);
        assertThat(early.warnings()).singleElement().asString().contains("not valid before");
    }

    @Test
    void aCertFileWithoutKeyIsAnErrorAtTheFileNamingTheConfigLine() throws Exception {
        Path ca = pki.writeServerCa(home.resolve(".koji/serverca.pem"));
        Failure failure = failure("cert = ~/.koji/serverca.pem\n");
        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(failure.message()).isEqualTo("Koji client certificate file has no private key");
        assertThat(failure.location().file()).isEqualTo(ca);
        assertThat(failure.details())
                .singleElement()
                .satisfies(detail -> assertThat(detail.value()).endsWith(".koji/config:3:1"));
        assertThat(failure.hint()).contains("certificate followed by its private key");
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyFormat.class,
            names = {"ENCRYPTED_PKCS8", "ENCRYPTED_PKCS1"})
    void aPassphraseProtectedKeyIsAnError(KeyFormat format) throws Exception {
        pki.writeClient(home.resolve(".koji/client.pem"), "alice", format);
        assertThat(failure("cert = ~/.koji/client.pem\n").message())
                .isEqualTo("Koji client certificate file has a passphrase-protected private key, which Keel cannot"
                        + " read");
    }

    @Test
    void aKeyOfAnotherCertificateIsAnError() throws Exception {
        String alice = Files.readString(pki.writeClient(home.resolve("alice.pem"), "alice", KeyFormat.EC_SEC1));
        String bob = Files.readString(pki.writeClient(home.resolve("bob.pem"), "bob", KeyFormat.EC_SEC1));
        Files.writeString(
                home.resolve("mixed.pem"),
                alice.substring(0, alice.indexOf("-----BEGIN EC")) + bob.substring(bob.indexOf("-----BEGIN EC")));
        assertThat(failure("cert = ~/mixed.pem\n").message())
                .isEqualTo("Koji client certificate file has no certificate for its private key");
        Files.writeString(home.resolve("key-only.pem"), bob.substring(bob.indexOf("-----BEGIN EC")));
        assertThat(failure("cert = ~/key-only.pem\n").message())
                .isEqualTo("Koji client certificate file has no certificate");
    }

    @Test
    void messagesNeverCarryTheFilesContents() throws Exception {
        Files.writeString(
                home.resolve("broken.pem"),
                "-----BEGIN RSA PRIVATE KEY-----\nU0VDUkVUU0VDUkVUU0VDUkVU\n-----END RSA PRIVATE KEY-----\n");
        Failure failure = failure("cert = ~/broken.pem\n");
        assertThat(failure.message())
                .isEqualTo("Koji client certificate file is not a valid PEM file of certificates" + " and keys");
        assertThat(failure.toString()).doesNotContain("U0VDUkVU", "SECRET");
    }

    @Test
    void missingEmptyAndHugeFilesAreErrors() throws Exception {
        assertThat(failure("cert = ~/nowhere.pem\n").message())
                .isEqualTo("Koji client certificate file not found (or not a regular file)");
        Files.writeString(home.resolve("empty.pem"), "");
        assertThat(failure("serverca = ~/empty.pem\n").message()).isEqualTo("Koji server CA file has no certificate");
        Files.write(home.resolve("huge.pem"), new byte[PemFile.MAX_BYTES + 1]);
        assertThat(failure("serverca = ~/huge.pem\n").message())
                .isEqualTo("Koji server CA file is larger than 1024 KiB");
    }

    private KojiProfile profile(String keys) throws Exception {
        Files.createDirectories(home.resolve(".koji"));
        Files.writeString(home.resolve(".koji/config"), "[koji]\nserver = https://127.0.0.1/kojihub\n" + keys);
        return KojiConfig.load(Optional.empty(), "koji", home, home.resolve("no-etc"));
    }

    private KojiTls tls(String keys) throws Exception {
        return KojiTls.of(profile(keys), Instant.now());
    }

    private Failure failure(String keys) throws Exception {
        KojiProfile profile = profile(keys);
        FailureException thrown =
                catchThrowableOfType(FailureException.class, () -> KojiTls.of(profile, Instant.now()));
        assertThat(thrown).as("a failure").isNotNull();
        return thrown.failure();
    }

    /** Calls the hub; the timeouts only keep a broken handshake from hanging the build. */
    private static String call(KojiTls tls, URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(tls.sslContext())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
