package dev.keel.build.koji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.build.koji.xmlrpc.MethodCall;
import dev.keel.build.koji.xmlrpc.MulticallResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocol tests of {@link KojiSession} against {@link KojiHubDouble}, a hub double on loopback
 * over HTTPS that requires a client certificate and speaks Koji's XML-RPC wire format (it is not a
 * real hub: docs/build.md says how to point Keel at one).
 */
class KojiSessionTest {

    @TempDir
    Path home;

    private KojiTestHub koji;
    private KojiHubDouble hub;
    private final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void startHub() throws Exception {
        koji = KojiTestHub.start(home);
        hub = koji.hub();
    }

    @AfterEach
    void stopHub() {
        koji.close();
    }

    private KojiSession session(boolean withCertificate) throws Exception {
        KojiSession.Options options = new KojiSession.Options(
                3, Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), false, false);
        return koji.session(koji.profile(withCertificate), options, slept::add);
    }

    @Test
    void logsInOnSslLoginThenSendsTheSessionAndACallNumberWithEveryCall() throws Exception {
        try (KojiSession session = session(true)) {
            session.sslLogin();
            assertThat(session.call("getLoggedInUser")).isEqualTo(Map.of("id", 7L, "name", "keel-bot"));
            assertThat(session.call("getLoggedInUser")).isNotNull();
        }
        List<KojiHubDouble.Received> calls = hub.received();
        assertThat(calls)
                .extracting(KojiHubDouble.Received::method)
                .containsExactly("sslLogin", "getLoggedInUser", "getLoggedInUser", "logout");
        assertThat(calls.get(0).params()).containsExactly((Object) null);
        assertThat(calls.get(0).query()).isNull();
        assertThat(calls).allMatch(KojiHubDouble.Received::clientCertificate);
        assertThat(calls.subList(1, 4))
                .extracting(KojiHubDouble.Received::query)
                .containsExactly(
                        "session-id=4217&session-key=" + KojiHubDouble.SESSION_KEY + "&callnum=0",
                        "session-id=4217&session-key=" + KojiHubDouble.SESSION_KEY + "&callnum=1",
                        "session-id=4217&session-key=" + KojiHubDouble.SESSION_KEY + "&callnum=2");
    }

    @Test
    void keywordArgumentsTravelAsAStarstarStruct() throws Exception {
        hub.define("build", params -> 1234L);
        try (KojiSession session = session(true)) {
            session.sslLogin();
            Map<String, Object> opts = new LinkedHashMap<>();
            opts.put("scratch", true);
            assertThat(session.call(
                            "build",
                            List.of("cli-build/1/hello.src.rpm", "f43-candidate", opts),
                            Map.of("priority", 5)))
                    .isEqualTo(1234L);
        }
        Map<String, Object> starstar = new LinkedHashMap<>();
        starstar.put("priority", 5L);
        starstar.put("__starstar", true);
        assertThat(hub.received().get(1).params())
                .containsExactly("cli-build/1/hello.src.rpm", "f43-candidate", Map.of("scratch", true), starstar);
    }

    @Test
    void aCallThatDidNotReachTheHubIsSentAgainWithTheSameCallNumber() throws Exception {
        hub.dropOnce(1);
        try (KojiSession session = session(true)) {
            session.sslLogin();
            session.call("getLoggedInUser");
            assertThat(session.call("getLoggedInUser")).isNotNull();
        }
        assertThat(hub.received())
                .extracting(KojiHubDouble.Received::query)
                .filteredOn(query -> query != null && query.endsWith("callnum=1"))
                .hasSize(2);
        assertThat(slept).as("the first retry is immediate").isEmpty();
    }

    @Test
    void faultsAreTheHubsAnswerNamedAsKojiNamesThemAndNotRetried() throws Exception {
        hub.define("getBuild", params -> {
            throw new KojiHubDouble.Fault(1019, "Invalid build info: {'bad': 1}");
        });
        try (KojiSession session = session(true)) {
            session.sslLogin();
            assertThatThrownBy(() -> session.call("getBuild", "bad"))
                    .isInstanceOf(KojiException.class)
                    .hasMessageStartingWith("getBuild failed on the hub: ParameterError")
                    .hasMessageContaining("Invalid build info")
                    .satisfies(e -> assertThat(((KojiException) e).faultCode()).hasValue(1019));
        }
        assertThat(hub.received()).extracting(KojiHubDouble.Received::method).containsOnlyOnce("getBuild");
    }

    @Test
    void multiCallGivesEachCallsValueOrFault() throws Exception {
        hub.define("getBuild", params -> {
            if (params.get(0).equals("missing-1-1")) {
                return null;
            }
            if (params.get(0).equals("bad")) {
                throw new KojiHubDouble.Fault(1000, "no such build");
            }
            return Map.of("nvr", params.get(0), "state", 1L);
        });
        try (KojiSession session = session(true)) {
            session.sslLogin();
            List<MulticallResult> results = session.multiCall(List.of(
                    new MethodCall("getBuild", List.of("hello-2.1-3.kx1")),
                    new MethodCall("getBuild", List.of("missing-1-1")),
                    new MethodCall("getBuild", List.of("bad"))));
            assertThat(results).hasSize(3);
            assertThat(results.get(0).value()).isEqualTo(Map.of("nvr", "hello-2.1-3.kx1", "state", 1L));
            assertThat(results.get(1).value()).isNull();
            assertThat(results.get(1).fault()).isNull();
            assertThat(results.get(2).fault().code()).isEqualTo(1000);
        }
    }

    @Test
    void withoutTheClientCertificateTheHubRefusesTheConnectionAndNoSecretIsSaid() throws Exception {
        KojiSession session = session(false);
        assertThatThrownBy(session::sslLogin)
                .isInstanceOf(KojiException.class)
                .hasMessageContaining(hub.uri().toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("session-key"));
        assertThat(session.loggedIn()).isFalse();
    }

    @Test
    void theSessionKeyIsNeverInAMessage() throws Exception {
        try (KojiSession session = session(true)) {
            session.sslLogin();
            hub.close();
            assertThatThrownBy(() -> session.call("getLoggedInUser"))
                    .isInstanceOf(KojiException.class)
                    .hasMessageContaining("in 4 tries")
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(KojiHubDouble.SESSION_KEY);
                        }
                    });
            assertThat(slept).as("after the immediate retry, retry_interval").hasSize(2);
        }
    }
}
