package dev.keel.build.koji;

import dev.keel.build.koji.TestPki.KeyFormat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link KojiHubDouble} started with the tests' shared PKI, and Koji profiles written for it
 * under a test's directory, from which sessions are opened as the CLI opens them.
 */
final class KojiTestHub implements AutoCloseable {

    private static final TestPki PKI = TestPki.create("koji");

    private final KojiHubDouble hub;
    private final Path home;

    private KojiTestHub(Path home) throws IOException {
        this.home = home;
        this.hub = new KojiHubDouble(PKI.serverContext());
    }

    static KojiTestHub start(Path home) throws IOException {
        return new KojiTestHub(home);
    }

    KojiHubDouble hub() {
        return hub;
    }

    /** The profile {@code koji} for this hub, with the client certificate when asked for. */
    KojiProfile profile(boolean withCertificate) throws Exception {
        PKI.writeServerCa(home.resolve(".koji/serverca.pem"));
        StringBuilder ini = new StringBuilder("[koji]\nserver = " + hub.uri()
                + "\nweburl = https://koji.example.org/koji\nserverca = ~/.koji/serverca.pem\n");
        if (withCertificate) {
            PKI.writeClient(home.resolve(".koji/client.pem"), "keel-bot", KeyFormat.EC_SEC1);
            ini.append("cert = ~/.koji/client.pem\n");
        }
        Path config = Files.writeString(home.resolve("koji.conf"), ini.toString());
        return KojiConfig.load(Optional.of(config), "koji", home, home.resolve("etc"));
    }

    /** A session (not logged in) with the profile's TLS, these options, and {@code sleeper} between retries. */
    KojiSession session(KojiProfile profile, KojiSession.Options options, KojiSession.Sleeper sleeper)
            throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(KojiTls.of(profile, Instant.now()).sslContext())
                .build();
        return new KojiSession(profile.server(), client, options, sleeper);
    }

    @Override
    public void close() {
        hub.close();
    }
}
